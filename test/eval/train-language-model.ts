/**
 * `npm run train`: fits the language model (shared/scoring/language/) on the labelled messages
 * we may tune on — the corpus's tuning split and the tuning sets in test/fixtures/holdout —
 * and writes shared/scoring/language/model.json. Never the corpus holdout or the sealed sets:
 * they stay fair estimates. Deterministic: the same data gives the same file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { toReport } from '../../shared/domain/draft.ts';
import type { Report } from '../../shared/domain/report.ts';
import { parseFile } from '../../shared/intake/parse-file.ts';
import { type Example, trainLanguageModel } from '../../shared/scoring/language/train.ts';
import { buildView } from '../../shared/scoring/view.ts';
import { CORPUS_DIR, corpusAvailable, HOLDOUT, readLabels } from './corpus.ts';
import { fileOf, type HoldoutMessage, SETS } from './holdout.ts';

/** l2 chosen with the cap on sets the model had not seen (see cross-validate-language.ts). */
export const TRAINING_OPTIONS = {
  version: 'lurewatch-language/1',
  epochs: 400,
  rate: 0.5,
  l2: 0.003,
  minWeight: 0.02,
};

export const MODEL_FILE = resolve(import.meta.dirname, '../../shared/scoring/language/model.json');

async function reportOf(path: string): Promise<Report> {
  const { draft } = await parseFile(basename(path), new Uint8Array(readFileSync(path)));
  return toReport(draft, { source: { kind: 'partner-api', partnerId: 'train' } });
}

/** The independent sets the model may learn from (never the sealed ones). */
export const TRAINING_SETS: readonly string[] = [
  SETS.holdout,
  SETS.tuning2,
  SETS.tuning4,
  SETS.tuning5,
  SETS.tuning6,
  SETS.tuning7,
  SETS.tuning8,
  SETS.tuning9,
  SETS.tuning10,
  SETS.tuning11,
  SETS.tuning12,
  SETS.tuning13,
  SETS.tuning14,
  SETS.tuning15,
];

/** Every message we may tune on, as the report the pipeline would score, with its label. */
export async function trainingReports(
  sets: readonly string[] = TRAINING_SETS,
  { corpus = true } = {},
): Promise<Array<Example & { report: Report }>> {
  const out: Array<Example & { report: Report }> = [];
  const add = async (path: string, lure: boolean) => {
    const report = await reportOf(path);
    out.push({ report, folded: buildView(report).text.folded, lure });
  };
  if (corpus && corpusAvailable()) {
    for (const l of readLabels())
      if (!HOLDOUT.has(l.file)) await add(join(CORPUS_DIR, l.file), l.label === 'lure');
  }
  const dir = mkdtempSync(join(tmpdir(), 'lurewatch-train-'));
  for (const set of sets) {
    for (const m of JSON.parse(readFileSync(set, 'utf8')) as HoldoutMessage[])
      await add(fileOf(m, dir), m.label === 'lure');
  }
  rmSync(dir, { recursive: true, force: true });
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const examples = await trainingReports();
  const model = trainLanguageModel(examples, TRAINING_OPTIONS);
  writeFileSync(MODEL_FILE, `${JSON.stringify(model)}\n`);
  const top = Object.entries(model.weights).sort((a, b) => b[1] - a[1]);
  console.log(
    `${examples.length} examples (${examples.filter((e) => e.lure).length} lures), ${top.length} features`,
  );
  console.log(
    'most lure-like:',
    top
      .slice(0, 25)
      .map(([f, w]) => `${f}=${w}`)
      .join(', '),
  );
  console.log(
    'most ordinary:',
    top
      .slice(-15)
      .map(([f, w]) => `${f}=${w}`)
      .join(', '),
  );
}
