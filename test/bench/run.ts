/**
 * `npm run bench`: every benchmark, one after the other, printing its figures. Targets are
 * printed next to the figures; benchmarks measure, tests assert.
 */
type Bench = () => Promise<Record<string, number | string>>;

const benches: Array<[string, () => Promise<Bench>]> = [
  ['intake: parse speed and hostile mail', async () => (await import('./intake.bench.ts')).benchIntake],
  ['pipeline: POST to officer alert', async () => (await import('./pipeline.bench.ts')).benchPipeline],
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
