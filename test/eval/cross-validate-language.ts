/**
 * `npx tsx test/eval/cross-validate-language.ts`: five-fold cross-validation of the language
 * model on the tuning data only: for each cap, every message is scored by the whole detector
 * with a model that never saw it. Chooses the cap without touching the sealed set.
 */
import { assess, defaultScoringContext, RULES } from '../../shared/scoring/index.ts';
import { trainLanguageModel } from '../../shared/scoring/language/train.ts';
import { lureLanguageRule } from '../../shared/scoring/rules/lure-language.ts';
import { TRAINING_OPTIONS, trainingReports } from './train-language-model.ts';

const FOLDS = 5;
const rows = await trainingReports();
const ctx = defaultScoringContext({ protectedDomains: ['parliament.uk'] });
const others = RULES.filter((r) => r.id !== 'lure.language');
for (const cap of [0, 0.2, 0.3, 0.4, 0.5]) {
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < FOLDS; k++) {
    const train = rows.filter((_, i) => i % FOLDS !== k);
    const test = rows.filter((_, i) => i % FOLDS === k);
    const model = trainLanguageModel(train, TRAINING_OPTIONS);
    const rules = cap === 0 ? others : [...others, lureLanguageRule(model, cap)];
    for (const r of test) {
      const flagged = assess(r.report, ctx, rules).verdict !== 'benign';
      if (flagged && r.lure) tp++;
      if (flagged && !r.lure) fp++;
    }
  }
  const lures = rows.filter((r) => r.lure).length;
  const benign = rows.length - lures;
  console.log(
    `cap ${cap}: recall ${((100 * tp) / lures).toFixed(1)}% (${tp}/${lures}), FPR ${((100 * fp) / benign).toFixed(1)}% (${fp}/${benign})`,
  );
}
