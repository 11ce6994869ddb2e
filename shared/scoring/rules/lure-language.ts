/**
 * The language model's reading: how much the sender's words, taken together, resemble the
 * lures we have labelled rather than the ordinary messages (logistic regression over words and
 * word pairs, shared/scoring/language/). It catches phrasings no rule names, so it weighs
 * like one moderate signal, never a verdict alone; its evidence is the words that weighed most.
 */
import { featuresOf } from '../language/features.ts';
import model from '../language/model.json' with { type: 'json' };
import type { LanguageModel } from '../language/train.ts';
import type { Rule } from '../rule.ts';

/** The most it can add: alone it stays below "suspicious"; with one rule it may cross it. */
export const LANGUAGE_CAP = 0.3;

export function lureLanguageRule(m: LanguageModel, cap = LANGUAGE_CAP): Rule {
  const weights = new Map(Object.entries(m.weights));
  return {
    id: 'lure.language',
    kind: 'content',
    reason: 'is worded like the lures we have seen',
    evaluate(view) {
      const features = featuresOf(view.text.folded);
      let z = m.bias;
      const contributions: Array<[string, number]> = [];
      for (const f of features) {
        const w = weights.get(f);
        if (w === undefined) continue;
        z += w;
        if (w > 0) contributions.push([f, w]);
      }
      const p = 1 / (1 + Math.exp(-z));
      const weight = Math.min(cap, Math.max(0, cap * (p - 0.5) * 2));
      if (weight < 0.02) return undefined;
      contributions.sort((a, b) => b[1] - a[1]);
      return {
        weight: Math.round(weight * 100) / 100,
        evidence: `${Math.round(p * 100)}% lure-like: ${contributions
          .slice(0, 4)
          .map(([f]) => `"${f}"`)
          .join(', ')}`,
      };
    },
  };
}

export const lureLanguage = lureLanguageRule(model as LanguageModel);
