/**
 * `npx tsx test/eval/cross-validate-language.ts`: five-fold cross-validation of the language
 * model on the tuning data only: for each cap, every message is scored by the whole detector
 * with a model that never saw it. Chooses the cap without touching the sealed sets.
 *
 * `--blind SET` (a key of SETS, e.g. tuning6) instead gives the honest reading for a set no
 * rule was tuned on yet: the model learns from every other training set, and the whole
 * detector scores that set at each cap.
 */
import type { Report } from '../../shared/domain/report.ts';
import { assess, defaultScoringContext, RULES } from '../../shared/scoring/index.ts';
import { type LanguageModel, trainLanguageModel } from '../../shared/scoring/language/train.ts';
import { LANGUAGE_RULE_IDS, languageRules, ORDINARY_CAP } from '../../shared/scoring/rules/lure-language.ts';
import { SETS } from './holdout.ts';
import { TRAINING_OPTIONS, TRAINING_SETS, trainingReports } from './train-language-model.ts';

const CAPS = [0, 0.2, 0.3, 0.39, 0.45, 0.5];
const ctx = defaultScoringContext({ protectedDomains: ['parliament.uk'] });
const others = RULES.filter((r) => !LANGUAGE_RULE_IDS.has(r.id));
/** DAMP=x tries another discount for ordinary wording (context.ordinary-language). */
const DAMP = Number(process.env.DAMP ?? ORDINARY_CAP);

interface Row {
  report: Report;
  lure: boolean;
}

/** [true positives, false positives] of the whole detector on `test`, the model capped at `cap`. */
function count(test: readonly Row[], model: LanguageModel, cap: number): [number, number] {
  const rules = cap === 0 ? others : [...others, ...languageRules(model, { cap, damp: DAMP })];
  let tp = 0;
  let fp = 0;
  for (const r of test) {
    const flagged = assess(r.report, ctx, rules).verdict !== 'benign';
    if (flagged && r.lure) tp++;
    if (flagged && !r.lure) fp++;
  }
  return [tp, fp];
}

function line(label: string, rows: readonly Row[], tp: number, fp: number): string {
  const lures = rows.filter((r) => r.lure).length;
  const benign = rows.length - lures;
  return `${label}: recall ${((100 * tp) / lures).toFixed(1)}% (${tp}/${lures}), FPR ${((100 * fp) / benign).toFixed(1)}% (${fp}/${benign})`;
}

const blind = process.argv.indexOf('--blind');
if (blind >= 0) {
  const name = process.argv[blind + 1] ?? '';
  const file = (SETS as Record<string, string>)[name];
  if (!file) throw new Error(`--blind: no set named ${name}`);
  const model = trainLanguageModel(
    await trainingReports(TRAINING_SETS.filter((s) => s !== file)),
    TRAINING_OPTIONS,
  );
  const test = await trainingReports([file], { corpus: false });
  for (const cap of CAPS) console.log(line(`${name} blind, cap ${cap}`, test, ...count(test, model, cap)));
} else {
  const FOLDS = 5;
  const rows = await trainingReports();
  for (const cap of CAPS) {
    let tp = 0;
    let fp = 0;
    for (let k = 0; k < FOLDS; k++) {
      const model = trainLanguageModel(
        rows.filter((_, i) => i % FOLDS !== k),
        TRAINING_OPTIONS,
      );
      const [t, f] = count(
        rows.filter((_, i) => i % FOLDS === k),
        model,
        cap,
      );
      tp += t;
      fp += f;
    }
    console.log(line(`cap ${cap}`, rows, tp, fp));
  }
}
