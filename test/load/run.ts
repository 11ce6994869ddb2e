/**
 * `npm run load`: 10,000 reports through the local API at concurrency 32, then waits until every
 * accepted report is scored. Prints throughput, latency percentiles, 5xx count and lost reports.
 * LOAD_REPORTS and LOAD_CONCURRENCY override the defaults.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, localClientConfig } from '../../shared/adapters/dynamodb/client.ts';
import { reportKey } from '../../shared/adapters/dynamodb/report-repository.ts';
import { inProcessRuntime, percentile, round } from '../support/local-runtime.ts';

const total = Number(process.env.LOAD_REPORTS ?? 10_000);
const concurrency = Number(process.env.LOAD_CONCURRENCY ?? 32);

const body = (n: number) =>
  JSON.stringify({
    channel: n % 3 === 0 ? 'sms' : 'whatsapp',
    sender: {
      phones: [`+447700900${String(n % 1000).padStart(3, '0')}`],
      aliases: [n % 2 ? 'Abi' : 'Charlie'],
    },
    targets: { names: [`Target ${n % 97}`] },
    text:
      n % 4 === 0
        ? `Reminder ${n}: the committee meets at 10am in Room 8, papers attached on the usual intranet page.`
        : `Hi, it's me from the conference reception ${n}! So embarrassed you don't remember me. Add me on Signal? x`,
  });

const runtime = await inProcessRuntime();
const token = await runtime.token('partner', 'load');
const latencies: number[] = [];
const accepted: string[] = [];
let serverErrors = 0;
let otherErrors = 0;
let next = 0;
const started = performance.now();

async function worker() {
  while (next < total) {
    const n = next++;
    const t = performance.now();
    try {
      const response = await fetch(`${runtime.baseUrl}/v1/reports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body(n),
      });
      latencies.push(performance.now() - t);
      if (response.status === 202) accepted.push(((await response.json()) as { id: string }).id);
      else if (response.status >= 500) serverErrors++;
      else otherErrors++;
    } catch {
      serverErrors++;
    }
  }
}

await Promise.all(Array.from({ length: concurrency }, worker));
const ingestSeconds = (performance.now() - started) / 1000;

// Every accepted report must reach "scored": check each one, waiting for the stream to drain.
const db = documentClient(localClientConfig(runtime.dynamoEndpoint));
let unscored = [...accepted];
const drainDeadline = Date.now() + 10 * 60_000;
while (unscored.length > 0 && Date.now() < drainDeadline) {
  const still: string[] = [];
  for (let i = 0; i < unscored.length; i += 64) {
    const chunk = unscored.slice(i, i + 64);
    const items = await Promise.all(
      chunk.map((id) => db.send(new GetCommand({ TableName: 'lurewatch', Key: reportKey(id) }))),
    );
    items.forEach((r, j) => {
      if (r.Item?.status !== 'scored') still.push(chunk[j]!);
    });
  }
  unscored = still;
  if (unscored.length > 0) await new Promise((r) => setTimeout(r, 1000));
}
const allSeconds = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
console.log(
  JSON.stringify(
    {
      reports: total,
      concurrency,
      accepted: accepted.length,
      '5xx': serverErrors,
      'other non-202': otherErrors,
      'ingest reports/s': round(total / ingestSeconds),
      'p50 ms': round(percentile(latencies, 50)),
      'p90 ms': round(percentile(latencies, 90)),
      'p99 ms': round(percentile(latencies, 99)),
      'all scored after s': round(allSeconds),
      lost: unscored.length,
    },
    null,
    2,
  ),
);
db.destroy();
await runtime.stop();
process.exit(serverErrors === 0 && unscored.length === 0 && accepted.length === total ? 0 : 1);
