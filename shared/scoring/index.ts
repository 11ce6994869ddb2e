/**
 * The detection engine: `assess` scores one report with explainable rules. Pure and
 * synchronous; no I/O, no AWS. Normalises the report once and shares it with every rule.
 */
import type { Assessment, Report } from '../domain/report.ts';
import { combine, type Fired } from './combine.ts';
import type { ScoringContext } from './context.ts';
import { topReasons } from './reasons.ts';
import type { Rule } from './rule.ts';
import { RULES } from './rules/index.ts';
import { buildView, type ReportLike } from './view.ts';

/** Bump when a rule, weight or threshold changes: stored assessments say which rules made them. */
export const RULESET_VERSION = 'lurewatch-rules/1.4.0';

export function assess(
  report: Report | ReportLike,
  context: ScoringContext,
  rules: readonly Rule[] = RULES,
): Assessment {
  const view = buildView(report);
  const fired: Fired[] = [];
  for (const rule of rules) {
    let hit: ReturnType<typeof rule.evaluate>;
    try {
      hit = rule.evaluate(view, context);
    } catch {
      // One faulty rule must not lose the whole assessment; the others still speak.
      continue;
    }
    if (hit && hit.weight > 0) fired.push({ rule, hit });
  }
  const combined = combine(fired);
  return {
    ...combined,
    reasons: topReasons(combined),
    rulesetVersion: RULESET_VERSION,
    scoredAt: context.now().toISOString(),
  };
}

export { MALICIOUS_AT, SUSPICIOUS_AT, verdictFor } from './combine.ts';
export {
  defaultScoringContext,
  INSTITUTIONAL_ROSTER,
  type RosterEntry,
  type ScoringContext,
} from './context.ts';
export { normalise } from './normalise.ts';
export { topReasons } from './reasons.ts';
export { RULES } from './rules/index.ts';
export type { ReportLike } from './view.ts';
