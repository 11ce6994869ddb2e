/**
 * `npm run eval`: scores the labelled corpus and prints precision, recall and false-positive
 * rate, overall and per category, for the tuning split and the holdout separately, and lists
 * every misclassified file. A lure counts as detected at verdict suspicious or malicious.
 * Then the figures on the independent messages in test/fixtures/holdout (see holdout.ts).
 */
import {
  corpusAvailable,
  expectedCategory,
  type Figures,
  figures,
  type Scored,
  scoreCorpus,
} from './corpus.ts';
import { printHoldoutFigures } from './holdout.ts';

const pct = (x: number) => (Number.isNaN(x) ? '   -  ' : `${(100 * x).toFixed(1).padStart(5)}%`);

function row(name: string, f: Figures): string {
  return `${name.padEnd(22)} n=${String(f.n).padStart(3)}  lures=${String(f.lures).padStart(2)}  benign=${String(f.benign).padStart(2)}  precision=${pct(f.precision)}  recall=${pct(f.recall)}  FPR=${pct(f.falsePositiveRate)}  category-ok=${pct(f.categoryAccuracy)}`;
}

function report(title: string, rows: Scored[], details = true) {
  console.log(`\n== ${title}`);
  console.log(row('overall', figures(rows)));
  for (const c of ['honeytrap', 'spearphish', 'sextortion_followup']) {
    const lures = rows.filter((r) => r.category === c);
    // Per lure category: recall on its lures; precision against everything the scorer put in that category.
    const predicted = rows.filter((r) => r.flagged && r.line.category === expectedCategory(c));
    const correct = predicted.filter((r) => r.category === c);
    const rec = lures.filter((r) => r.flagged).length / (lures.length || Number.NaN);
    console.log(
      `${`  lure/${c}`.padEnd(22)} n=${String(lures.length).padStart(3)}  detected=${pct(rec)}  category precision=${pct(correct.length / (predicted.length || Number.NaN))}  category recall=${pct(correct.length / (lures.length || Number.NaN))}`,
    );
  }
  const benignCats = [...new Set(rows.filter((r) => r.label === 'benign').map((r) => r.category))].sort();
  for (const c of benignCats) {
    const b = rows.filter((r) => r.label === 'benign' && r.category === c);
    console.log(
      `${`  benign/${c}`.padEnd(22)} n=${String(b.length).padStart(3)}  false positives=${b.filter((r) => r.flagged).length}`,
    );
  }
  const wrong = rows.filter((r) => (r.label === 'lure') !== r.flagged || r.line.error);
  const miscategorised = rows.filter(
    (r) => r.label === 'lure' && r.flagged && r.line.category !== expectedCategory(r.category),
  );
  console.log(wrong.length ? '  misclassified:' : '  misclassified: none');
  for (const r of wrong) {
    console.log(
      `    ${r.file}  label=${r.label}/${r.category}  score=${r.line.score}  verdict=${r.line.verdict}${r.line.error ? `  error=${r.line.error}` : ''}`,
    );
    if (details)
      for (const i of r.line.indicators ?? [])
        console.log(`        ${i.weight >= 0 ? '+' : ''}${i.weight.toFixed(2)} ${i.id}: ${i.evidence}`);
  }
  for (const r of miscategorised)
    console.log(`    (category) ${r.file} expected ${expectedCategory(r.category)}, got ${r.line.category}`);
}

async function main() {
  if (!corpusAvailable()) {
    console.error('corpus not found (set LUREWATCH_CORPUS)');
    process.exit(2);
  }
  const rows = await scoreCorpus();
  // --tuning: while tuning rules, never print anything about the holdout.
  const tuning = process.argv.includes('--tuning');
  if (process.argv.includes('--all')) {
    for (const r of rows.filter((x) => !x.holdout)) {
      console.log(
        `${r.file} ${r.label}/${r.category} -> ${r.line.score} ${r.line.verdict} ${r.line.category}`,
      );
      for (const i of r.line.indicators ?? [])
        console.log(`    ${i.weight.toFixed(2)} ${i.id}: ${i.evidence}`);
    }
  }
  if (!tuning) report('all corpus messages', rows, false);
  report(
    'tuning split (80%)',
    rows.filter((r) => !r.holdout),
  );
  if (!tuning)
    report(
      'holdout (20%, not looked at while tuning)',
      rows.filter((r) => r.holdout),
      false,
    );
  if (!tuning) {
    console.log('\n== independent messages (test/fixtures/holdout, written without sight of the rules)');
    await printHoldoutFigures();
  }
}

await main();
