/** Plain-words reasons for alerts and the CLI, from an assessment's strongest indicators. */
import type { Assessment } from '../domain/report.ts';
import { RULES_BY_ID } from './rules/index.ts';

function sentence(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function topReasons(assessment: Pick<Assessment, 'indicators'>, n = 3): string[] {
  return assessment.indicators
    .filter((i) => i.weight > 0)
    .slice()
    .sort((a, b) => b.weight - a.weight)
    .slice(0, n)
    .map((i) => {
      const reason = RULES_BY_ID.get(i.id)?.reason ?? i.id;
      return `${sentence(reason)}: ${i.evidence}`.slice(0, 300);
    });
}
