/**
 * Turning rule hits into a score, verdict and category.
 *
 * Noisy-OR: score = 1 − Π(1 − wᵢ). Each signal is read as an independent chance that the
 * message is a lure, so co-occurring signals always count for more than any one of them, and
 * no pile of weak signals can exceed 100. Context rules scale down the kinds of signal they
 * name before combining (a spouse's "miss you x" is not flirtation from a stranger).
 *
 * Thresholds: 40 = suspicious: one strong signal (a credential lure with an outside link, a
 * code request, an exposure threat) or about three honey-trap signals together; no single
 * weak cue (a photo, a deadline, a kiss) gets there. 70 = malicious: several independent
 * families agree (e.g. claimed meeting + embarrassment + flirting + photo, or threat +
 * demand), which matches the default officer-alert threshold.
 */
import type { Category, Indicator, Verdict } from '../domain/report.ts';
import type { Rule, RuleHit, RuleKind } from './rule.ts';

export const SUSPICIOUS_AT = 40;
/** Distinct approach cues that make a pattern, and what the pattern adds (see combine). */
const PATTERN_MIN_CUES = 3;
const PATTERN_WEIGHT = 0.15;
export const MALICIOUS_AT = 70;

export interface Fired {
  rule: Rule;
  hit: RuleHit;
}

export interface Combined {
  score: number;
  verdict: Verdict;
  category: Category;
  indicators: Indicator[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function verdictFor(score: number): Verdict {
  return score >= MALICIOUS_AT ? 'malicious' : score >= SUSPICIOUS_AT ? 'suspicious' : 'benign';
}

export function combine(fired: readonly Fired[]): Combined {
  const discount: Partial<Record<RuleKind, number>> = {};
  for (const { rule, hit } of fired) {
    if (rule.kind !== 'context') continue;
    for (const kind of rule.dampens ?? []) discount[kind] = (discount[kind] ?? 1) * (1 - hit.weight);
  }
  let keep = 1;
  const perCategory: Record<string, number> = { honeytrap: 1, spearphish: 1, sextortion: 1 };
  /** The same, from the signals shared by all families (secrecy, a deadline, the wording). */
  const uncategorised: Record<string, number> = {};
  const indicators: Indicator[] = [];
  for (const { rule, hit } of fired) {
    if (rule.kind === 'context') {
      indicators.push({ id: rule.id, weight: -round2(hit.weight), evidence: hit.evidence.slice(0, 500) });
      continue;
    }
    const w = Math.min(0.95, Math.max(0, hit.weight * (discount[rule.kind] ?? 1)));
    keep *= 1 - w;
    if (rule.category) perCategory[rule.category] = (perCategory[rule.category] ?? 1) * (1 - w);
    else {
      const family = FAMILY_OF_KIND[rule.kind];
      if (family) uncategorised[family] = (uncategorised[family] ?? 1) * (1 - w);
    }
    indicators.push({
      id: rule.id,
      weight: round2(w),
      evidence: hit.evidence.slice(0, 500),
      ...(rule.category ? { category: rule.category } : {}),
    });
  }
  // The honey trap is a pattern more than a phrase: each cue alone is weak on purpose (genuine
  // people flirt, apologise, suggest a drink), but three or more different ones from a stranger
  // are the approach itself, so together they count for a little more than their sum.
  // Cues a context rule has damped (a known contact) hardly count, and neither does the pattern.
  const approachCues = indicators.filter(
    (i) =>
      i.weight >= 0.05 &&
      i.id !== 'lure.deadline' &&
      i.id !== 'lure.language' &&
      (i.category === 'honeytrap' || (!i.category && i.id.startsWith('lure.'))),
  );
  if (approachCues.length >= PATTERN_MIN_CUES) {
    const w = PATTERN_WEIGHT * (discount.content ?? 1);
    keep *= 1 - w;
    perCategory.honeytrap = (perCategory.honeytrap ?? 1) * (1 - w);
    indicators.push({
      id: 'honeytrap.pattern',
      weight: round2(w),
      evidence: `${approachCues.length} different approach signs together: ${approachCues
        .slice(0, 4)
        .map((i) => i.id.split('.')[1])
        .join(', ')}`,
      category: 'honeytrap',
    });
  }
  const score = Math.max(0, Math.min(100, Math.round(100 * (1 - keep))));
  const verdict = verdictFor(score);
  indicators.sort((a, b) => b.weight - a.weight);
  return {
    score,
    verdict,
    category: verdict === 'benign' ? 'none' : categoryOf(perCategory, indicators, uncategorised),
    indicators,
  };
}

/**
 * Which family the lure belongs to. Extortion is the end-game of a honey trap, so a real
 * threat wins; a credential or code grab is the payload of a phish even when wrapped in a
 * flirtatious pretext; otherwise the strongest family.
 */
function categoryOf(
  perCategory: Record<string, number>,
  indicators: Indicator[],
  uncategorised: Record<string, number>,
): Category {
  const strength = (c: string) => 1 - (perCategory[c] ?? 1);
  if (strength('sextortion') >= 0.3) return 'sextortion';
  const payload = indicators.some(
    (i) => (i.id === 'spearphish.credential-lure' || i.id === 'spearphish.code-takeover') && i.weight >= 0.3,
  );
  if (payload && strength('spearphish') >= 0.3) return 'spearphish';
  const ranked = (['honeytrap', 'spearphish', 'sextortion'] as const)
    .map((c) => [c, strength(c)] as const)
    .sort((a, b) => b[1] - a[1]);
  const [best, s] = ranked[0]!;
  if (s > 0) return best;
  // Flagged on shared signals alone (the wording, secrecy, a deadline): the kind of signal
  // says the family — a threat is extortion, a payload or a technical trick a phish, and
  // social engineering in the words the approach of a honey trap.
  const byKind = (['sextortion', 'spearphish', 'honeytrap'] as const)
    .map((c) => [c, 1 - (uncategorised[c] ?? 1)] as const)
    .sort((a, b) => b[1] - a[1]);
  return byKind[0]![1] > 0 ? byKind[0]![0] : 'none';
}

/** The family a signal shared by all families points to, by its kind. */
const FAMILY_OF_KIND: Partial<Record<RuleKind, Exclude<Category, 'none'>>> = {
  threat: 'sextortion',
  payload: 'spearphish',
  technical: 'spearphish',
  content: 'honeytrap',
};
