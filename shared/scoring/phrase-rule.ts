/**
 * Most content rules are "does the sender say something that means X": this builds such a rule
 * from a vocabulary, with an optional negation guard ("no login required") and a weight that
 * grows with the number of distinct cues found.
 */
import type { Category } from '../domain/report.ts';
import { distinct, firstAffirmed, quote } from './match.ts';
import type { Rule, RuleHit, RuleKind } from './rule.ts';
import type { ScoringView } from './view.ts';

export interface PhraseRuleSpec {
  id: string;
  category?: Exclude<Category, 'none'>;
  kind: RuleKind;
  reason: string;
  pattern: RegExp;
  /** Weight for 1, 2, 3… distinct cues (the last entry applies to any more). */
  weights: number[];
  /** Skip matches preceded by a negation in the same clause. */
  affirmedOnly?: boolean;
  /** Which normalised form to read: folded (default) or plain (keeps digits, for times and numbers). */
  form?: 'folded' | 'plain';
  /** Extra gate on the view (e.g. only in chats). */
  when?: (view: ScoringView) => boolean;
}

export function phraseRule(spec: PhraseRuleSpec): Rule {
  const { pattern, weights } = spec;
  if (!pattern.global) throw new Error(`${spec.id}: pattern must be global`);
  return {
    id: spec.id,
    category: spec.category,
    kind: spec.kind,
    reason: spec.reason,
    evaluate(view): RuleHit | undefined {
      if (spec.when && !spec.when(view)) return undefined;
      const text = view.text[spec.form ?? 'folded'];
      if (spec.affirmedOnly) {
        const hit = firstAffirmed(text, pattern);
        return hit === undefined ? undefined : { weight: weights[0]!, evidence: quote(hit) };
      }
      const cues = distinct(text, pattern, weights.length);
      if (cues.length === 0) return undefined;
      const weight = weights[Math.min(cues.length, weights.length) - 1]!;
      return { weight, evidence: cues.slice(0, 3).map(quote).join(', ') };
    },
  };
}
