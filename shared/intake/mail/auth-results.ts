/**
 * The lure's own SPF/DKIM/DMARC, re-derived from the headers it carries (Authentication-Results
 * written by the target's receiving server, Received-SPF). Only the first (topmost, i.e. the
 * last hop's) result per method counts: anything lower could have been written by the sender.
 */
import { type AuthenticationResults, AuthResult } from '../../domain/report.ts';

const RESULTS: readonly string[] = AuthResult.options;

function asResult(v: string | undefined): AuthResult | undefined {
  if (!v) return undefined;
  const r = v.toLowerCase();
  if (r === 'hardfail') return 'fail';
  if (r === 'policy') return 'fail';
  return RESULTS.includes(r) ? (r as AuthResult) : 'unknown';
}

export function authFromHeaders(
  headers: Array<{ key: string; value: string }>,
): AuthenticationResults | undefined {
  const out: AuthenticationResults = {};
  for (const h of headers) {
    if (h.key === 'authentication-results' || h.key === 'arc-authentication-results') {
      const v = h.value.slice(0, 4000);
      for (const method of ['spf', 'dkim', 'dmarc'] as const) {
        if (out[method]) continue;
        const m = new RegExp(`(?:^|[;\\s])${method}\\s*=\\s*([a-z]+)`, 'i').exec(v);
        const r = asResult(m?.[1]);
        if (r) out[method] = r;
      }
    } else if (h.key === 'received-spf' && !out.spf) {
      const r = asResult(/^\s*([a-z]+)/i.exec(h.value)?.[1]);
      if (r) out.spf = r;
    }
  }
  return Object.keys(out).length ? out : undefined;
}
