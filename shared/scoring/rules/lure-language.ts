/**
 * The language model's reading: how much the sender's words, taken together, resemble the
 * lures we have labelled rather than the ordinary messages (logistic regression over words and
 * word pairs, shared/scoring/language/). It catches phrasings no rule names, so it weighs
 * like one moderate signal, never a verdict alone; its evidence is the words that weighed most.
 */
import { featureHash, featureHashesOf } from '../language/features.ts';
import model from '../language/model.json' with { type: 'json' };
import type { LanguageModel } from '../language/train.ts';
import type { Rule } from '../rule.ts';

/** The most it can add: alone it stays below "suspicious"; with one rule it may cross it. */
export const LANGUAGE_CAP = 0.3;

export function lureLanguageRule(m: LanguageModel, cap = LANGUAGE_CAP): Rule {
  // Looked up by hash: scoring walks the text without cutting a string out of it.
  const byHash = new Map<number, { feature: string; weight: number }>();
  for (const [feature, weight] of Object.entries(m.weights))
    byHash.set(featureHash(feature), { feature, weight });
  return {
    id: 'lure.language',
    kind: 'content',
    reason: 'is worded like the lures we have seen',
    evaluate(view) {
      let z = m.bias;
      const seen = new Set<number>();
      const contributions: Array<[string, number]> = [];
      featureHashesOf(view.text.folded, (hash) => {
        const hit = byHash.get(hash);
        if (hit === undefined || seen.has(hash)) return;
        seen.add(hash);
        z += hit.weight;
        if (hit.weight > 0) contributions.push([hit.feature, hit.weight]);
      });
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
