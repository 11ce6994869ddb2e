/**
 * The language model's reading: how much the sender's words, taken together, resemble the
 * lures we have labelled rather than the ordinary messages (logistic regression over words and
 * word pairs, shared/scoring/language/). It catches phrasings no rule names, so it weighs
 * like one moderate signal, never a verdict alone; its evidence is the words that weighed most.
 */
import { featureHash, featureHashesOf } from '../language/features.ts';
import { HashIndex } from '../language/hash-index.ts';
import model from '../language/model.json' with { type: 'json' };
import type { LanguageModel } from '../language/train.ts';
import type { Rule } from '../rule.ts';
import type { ScoringView } from '../view.ts';

/**
 * The most it can add. Alone it reaches "suspicious" (0.40) only when the words are at least
 * 90% lure-like, and never "malicious". Chosen on five sets the model had not seen
 * (`cross-validate-language.ts --blind`, 700 lures and 700 ordinary messages): 0.39 found
 * 64.4% of the lures with 1.9% false positives, 0.5 found 71.3% with 2.1%.
 */
export const LANGUAGE_CAP = 0.5;

/**
 * The most the ordinary-language reading discounts the wording signals by (see below). On
 * sets the model had not seen, 0.2–0.6 removed a false positive in 250 and lost no lure.
 */
export const ORDINARY_CAP = 0.6;

/** What the model makes of one text: how lure-like, and the features it knew. */
interface Reading {
  p: number;
  /** The four known features weighing most towards lures (sign 1) or ordinary mail (sign -1). */
  strongest(sign: 1 | -1): string[];
}

/**
 * Reads a view's text with the model, remembering the last view: the lure-wording rule and
 * the ordinary-wording context rule share one reading.
 */
function languageReader(m: LanguageModel): (view: ScoringView) => Reading {
  // Looked up by hash: scoring walks the text without cutting a string out of it. Seen features
  // are stamped with the call's number, so a call allocates little beyond its result.
  const features = Object.keys(m.weights);
  const indexOf = new HashIndex(features.map((f, i) => [featureHash(f), i] as const));
  const weightOf = Float64Array.from(features.map((f) => m.weights[f]!));
  const seenIn = new Uint32Array(features.length);
  let call = 0;
  let lastView: ScoringView | undefined;
  let last: Reading | undefined;
  return (view) => {
    if (view === lastView && last) return last;
    call = (call + 1) >>> 0 || 1;
    let z = m.bias;
    const known: number[] = [];
    const { hashes, count } = featureHashesOf(view.text.folded);
    for (let k = 0; k < count; k++) {
      const i = indexOf.get(hashes[k]!);
      if (i < 0 || seenIn[i] === call) continue;
      seenIn[i] = call;
      z += weightOf[i]!;
      known.push(i);
    }
    lastView = view;
    last = {
      p: 1 / (1 + Math.exp(-z)),
      // Only asked for when a rule fires: the evidence needs four names, not a sorted list.
      strongest(sign) {
        const top: number[] = [];
        for (const i of known) {
          const w = sign * weightOf[i]!;
          if (w <= 0) continue;
          let at = top.length;
          while (at > 0 && sign * weightOf[top[at - 1]!]! < w) at--;
          if (at < 4) top.splice(at, 0, i);
          if (top.length > 4) top.pop();
        }
        return top.map((i) => `"${features[i]}"`);
      },
    };
    return last;
  };
}

/**
 * The model's two readings as rules: `lure.language` adds up to `cap` when the words read like
 * lures; `context.ordinary-language` discounts the wording signals (flirting, claimed meetings,
 * secrecy) by up to `damp` when they read like ordinary mail, as a known contact does. Neither
 * touches technical signals (a lookalike domain, a risky attachment) or threats.
 */
export function languageRules(
  m: LanguageModel,
  { cap = LANGUAGE_CAP, damp = ORDINARY_CAP }: { cap?: number; damp?: number } = {},
): Rule[] {
  const read = languageReader(m);
  const lureLanguage: Rule = {
    id: 'lure.language',
    kind: 'content',
    reason: 'is worded like the lures we have seen',
    evaluate(view) {
      const reading = read(view);
      const { p } = reading;
      const weight = Math.min(cap, Math.max(0, cap * (p - 0.5) * 2));
      if (weight < 0.02) return undefined;
      const lureWords = reading.strongest(1);
      if (lureWords.length === 0) return undefined;
      return {
        weight: Math.round(weight * 100) / 100,
        evidence: `${Math.round(p * 100)}% lure-like: ${lureWords.join(', ')}`,
      };
    },
  };
  const ordinaryLanguage: Rule = {
    id: 'context.ordinary-language',
    kind: 'context',
    dampens: ['content'],
    reason: 'is worded like ordinary correspondence',
    evaluate(view) {
      const reading = read(view);
      const { p } = reading;
      const weight = Math.min(damp, Math.max(0, damp * (0.5 - p) * 2));
      if (weight < 0.02) return undefined;
      // No words the model knows: the prior alone is no reading of this message.
      const ordinaryWords = reading.strongest(-1);
      if (ordinaryWords.length === 0) return undefined;
      return {
        weight: Math.round(weight * 100) / 100,
        evidence: `${Math.round(p * 100)}% lure-like: ${ordinaryWords.join(', ')}`,
      };
    },
  };
  return damp > 0 ? [lureLanguage, ordinaryLanguage] : [lureLanguage];
}

/** The rule ids `languageRules` makes (cross-validation swaps them for a fold's model). */
export const LANGUAGE_RULE_IDS: ReadonlySet<string> = new Set(['lure.language', 'context.ordinary-language']);

/** One rule: the lure reading alone (tests of the cap). */
export function lureLanguageRule(m: LanguageModel, cap = LANGUAGE_CAP): Rule {
  return languageRules(m, { cap, damp: 0 })[0]!;
}

export const [lureLanguage, ordinaryLanguage] = languageRules(model as LanguageModel) as [Rule, Rule];
