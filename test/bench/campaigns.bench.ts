/**
 * Correlation cost per report as the table grows (it must stay flat: every lookup is a GetItem,
 * BatchGet or Query on a key, never a Scan), and seconds from the report that completes a
 * campaign to its alert in the outbox, through the local runtime.
 * Run directly with `npx tsx test/bench/campaigns.bench.ts [sizes...]`, or via `benchCampaigns()`.
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import {
  BatchWriteCommand,
  type BatchWriteCommandOutput,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { ensureTable, startDynamoDbLocal } from '../../infra/local/dynamodb-local.ts';
import {
  campaignMembersPk,
  campaignToItem,
  incidentKey,
  linkToItem,
  memberSk,
  ownerToItem,
  postingToItem,
} from '../../shared/adapters/dynamodb/campaign-items.ts';
import { DynamoCampaignRepository } from '../../shared/adapters/dynamodb/campaign-repository.ts';
import { documentClient, localClientConfig } from '../../shared/adapters/dynamodb/client.ts';
import { DynamoEffectLedger } from '../../shared/adapters/dynamodb/effect-ledger.ts';
import { addReport, emptyCampaign } from '../../shared/campaigns/campaign.ts';
import { type CorrelateDeps, correlateReport } from '../../shared/campaigns/correlate.ts';
import { featuresOf } from '../../shared/campaigns/features.ts';
import { EMPTY_ROSTER } from '../../shared/campaigns/roster.ts';
import { toReport } from '../../shared/domain/draft.ts';
import type { Assessment } from '../../shared/domain/report.ts';
import { inProcessRuntime, percentile, round } from '../support/local-runtime.ts';

const TABLE = 'bench';
const WORDS =
  'abi charlie gin allotment conference reception terrace embarrassing sweet remember drink westminster quiet minister diary signal photo red coat bar'.split(
    ' ',
  );
const lureAssessment: Assessment = {
  score: 85,
  verdict: 'malicious',
  category: 'honeytrap',
  indicators: [],
  reasons: [],
  rulesetVersion: 'bench',
  scoredAt: new Date().toISOString(),
};

/** A lure from number n with wording of its own (seeded reports must not all share a script). */
function lure(n: number, target: string) {
  // Pseudo-words from a hash of (n, position): texts of different n share almost no shingles.
  const words = Array.from({ length: 30 }, (_, k) => {
    const h = createHash('sha1').update(`${n}:${k}`).digest();
    return `${WORDS[h[0]! % WORDS.length]}${h.readUInt16BE(1) % 500}`;
  });
  return toReport(
    {
      channel: 'whatsapp',
      sender: { phones: [`+4477${String(10_000_000 + n).slice(-8)}`], aliases: [`Alias${n % 5000}`] },
      targets: { names: [target] },
      text: `${words.join(' ')} ${n} ${target}`,
    },
    {
      source: { kind: 'partner-api', partnerId: 'bench' },
      receivedAt: new Date(Date.UTC(2024, 0, 1) + n * 1000),
    },
  );
}

async function batchWrite(db: DynamoDBDocumentClient, items: Record<string, unknown>[]) {
  const chunks: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  // A few writers in parallel: DynamoDB Local is one JVM on the same two cores.
  const workers = Array.from({ length: 4 }, async () => {
    for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) {
      let pending = chunk.map((Item) => ({ PutRequest: { Item } }));
      while (pending.length > 0) {
        const r: BatchWriteCommandOutput = await db.send(
          new BatchWriteCommand({ RequestItems: { [TABLE]: pending } }),
        );
        pending = (r.UnprocessedItems?.[TABLE] ?? []) as typeof pending;
      }
    }
  });
  await Promise.all(workers);
}

/** The items correlation leaves for reports n..m: a campaign per pair of reports from one number. */
function seedItems(from: number, to: number): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [];
  for (let pair = from; pair < to; pair += 2) {
    const a = lure(pair, `Target ${pair}`);
    const b = lure(pair, `Target ${pair + 1}`);
    const id = ulid(Date.UTC(2024, 0, 1) + pair * 1000);
    let campaign = emptyCampaign(id, a.receivedAt);
    for (const r of [a, b]) {
      const f = featuresOf(r, lureAssessment, EMPTY_ROSTER);
      campaign = addReport(
        campaign,
        { ...f.contribution, incidentId: r.id, relatedReportIds: [] },
        { rosterSize: 0 },
      );
      items.push({
        ...linkToItem(f.link),
        campaignId: id,
        incidentId: r.id,
        GSI1PK: campaignMembersPk(id),
        GSI1SK: memberSk(r.receivedAt, r.id),
      });
      items.push({ ...incidentKey(`${r.contentHash}#seed`), type: 'incident-claim', incidentId: r.id });
      for (const i of f.identifiers) items.push(postingToItem(i, r.id));
      if (r === a)
        for (const i of [...f.identifiers, ...f.bands])
          items.push(
            ownerToItem(i, {
              campaignId: id,
              reportId: r.id,
              signature: i.kind === 'band' ? f.link.signature : undefined,
            }),
          );
    }
    items.push(campaignToItem({ ...campaign, version: 1 }));
  }
  return items;
}

