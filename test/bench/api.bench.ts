/**
 * API figures on the in-process local runtime: ingest throughput of POST /v1/reports at
 * concurrency 16 (reports/s, p50/p99 latency), and a broadcast's time from request to its line
 * in outbox.jsonl. Run with `npm run bench -- api` (after adding it to run.ts) or
 * `npx tsx -e "import('./test/bench/api.bench.ts').then(m => m.benchApi())"`.
 */
import type { inProcessRuntime as InProcessRuntime } from '../support/local-runtime.ts';

// Before the handlers load: Powertools reads its log level once, at import.
process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
const { inProcessRuntime, percentile, round } = (await import('../support/local-runtime.ts')) as {
  inProcessRuntime: typeof InProcessRuntime;
  percentile: (sorted: number[], p: number) => number;
  round: (n: number, digits?: number) => number;
};

const report = (n: number) => ({
  channel: 'sms',
  sender: { phones: [`+4477009${String(n % 100_000).padStart(5, '0')}`] },
  targets: { names: ['Ben Carrow'] },
  text: `Hi, it's Charlie (${n}) from the reception last week. Sorry to be forward — are you free for a drink?`,
});

export async function benchApi(
  options: { reports?: number; concurrency?: number; broadcasts?: number } = {},
) {
  const total = options.reports ?? 800;
  const concurrency = options.concurrency ?? 16;
  const broadcasts = options.broadcasts ?? 10;
  // The benchmark measures the API, not the usage plan or the broadcast interval.
  process.env.LUREWATCH_RATE_LIMIT_RPS ??= '1000000';
  process.env.LUREWATCH_RATE_LIMIT_BURST ??= '1000000';
  process.env.LUREWATCH_BROADCAST_MIN_INTERVAL_SECONDS ??= '0';
  const runtime = await inProcessRuntime();
  try {
    const partner = await runtime.token('partner', 'bench-partner');
    const officer = await runtime.token('officer', 'bench-officer');
    const post = (path: string, token: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${runtime.baseUrl}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });

    // Warm up: module loading, first DynamoDB transactions.
    for (let i = 0; i < 20; i++) await (await post('/v1/reports', partner, report(i))).arrayBuffer();

    const latencies: number[] = [];
    let next = 0;
    let failures = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let i = next++; i < total; i = next++) {
          const t0 = performance.now();
          const response = await post('/v1/reports', partner, report(1000 + i), {
            'idempotency-key': `bench-${i}`,
          });
          await response.arrayBuffer();
          if (response.status !== 202) failures++;
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);

    const broadcastMs: number[] = [];
    for (let i = 0; i < broadcasts; i++) {
      const before = runtime.outboxLines().length;
      const t0 = performance.now();
      const response = await post(
        '/v1/broadcasts',
        officer,
        { audience: 'all', freeText: `bench ${i}` },
        { 'idempotency-key': `bench-b-${i}` },
      );
      const { id } = (await response.json()) as { id: string };
      for (;;) {
        const lines = runtime.outboxLines().slice(before);
        if (lines.some((l) => l.includes('"member-warnings"') && l.includes(id))) break;
        if (performance.now() - t0 > 10_000) throw new Error(`broadcast ${id} not in the outbox within 10 s`);
        await new Promise((r) => setTimeout(r, 1));
      }
      broadcastMs.push(performance.now() - t0);
    }
    broadcastMs.sort((a, b) => a - b);

    // For reading the figures: what DynamoDB Local itself sustains for the same transactional
    // write (report + idempotency key) at the same concurrency, with the scorer also running.
    const { ensureTable } = await import('../../infra/local/dynamodb-local.ts');
    const { documentClient, localClientConfig } = await import('../../shared/adapters/dynamodb/client.ts');
    const { DynamoReportRepository } = await import('../../shared/adapters/dynamodb/report-repository.ts');
    const { toReport } = await import('../../shared/domain/draft.ts');
    await ensureTable(runtime.dynamoEndpoint, 'bench-ceiling');
    const repository = new DynamoReportRepository(
      documentClient(localClientConfig(runtime.dynamoEndpoint)),
      'bench-ceiling',
    );
    const ceilingWrites = 300;
    let n = 0;
    const t1 = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let i = n++; i < ceilingWrites; i = n++) {
          const r = toReport(
            { channel: 'sms', sender: {}, targets: {}, text: `ceiling ${i}` },
            { source: { kind: 'partner-api', partnerId: 'bench' } },
          );
          await repository.create(r, { scope: 'bench', key: `c${i}`, requestHash: 'h' });
        }
      }),
    );
    const ceiling = ceilingWrites / ((performance.now() - t1) / 1000);

    const figures = {
      reports: total,
      concurrency,
      'ingest reports/s': round(total / seconds),
      'ingest p50 ms': round(percentile(latencies, 50)),
      'ingest p99 ms': round(percentile(latencies, 99)),
      'ingest non-202': failures,
      'DynamoDB Local transact writes/s (same concurrency, for reference)': round(ceiling),
      broadcasts,
      'broadcast → outbox p50 ms': round(percentile(broadcastMs, 50)),
      'broadcast → outbox max ms': round(broadcastMs.at(-1) ?? Number.NaN),
    };
    for (const [key, value] of Object.entries(figures)) console.log(`  ${key}: ${value}`);
    return figures;
  } finally {
    await runtime.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchApi();
