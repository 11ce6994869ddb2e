/**
 * Where scoring time goes: µs per report for building the view and for each rule, on the ~2 KB
 * bench corpus and on 64 KB messages. Totals are CPU time of whole batches (robust on a busy
 * machine), each repeated and the median kept; per-rule times are wall clock around each call. `npx tsx test/bench/scoring-profile.ts`
 * (add `--top 10` to print only the slowest rules).
 */
import { assess, defaultScoringContext, RULES } from '../../shared/scoring/index.ts';
import { scanUncached } from '../../shared/scoring/prefilter.ts';
import { buildView, type ScoringView } from '../../shared/scoring/view.ts';
import { bigMessage, corpus, realBigMessage, realCorpus } from './scoring.bench.ts';

const ctx = defaultScoringContext(
  { protectedDomains: ['parliament.uk'] },
  { roster: [{ name: 'Neil Hammond' }] },
);

const cpuMicros = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

/** Median over `repeats` batches of µs per item. */
function perItem<T>(items: readonly T[], fn: (item: T) => unknown, repeats = 7): number {
  const samples: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = cpuMicros();
    for (const it of items) fn(it);
    samples.push((cpuMicros() - t0) / items.length);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

function profile(title: string, reports: ReturnType<typeof corpus>, top: number) {
  for (const r of reports.slice(0, 50)) assess(r, ctx); // warm-up
  const total = perItem(reports, (r) => assess(r, ctx));
  const view = perItem(reports, (r) => {
    const v = buildView(r);
    return v.targetText;
  });
  // The literal prefilter's one pass over the folded text (part of the rules' time below).
  const folded = reports.map((r) => buildView(r).text.folded);
  const scan = perItem(folded, (t) => scanUncached(t));
  // Rules are timed inside a report-major loop, as assess runs them (each sees a fresh view).
  const ruleTotals = new Float64Array(RULES.length);
  const rounds = 5;
  for (let k = 0; k < rounds; k++) {
    for (const r of reports) {
      const v: ScoringView = buildView(r);
      RULES.forEach((rule, i) => {
        const t0 = performance.now();
        try {
          rule.evaluate(v, ctx);
        } catch {
          // as assess: a faulty rule is skipped
        }
        ruleTotals[i]! += performance.now() - t0;
      });
    }
  }
  // CPU time of the same loop without timers; per-rule wall times are scaled to it (a busy
  // machine's preemptions spread over all rules alike).
  const ruleCpu = perItem(
    reports.map((r) => buildView(r)),
    (v) => {
      for (const rule of RULES) {
        try {
          rule.evaluate(v, ctx);
        } catch {
          // skipped
        }
      }
    },
    rounds,
  );
  const wallSum = ruleTotals.reduce((a, b) => a + b, 0);
  const rules = RULES.map((rule, i) => ({ id: rule.id, us: (ruleCpu * ruleTotals[i]!) / wallSum }));
  const ruleSum = ruleCpu;
  console.log(`\n== ${title} (${reports.length} reports)`);
  console.log(`  assess total  ${total.toFixed(1)} µs  (${Math.round(1e6 / total)} reports/s of CPU)`);
  console.log(`  buildView     ${view.toFixed(1)} µs`);
  console.log(`  literal scan  ${scan.toFixed(1)} µs  (folded text; inside the rules' time)`);
  console.log(`  rules (sum)   ${ruleSum.toFixed(1)} µs  (CPU; per rule: share of wall clock)`);
  for (const r of rules.sort((a, b) => b.us - a.us).slice(0, top))
    console.log(`    ${r.us.toFixed(2).padStart(7)} µs  ${r.id}`);
}

const topArg = process.argv.indexOf('--top');
const top = topArg >= 0 ? Number(process.argv[topArg + 1]) : RULES.length;
profile('~2 KB reports', corpus(1500), top);
profile(
  '64 KB messages',
  Array.from({ length: 20 }, (_, i) => bigMessage(i)),
  top,
);
profile('~2 KB reports of real messages', realCorpus(), top);
profile(
  '64 KB of real messages',
  Array.from({ length: 20 }, (_, i) => realBigMessage(i)),
  top,
);
