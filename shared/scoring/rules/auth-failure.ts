/** The original failed sender authentication (SPF, DKIM, DMARC): forged or spoofed mail. */
import type { AuthResult } from '../../domain/report.ts';
import type { Rule } from '../rule.ts';

const FAILED: ReadonlySet<AuthResult> = new Set(['fail', 'softfail', 'permerror']);
const WEIGHTS = { dmarc: 0.4, spf: 0.2, dkim: 0.2 } as const;

export const authFailure: Rule = {
  id: 'spearphish.auth-failure',
  category: 'spearphish',
  kind: 'technical',
  reason: 'failed sender authentication (SPF/DKIM/DMARC)',
  evaluate(view) {
    const auth = view.auth;
    if (!auth) return undefined;
    const failed = (['dmarc', 'spf', 'dkim'] as const).filter(
      (k) => auth[k] !== undefined && FAILED.has(auth[k]),
    );
    if (failed.length === 0) return undefined;
    const weight = 1 - failed.reduce((acc, k) => acc * (1 - WEIGHTS[k]), 1);
    return {
      weight: Math.round(weight * 100) / 100,
      evidence: failed.map((k) => `${k}=${auth[k]}`).join(', '),
    };
  },
};
