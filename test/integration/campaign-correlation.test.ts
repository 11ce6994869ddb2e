/**
 * Correlation against DynamoDB Local: links, merges, duplicates, benign reports, the access
 * paths, and exactly-once alerts and follow-ups when a report is processed again.
 */
import { describe, expect, it } from 'vitest';
import { parseRoster } from '../../shared/campaigns/roster.ts';
import { assessment, report, SCRIPT_ABI } from '../unit/campaigns/fixtures.ts';
import { campaignHarness } from './campaign-harness.ts';

const day = (d: number) => new Date(Date.UTC(2024, 0, d, 9));
const ABI = { phones: ['+447700900417'], aliases: ['Abi'] };
const CHARLIE = { phones: ['+447700900862'], aliases: ['Charlie'] };

describe('campaign correlation on DynamoDB Local', () => {
  it('joins a second report from the same number and announces the campaign once', async () => {
    const h = await campaignHarness();
    const first = await h.correlate(
      report({
        at: day(1),
        sender: ABI,
        targets: { names: ['Ben Carrow'] },
        reporter: 'ben.carrow@parliament.uk',
      }),
      assessment(),
    );
    expect(first.campaignId).toBeDefined();
    expect(h.alerts()).toEqual([]);
    expect(h.mailed).toEqual([]);

    const second = await h.correlate(
      report({
        at: day(2),
        sender: ABI,
        targets: { names: ['Andrew Fenwick'] },
        text: SCRIPT_ABI.replace('{name}', 'Andrew'),
        reporter: 'andrew.fenwick.mp@parliament.uk',
      }),
      assessment(),
    );
    expect(second.campaignId).toBe(first.campaignId);
    expect(second.linkedBy.map((l) => l.via)).toContain('phone +447700900417');
    expect(h.alerts().map((p) => p.attributes)).toEqual([
      expect.objectContaining({
        kind: 'campaign-formed',
        campaignId: first.campaignId,
        channel: 'whatsapp',
        severity: 'medium',
      }),
    ]);
    // Both reporters learn it is a wider campaign: the first one when it formed.
    expect(h.mailed.map((m) => m.to[0]).sort()).toEqual([
      'andrew.fenwick.mp@parliament.uk',
      'ben.carrow@parliament.uk',
    ]);

    const campaign = await h.store.get(first.campaignId!);
    expect(campaign).toMatchObject({
      reportCount: 2,
      incidentCount: 2,
      targetCount: 2,
      formed: true,
      phones: ['+447700900417'],
    });
    expect((await h.store.reportIdsOf(first.campaignId!)).items).toHaveLength(2);
    // The report itself names its campaign, for readers of the report.
    const [, secondId] = (await h.store.reportIdsOf(first.campaignId!)).items;
    expect((await h.reports.get(secondId!))?.campaignId).toBe(first.campaignId);
  });

  it('does not link on an alias alone: a genuine "Abi" stays out', async () => {
    const h = await campaignHarness();
    const lure = await h.correlate(report({ at: day(1), sender: ABI }), assessment());
    const genuine = await h.correlate(
      report({
        at: day(2),
        sender: { phones: ['+447700900150'], aliases: ['Abi'] },
        targets: { names: ['Nadia Farouk'] },
        text: 'Lovely to meet you at the APPG yesterday, here is the evaluation we promised, do let me know some dates for a visit',
      }),
      assessment('suspicious', 'spearphish'),
    );
    expect(genuine.campaignId).not.toBe(lure.campaignId);
  });

  it('links a second number reading from the same script, and merges when one report links two campaigns', async () => {
    const h = await campaignHarness();
    const a = await h.correlate(
      report({ at: day(1), sender: ABI, targets: { names: ['Ben Carrow'] } }),
      assessment(),
    );
    const b = await h.correlate(
      report({
        at: day(2),
        sender: CHARLIE,
        targets: { names: ['Thomas Hadley'] },
        text: 'Thomas! It is Charlie, we met in Strangers before Christmas and you bought me a gin and told me about your allotment',
      }),
      assessment(),
    );
    expect(b.campaignId).not.toBe(a.campaignId);
    // Number of the second campaign, script of the first: one campaign, the older id survives.
    const c = await h.correlate(
      report({
        at: day(3),
        sender: CHARLIE,
        targets: { names: ['Sam Whitlock'] },
        text: SCRIPT_ABI.replace('{name}', 'Sam'),
      }),
      assessment(),
    );
    expect(c.campaignId).toBe(a.campaignId);
    expect(c.linkedBy.map((l) => l.via)).toEqual(
      expect.arrayContaining(['phone +447700900862', 'near-identical wording']),
    );
    const merged = await h.store.get(b.campaignId!);
    expect(merged?.mergedInto).toBe(a.campaignId);
    expect((await h.store.resolve(b.campaignId!))?.id).toBe(a.campaignId);
    const survivor = (await h.store.get(a.campaignId!))!;
    expect(survivor).toMatchObject({ reportCount: 3, targetCount: 3, mergedFrom: [b.campaignId] });
    expect(survivor.phones.sort()).toEqual(['+447700900417', '+447700900862']);
    expect((await h.store.reportIdsOf(a.campaignId!)).items).toHaveLength(3);
    // Formed with three targets at once: the threshold is told in the formed alert.
    expect(h.alerts().map((p) => p.attributes.kind)).toEqual(['campaign-formed']);
  });

  it('announces a new number or alias gained after it formed, and each crossed threshold, once', async () => {
    const h = await campaignHarness();
    const names = ['Ben Carrow', 'Andrew Fenwick', 'Daniel Reeve'];
    let id: string | undefined;
    for (const [i, name] of names.entries())
      id = (
        await h.correlate(report({ at: day(i + 1), sender: ABI, targets: { names: [name] } }), assessment())
      ).campaignId;
    expect(h.alerts().map((p) => p.attributes.kind)).toEqual(['campaign-formed', 'campaign-threshold']);
    const other = await h.correlate(
      report({
        at: day(5),
        sender: { phones: ['+447700900417', '+447700900999'], aliases: ['Abi', 'Jess'] },
        targets: { names: ['Rob Kendal'] },
      }),
      assessment(),
    );
    expect(other.campaignId).toBe(id);
    const news = h.alerts('campaign-new-identifier');
    expect(news).toHaveLength(1);
    expect(JSON.parse(news[0]!.message).newIdentifiers).toEqual([
      { kind: 'phone', value: '+447700900999' },
      { kind: 'alias', value: 'jess' },
    ]);
  });

  it('collapses the same conversation reported twice into one incident with two reporters', async () => {
    const h = await campaignHarness();
    const text =
      'Thomas! It is Charlie. We met in Strangers before Christmas, you bought me a gin and told me about your allotment. Sorry for messaging out of the blue';
    const byPartner = await h.correlate(
      report({
        at: day(1),
        sender: CHARLIE,
        text,
        partner: 'met-police',
        targets: { names: ['Thomas Hadley'] },
      }),
      assessment(),
    );
    // The staffer typed it out from his phone: near-identical, same number.
    const byStaffer = await h.correlate(
      report({
        at: day(9),
        sender: CHARLIE,
        text: `${text} x`,
        reporter: 'claire.moss@parliament.uk',
        targets: { names: ['Thomas Hadley'] },
      }),
      assessment(),
    );
    expect(byStaffer).toMatchObject({
      campaignId: byPartner.campaignId,
      duplicate: true,
      incidentId: byPartner.incidentId,
    });
    const c = (await h.store.get(byPartner.campaignId!))!;
    expect(c).toMatchObject({ reportCount: 2, incidentCount: 1, targetCount: 1, formed: false });
    expect(c.reporters).toEqual(['partner:met-police', 'claire.moss@parliament.uk']);
    expect(h.alerts()).toEqual([]);
  });

  it('indexes benign reports without joining them, and shows them to officers beside a later lure', async () => {
    const h = await campaignHarness();
    const benign = report({
      at: day(1),
      sender: ABI,
      text: 'Hello, is this the right number for the constituency surgery on Friday morning please?',
    });
    const none = await h.correlate(benign, assessment('benign'));
    expect(none.campaignId).toBeUndefined();
    const lure = await h.correlate(report({ at: day(2), sender: ABI }), assessment());
    const c = (await h.store.get(lure.campaignId!))!;
    expect(c.reportCount).toBe(1);
    expect(c.relatedReportIds).toEqual([benign.id]);
    expect(await h.store.reportIdsBySenderIdentifier('phone', '07700 900417')).toHaveLength(2);
    expect(await h.store.reportIdsBySenderIdentifier('alias', 'ABI')).toHaveLength(2);
  });

  it('publishes and mails nothing more when the same reports are processed again', async () => {
    const h = await campaignHarness();
    const reports = ['Ben Carrow', 'Andrew Fenwick', 'Daniel Reeve'].map((name, i) =>
      report({ at: day(i + 1), sender: ABI, targets: { names: [name] }, reporter: `r${i}@parliament.uk` }),
    );
    for (const r of reports) await h.correlate(r, assessment());
    const before = { alerts: h.published.length, mails: h.mailed.length };
    expect(h.alerts().map((p) => p.attributes.kind)).toEqual(['campaign-formed', 'campaign-threshold']);
    expect(before.mails).toBe(3);
    for (const r of reports) await h.correlate(r, assessment()).catch(() => undefined);
    // Redelivered: the reports exist already, so call the use case directly as the stream would.
    const { correlateReport } = await import('../../shared/campaigns/correlate.ts');
    for (const r of reports) await correlateReport(h.deps, r, assessment());
    expect({ alerts: h.published.length, mails: h.mailed.length }).toEqual(before);
    const c = (await h.store.list()).items;
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ reportCount: 3, targetCount: 3 });
  });

  it('lists campaigns by last activity with an opaque cursor, and pages the reports of one', async () => {
    const h = await campaignHarness();
    const ids: string[] = [];
    for (let n = 0; n < 3; n++) {
      // Three unrelated campaigns: other numbers, other words.
      const sender = { phones: [`+4477009001${n}0`], aliases: [] };
      const text = [
        'alpha bravo charlie delta echo foxtrot golf hotel',
        'india juliet kilo lima mike november oscar papa',
        'quebec romeo sierra tango uniform victor whiskey xray',
      ][n]!;
      ids.push(
        (
          await h.correlate(
            report({ at: day(n * 2 + 1), sender, text, targets: { names: ['A'] } }),
            assessment(),
          )
        ).campaignId!,
      );
      await h.correlate(
        report({ at: day(n * 2 + 2), sender, text, targets: { names: ['B'] } }),
        assessment(),
      );
    }
    const page1 = await h.store.list({ limit: 2 });
    expect(page1.items.map((c) => c.id)).toEqual([ids[2], ids[1]]);
    const page2 = await h.store.list({ limit: 2, cursor: page1.cursor });
    expect(page2.items.map((c) => c.id)).toEqual([ids[0]]);
    expect(page2.cursor).toBeUndefined();
    const r1 = await h.store.reportIdsOf(ids[0]!, { limit: 1 });
    const r2 = await h.store.reportIdsOf(ids[0]!, { limit: 1, cursor: r1.cursor });
    expect([...r1.items, ...r2.items]).toHaveLength(2);
    await expect(h.store.list({ cursor: 'nonsense!' })).rejects.toThrow(/cursor/);
  });

  it('raises severity and reach from the roster', async () => {
    const roster = parseRoster(
      'name,role,party,email,mobile\nAndrew Fenwick,minister,,,\nBen Carrow,staffer,,,\nX,member,,,\nY,member,,,\n',
      'csv',
    );
    const h = await campaignHarness({ roster });
    await h.correlate(report({ at: day(1), sender: ABI, targets: { names: ['Ben Carrow'] } }), assessment());
    const r = await h.correlate(
      report({ at: day(2), sender: ABI, targets: { names: ['Andrew Fenwick'] } }),
      assessment(),
    );
    expect(await h.store.get(r.campaignId!)).toMatchObject({
      severity: 'high',
      targetedPercent: 50,
      rosterTargetCount: 2,
    });
    expect(h.alerts()[0]!.attributes.severity).toBe('high');
  });
});
