/**
 * Reports of one campaign processed at the same moment (parallel batches: the mapping has
 * parallelizationFactor 2) never lose a target and never leave two campaigns for one set of
 * identifiers.
 */
import { describe, expect, it } from 'vitest';
import { correlateReport, joinQueue } from '../../shared/campaigns/correlate.ts';
import { formedKey, thresholdKey } from '../../shared/campaigns/state-changes.ts';
import type { Report } from '../../shared/domain/report.ts';
import { coalescingLedger } from '../../shared/usecases/once.ts';
import { assessment, report, SCRIPT_ABI } from '../unit/campaigns/fixtures.ts';
import { campaignHarness } from './campaign-harness.ts';

const ROUNDS = 4;

/** The harness as score-stream wires it: a join queue (group commit) and a coalescing ledger. */
async function queuedHarness() {
  const h = await campaignHarness();
  h.deps.joiner = joinQueue();
  h.deps.ledger = coalescingLedger(h.deps.ledger);
  return h;
}

async function settled(h: Awaited<ReturnType<typeof campaignHarness>>, reports: Report[]) {
  for (const r of reports) await h.reports.create(r);
  const results = await Promise.all(reports.map((r) => correlateReport(h.deps, r, assessment())));
  const live = new Set(
    await Promise.all(results.map(async (r) => (await h.store.resolve(r.campaignId!))!.id)),
  );
  return { results, live };
}

describe.each([
  ['one report at a time', campaignHarness],
  ['through the join queue (group commit), as score-stream runs it', queuedHarness],
] as const)('concurrent correlation, %s', (_, makeHarness) => {
  it('two reports of one number at the same moment: one campaign, both targets', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const h = await makeHarness();
      const sender = { phones: ['+447700900417'], aliases: ['Abi'] };
      const { live } = await settled(h, [
        report({ sender, targets: { names: ['Ben Carrow'] }, text: SCRIPT_ABI.replace('{name}', 'Ben') }),
        report({
          sender,
          targets: { names: ['Andrew Fenwick'] },
          text: SCRIPT_ABI.replace('{name}', 'Andrew'),
        }),
      ]);
      expect(live.size).toBe(1);
      const listed = (await h.store.list()).items;
      expect(listed).toHaveLength(1);
      expect(listed[0]).toMatchObject({ reportCount: 2, targetCount: 2, incidentCount: 2 });
      expect(h.alerts('campaign-formed')).toHaveLength(1);
    }
  });

  it('a bridging report racing the two campaigns it links: one campaign, every target', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const h = await makeHarness();
      const abi = { phones: ['+447700900417'], aliases: ['Abi'] };
      const charlie = { phones: ['+447700900862'], aliases: ['Charlie'] };
      const other =
        'Thomas! It is Charlie, we met in Strangers before Christmas, you bought me a gin and told me about your allotment';
      const { live } = await settled(h, [
        report({ sender: abi, targets: { names: ['Ben Carrow'] } }),
        report({ sender: charlie, text: other, targets: { names: ['Thomas Hadley'] } }),
        // Uses both numbers: links the two campaigns the others are founding at this moment.
        report({
          sender: { phones: [...abi.phones, ...charlie.phones], aliases: ['Abi'] },
          targets: { names: ['Sam Whitlock'] },
          text: 'Sam hi its Abi from the tech APPG drinks on Tuesday, you explained the online safety bill to me',
        }),
        report({ sender: charlie, text: `${other} and more`, targets: { names: ['Daniel Reeve'] } }),
      ]);
      expect(live.size).toBe(1);
      const listed = (await h.store.list()).items;
      expect(listed).toHaveLength(1);
      expect(listed[0]!.targets.map((t) => t.label).sort()).toEqual([
        'Ben Carrow',
        'Daniel Reeve',
        'Sam Whitlock',
        'Thomas Hadley',
      ]);
      expect(listed[0]).toMatchObject({ reportCount: 4, incidentCount: 4 });
      expect(listed[0]!.phones.sort()).toEqual(['+447700900417', '+447700900862']);
      const ids = [];
      let cursor: string | undefined;
      do {
        const page = await h.store.reportIdsOf(listed[0]!.id, { limit: 2, cursor });
        ids.push(...page.items);
        cursor = page.cursor;
      } while (cursor);
      expect(ids).toHaveLength(4);
      expect(h.alerts('campaign-formed').length).toBeGreaterThanOrEqual(1);
    }
  });

  it('the same report processed twice at once counts once', async () => {
    const h = await makeHarness();
    const r = report({ targets: { names: ['Ben Carrow'] } });
    const twin = report({
      targets: { names: ['Andrew Fenwick'] },
      text: SCRIPT_ABI.replace('{name}', 'Andrew'),
    });
    await h.reports.create(r);
    await h.reports.create(twin);
    await Promise.all([
      correlateReport(h.deps, r, assessment()),
      correlateReport(h.deps, r, assessment()),
      correlateReport(h.deps, twin, assessment()),
    ]);
    const listed = (await h.store.list()).items;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ reportCount: 2, targetCount: 2 });
    expect(h.alerts()).toHaveLength(1);
  });
});

describe('the join queue (group commit)', () => {
  it('twelve reports of one campaign at once: written together, every target, each alert once', async () => {
    const h = await queuedHarness();
    const sender = { phones: ['+447700900417'], aliases: ['Abi'] };
    const names = Array.from({ length: 12 }, (_, i) => `Member ${i}`);
    const reports = names.map((name) =>
      report({ sender, targets: { names: [name] }, text: SCRIPT_ABI.replace('{name}', name) }),
    );
    const { results, live } = await settled(h, reports);
    expect(live.size).toBe(1);
    const [campaign] = (await h.store.list()).items;
    expect(campaign).toMatchObject({ reportCount: 12, targetCount: 12, incidentCount: 12 });
    // Group commit: fewer campaign writes than reports.
    expect(campaign!.version).toBeLessThan(12);
    expect(h.alerts('campaign-formed')).toHaveLength(1);
    // Thresholds it had reached when it formed are told in the formed alert; later ones once each.
    expect(h.alerts('campaign-threshold').length).toBeLessThanOrEqual(2);
    expect(results.flatMap((r) => r.alerts)).toHaveLength(h.alerts().length);
    const keys = [formedKey(campaign!.id), thresholdKey(campaign!.id, 3), thresholdKey(campaign!.id, 10)];
    expect(await h.deps.ledger.completed!(keys)).toEqual(new Set(keys));
    // Each report is marked with its campaign, listed under it once.
    for (const r of reports) expect((await h.reports.get(r.id))?.campaignId).toBe(campaign!.id);
    const { items } = await h.store.reportIdsOf(campaign!.id, { limit: 100 });
    expect(new Set(items).size).toBe(12);
  });
});
