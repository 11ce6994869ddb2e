/**
 * `npm run bench`: every benchmark, one after the other, printing its figures. Targets are
 * printed next to the figures; benchmarks measure, tests assert.
 */
// The handlers' Powertools loggers are created when first imported: quiet them before that.
process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
process.env.POWERTOOLS_TRACE_ENABLED ??= 'false';

type Bench = () => Promise<Record<string, number | string>>;

const benches: Array<[string, () => Promise<Bench>]> = [
  ['intake: parse speed and hostile mail', async () => (await import('./intake.bench.ts')).benchIntake],
  ['scoring: reports/s and 64 KB latency', async () => (await import('./scoring.bench.ts')).benchScoring],
  ['pipeline: POST to officer alert', async () => (await import('./pipeline.bench.ts')).benchPipeline],
  [
    'api: ingest at concurrency 16, broadcast to outbox',
    async () => (await import('./api.bench.ts')).benchApi,
  ],
  [
    'campaigns: correlation time vs stored reports',
    async () => (await import('./campaigns.bench.ts')).benchCampaigns,
  ],
  ['bundles and module init', async () => (await import('./bundles.bench.ts')).benchBundles],
];

const only = process.argv.slice(2);
for (const [name, load] of benches) {
  if (only.length > 0 && !only.some((o) => name.includes(o))) continue;
  console.log(`\n== ${name}`);
  const started = performance.now();
  const figures = await (await load())();
  for (const [key, value] of Object.entries(figures)) console.log(`  ${key}: ${value}`);
  console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
