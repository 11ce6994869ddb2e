/**
 * The "Abi"/"Charlie" scenario end to end: the ten reports of /work/shared/corpus/campaign fed
 * to the local runtime in arrival order (.eml over SMTP, chat exports through the partner API),
 * then checked against expected.json — both numbers in one campaign, every target, the duplicate
 * collapsed, the unrelated reports left out — and the campaign alerts in the outbox counted.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoCampaignRepository } from '../../shared/adapters/dynamodb/campaign-repository.ts';
import { documentClient, localClientConfig } from '../../shared/adapters/dynamodb/client.ts';
import type { ReportLink } from '../../shared/campaigns/store.ts';
import { eventually, type RuntimeProcess, startRuntimeProcess } from '../support/runtime-process.ts';

const CORPUS = '/work/shared/corpus/campaign';
const expected = JSON.parse(readFileSync(join(CORPUS, 'expected.json'), 'utf8')) as {
  campaign_numbers: string[];
  campaign_aliases: string[];
  campaign_targets: string[];
  campaign_files: string[];
  unrelated_files: string[];
  duplicate_pairs: Array<[string, string]>;
};

const ROSTER = `name,role,party,email,mobile
Simon Ashworth,MP,Labour,simon.ashworth.mp@parliament.uk,
Ben Carrow,Parliamentary assistant,Labour,ben.carrow@parliament.uk,
Thomas Hadley,MP,Conservative,,
Claire Moss,Office manager,Conservative,claire.moss@parliament.uk,
Andrew Fenwick,Minister,Labour,andrew.fenwick.mp@parliament.uk,
Daniel Reeve,Lobby correspondent,,daniel.reeve@midlandspost.example,
Sam Whitlock,Researcher,Liberal Democrat,,
Rob Kendal,MP,Labour,rob.kendal.mp@parliament.uk,
Nadia Farouk,Researcher,Plaid Cymru,nadia.farouk@parliament.uk,
Huw Bevan,MP,Plaid Cymru,,
Jamie Lowe,Caseworker,Conservative,jamie.lowe@parliament.uk,
Neil Hammond,MP,Conservative,,
`;

describe('the campaign scenario through the local runtime', () => {
  let runtime: RuntimeProcess;
  let campaigns: DynamoCampaignRepository;
  const ids = new Map<string, string>();
  const links = new Map<string, ReportLink | undefined>();

  const settle = async () => {
    // Correlation's effects follow the verdict: wait until the outboxes stop growing.
    let last = '';
    for (let quiet = 0; quiet < 4; ) {
      await new Promise((r) => setTimeout(r, 150));
      const now = `${runtime.outbox().length}/${runtime.sentMail().length}`;
      quiet = now === last ? quiet + 1 : 0;
      last = now;
    }
  };

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lw-campaign-e2e-'));
    writeFileSync(join(dir, 'roster.csv'), ROSTER);
    runtime = await startRuntimeProcess({
      dataDir: dir,
      env: {
        LUREWATCH_ROSTER_FILE: join(dir, 'roster.csv'),
        // The journalist with a lobby pass reports too.
        LUREWATCH_REPORTER_DOMAINS: 'parliament.uk,midlandspost.example',
      },
    });
    const endpoint = /dynamodb (http:\/\/\S+)/.exec(runtime.output())![1]!;
    campaigns = new DynamoCampaignRepository(documentClient(localClientConfig(endpoint)), 'lurewatch');
    const partner = await runtime.token('partner', 'met-police');
    const smtp = nodemailer.createTransport({
      host: '127.0.0.1',
      port: runtime.smtpPort,
      secure: false,
      ignoreTLS: true,
    });

    for (const file of readdirSync(CORPUS)
      .filter((f) => /^\d\d_/.test(f))
      .sort()) {
      const bytes = readFileSync(join(CORPUS, file));
      let id: string;
      if (file.endsWith('.eml')) {
        const from = /^From:.*?<?([^<>\s]+@[^<>\s]+)>?\s*$/m.exec(bytes.toString('utf8'))![1]!.toLowerCase();
        const before = runtime.sentMail().length;
        await smtp.sendMail({ envelope: { from, to: ['report@lurewatch.example'] }, raw: bytes });
        const ack = await eventually(
          () =>
            runtime
              .sentMail()
              .slice(before)
              .find((m) => (m.to as string[]).includes(from)),
          20_000,
        );
        id = /\b[0-9A-HJKMNP-TV-Z]{26}\b/.exec(String(ack.text))![0];
      } else {
        const response = await fetch(`${runtime.baseUrl}/v1/reports?channel=whatsapp`, {
          method: 'POST',
          headers: { authorization: `Bearer ${partner}`, 'content-type': 'text/plain; charset=utf-8' },
          body: bytes,
        });
        expect(response.status).toBe(202);
        id = ((await response.json()) as { id: string }).id;
      }
      ids.set(file, id);
      const link = await eventually(async () => {
        const l = await campaigns.getLink(id);
        return l && (l.verdict === 'benign' || l.campaignId) ? l : undefined;
      }, 20_000);
      await settle();
      links.set(file, await campaigns.getLink(id));
      console.log(`${file}: ${link.verdict} campaign ${link.campaignId ?? '-'}`);
    }
  }, 300_000);

  afterAll(async () => {
    await runtime?.stop();
  });

  const campaignOf = async (file: string) => {
    const link = links.get(file);
    return link?.campaignId ? (await campaigns.resolve(link.campaignId))?.id : undefined;
  };

  it('puts both numbers, both aliases and every target in one campaign', async () => {
    const id = await campaignOf(expected.campaign_files[0]!);
    expect(id).toBeDefined();
    for (const file of expected.campaign_files) expect(await campaignOf(file), file).toBe(id);
    const c = (await campaigns.get(id!))!;
    expect(c.phones.sort()).toEqual([...expected.campaign_numbers].sort());
    expect(c.aliases.sort()).toEqual([...expected.campaign_aliases].sort());
    expect(c.targets.map((t) => t.label).sort()).toEqual([...expected.campaign_targets].sort());
    expect(c).toMatchObject({
      reportCount: 7,
      incidentCount: 6,
      targetCount: 6,
      formed: true,
      severity: 'critical',
    });
    expect(c.targetedPercent).toBe(50);
    expect((await campaigns.list()).items.map((x) => x.id)).toEqual([id]);
  });

  it('collapses the conversation reported twice into one incident', () => {
    for (const [a, b] of expected.duplicate_pairs) {
      expect(links.get(b)?.incidentId).toBe(links.get(a)?.incidentId);
      expect(links.get(a)?.incidentId).toBe(ids.get(a));
    }
  });

  it('leaves the unrelated reports out', async () => {
    const id = await campaignOf(expected.campaign_files[0]!);
    for (const file of expected.unrelated_files) expect(await campaignOf(file), file).not.toBe(id);
  });

  it('publishes exactly the campaign alerts expected, once each', async () => {
    const id = (await campaignOf('01_report.eml'))!;
    const charlie = links.get('02_chat_export.txt')!.campaignId!;
    expect(charlie).not.toBe(id); // "Charlie" formed its own campaign before the two were joined
    const counts: Record<string, number> = {};
    for (const line of runtime.outbox()) {
      const a = line.attributes as Record<string, string>;
      if (a.kind?.startsWith('campaign-'))
        counts[`${a.kind} ${a.campaignId}`] = (counts[`${a.kind} ${a.campaignId}`] ?? 0) + 1;
    }
    expect(counts).toEqual({
      [`campaign-formed ${id}`]: 1, // 04: the second report from 07700 900417
      [`campaign-formed ${charlie}`]: 1, // 05: the second target of 07700 900862
      [`campaign-threshold ${id}`]: 1, // 08: "Abi" on Charlie's number joins the two: 5 targets
      [`campaign-new-identifier ${id}`]: 1, // 08: 07700 900862 and "Charlie" join the "Abi" campaign
    });
    const joined = runtime
      .outbox()
      .find((l) => (l.attributes as Record<string, string>).kind === 'campaign-new-identifier')!;
    expect(JSON.parse(String(joined.message)).newIdentifiers).toEqual(
      expect.arrayContaining([{ kind: 'phone', value: '+447700900862' }]),
    );
  });

  it('follows up once with every reporter whose report is part of the campaign', () => {
    const followUps = runtime.sentMail().filter((m) => String(m.subject).includes('wider campaign'));
    const to = followUps.map((m) => (m.to as string[])[0]).sort();
    expect(to).toEqual([
      'andrew.fenwick.mp@parliament.uk',
      'ben.carrow@parliament.uk',
      'claire.moss@parliament.uk',
      'daniel.reeve@midlandspost.example',
      'rob.kendal.mp@parliament.uk',
    ]);
  });
});
