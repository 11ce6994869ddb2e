/**
 * A campaign's severity rises with how many distinct people it reached and with who they are:
 * a minister approached is worse than a researcher, and a dozen staffers is worse than one.
 */
import type { Severity } from '../alerts/report-alert.ts';
import type { Role } from './roster.ts';

export const ROLE_WEIGHTS: Record<Role | 'unknown', number> = {
  minister: 5,
  member: 3,
  journalist: 2,
  staffer: 2,
  other: 1,
  unknown: 1,
};

export interface SeverityInput {
  targets: ReadonlyArray<{ role?: Role }>;
  /** The worst verdict among its reports. */
  malicious: boolean;
}

export function campaignSeverity({ targets, malicious }: SeverityInput): Severity {
  const weight = targets.reduce((sum, t) => sum + ROLE_WEIGHTS[t.role ?? 'unknown'], 0);
  const ministers = targets.filter((t) => t.role === 'minister').length;
  const n = targets.length;
  if (n >= 10 || weight >= 15 || (ministers > 0 && n >= 3)) return 'critical';
  if (n >= 5 || weight >= 8 || ministers > 0 || (malicious && n >= 3)) return 'high';
  if (n >= 2 || weight >= 3 || malicious) return 'medium';
  return 'low';
}