async function measure(deps: CorrelateDeps, seeded: number, samples: number) {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    // Half join a seeded campaign (its number), half found a new one.
    const n = i % 2 === 0 ? Math.floor((i / samples) * seeded) & ~1 : 10_000_000 + seeded + i;
    const r = lure(n, `New target ${seeded}-${i}`);
    const started = performance.now();
    await correlateReport(deps, r, lureAssessment);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    p50: round(percentile(times, 50)),
    p99: round(percentile(times, 99)),
    mean: round(times.reduce((s, t) => s + t, 0) / times.length),
  };
}

async function correlationBySize(sizes: number[], samples: number) {
  const dynamo = await startDynamoDbLocal();
  const figures: Record<string, number | string> = {};
  try {
    await ensureTable(dynamo.endpoint, TABLE);
    const db = documentClient(localClientConfig(dynamo.endpoint));
    const deps: CorrelateDeps = {
      store: new DynamoCampaignRepository(db, TABLE),
      ledger: new DynamoEffectLedger(db, TABLE),
      notifier: { publish: async () => ({ messageId: 'bench' }) },
      mailer: { send: async () => ({ messageId: 'bench' }) },
      roster: EMPTY_ROSTER,
      thresholds: [3, 10],
      newCampaignId: () => ulid(),
    };
    let seeded = 0;
    for (const size of sizes) {
      const started = performance.now();
      for (let from = seeded; from < size; from += 2000)
        await batchWrite(db, seedItems(from, Math.min(size, from + 2000)));
      figures[`seed ${size} reports (items/s)`] = round(
        ((size - seeded) * 24) / ((performance.now() - started) / 1000),
        0,
      );
      seeded = size;
      const m = await measure(deps, seeded, samples);
      figures[`correlate with ${size} stored: p50 ms`] = m.p50;
      figures[`correlate with ${size} stored: p99 ms`] = m.p99;
      figures[`correlate with ${size} stored: mean ms`] = m.mean;
      console.log(`  ${size}: p50 ${m.p50} ms, p99 ${m.p99} ms`);
    }
  } finally {
    await dynamo.stop();
  }
  return figures;
}

/** POST the report that forms a campaign → campaign-formed in the outbox, through the runtime. */
async function alertLatency(samples: number) {
  const runtime = await inProcessRuntime();
  try {
    const token = await runtime.token('partner', 'bench');
    const campaigns = new DynamoCampaignRepository(
      documentClient(localClientConfig(runtime.dynamoEndpoint)),
      'lurewatch',
    );
    const post = async (body: unknown) => {
      const r = await fetch(`${runtime.baseUrl}/v1/reports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return ((await r.json()) as { id: string }).id;
    };
    // Each sample its own number, alias and wording, so samples never join each other.
    const body = (n: number, target: string) => {
      const r = lure(n, target);
      const words = r.text;
      return {
        channel: 'whatsapp',
        sender: { phones: r.sender.phones, aliases: [`Abi${n}`] },
        targets: { names: [target] },
        text: `Hi ${target}, it's Abi from the party conference reception. So embarrassed you don't remember me! Keep this between us and add me on Signal? Sending you a pic of what you missed x. Can you send me your diary for next week so we can meet somewhere private? ${words}`,
      };
    };
    const waitFor = async (match: (line: string) => boolean, started: number) => {
      for (;;) {
        if (runtime.outboxLines().some(match)) return performance.now() - started;
        if (performance.now() - started > 20_000) {
          throw new Error(`no campaign alert within 20 s:\n${runtime.outboxLines().slice(-3).join('\n')}`);
        }
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    const latencies: number[] = [];
    for (let i = 0; i < samples; i++) {
      const first = await post(body(20_000_000 + i, `Member ${i}a`));
      for (let t = 0; !(await campaigns.getLink(first))?.campaignId; t++) {
        if (t > 2000) throw new Error(`report ${first} was not correlated as a lure`);
        await new Promise((r) => setTimeout(r, 10));
      }
      const started = performance.now();
      await post(body(20_000_000 + i, `Member ${i}b`));
      latencies.push(
        await waitFor((l) => l.includes('"campaign-formed"') && l.includes(`Member ${i}b`), started),
      );
    }
    latencies.sort((a, b) => a - b);
    return {
      'completing report → campaign alert p50 s': round(percentile(latencies, 50) / 1000, 2),
      'completing report → campaign alert max s': round(latencies.at(-1)! / 1000, 2),
    };
  } finally {
    await runtime.stop();
  }
}

export async function benchCampaigns(
  sizes = [1_000, 10_000, 100_000],
  samples = 40,
): Promise<Record<string, number | string>> {
  const figures: Record<string, number | string> = {
    ...(await correlationBySize(sizes, samples)),
    ...(await alertLatency(10)),
  };
  figures.target = 'flat per-report cost; alert within a couple of seconds';
  for (const [k, v] of Object.entries(figures)) console.log(`${k}: ${v}`);
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  await benchCampaigns(sizes.length > 0 ? sizes : undefined);
}
