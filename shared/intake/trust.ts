/**
 * Whether a forwarded report is accepted as a member's report or quarantined for an officer.
 * Pure: the SES receipt verdicts are for the forward itself (the reporter's mail), not the lure.
 */
import type { LurewatchConfig } from '../config.ts';

export interface SesVerdictInput {
  spf: string;
  dkim: string;
  dmarc: string;
  virus: string;
  spam: string;
}

export interface TrustInput {
  reporterAddress: string;
  sesVerdicts: SesVerdictInput;
}

export type TrustDecision = { accepted: true } | { accepted: false; reason: string };

const bare = (a: string) => (a.match(/<([^<>\s]+@[^<>\s]+)>/)?.[1] ?? a).trim().toLowerCase();
const is = (v: string | undefined, x: string) => (v ?? '').trim().toUpperCase() === x;

/**
 * `rosterAddresses`: the roster's own email addresses, trusted as reporters wherever they are
 * hosted (a journalist's newsroom, a member's constituency mailbox); SPF or DKIM must still pass.
 */
export function decideTrust(
  input: TrustInput,
  config: Pick<LurewatchConfig, 'reporterDomains'>,
  rosterAddresses?: { has(address: string): boolean },
): TrustDecision {
  const v = input.sesVerdicts;
  // A virus verdict stops everything: the caller must not parse the mail at all.
  if (is(v.virus, 'FAIL'))
    return { accepted: false, reason: 'SES virus scan verdict FAIL: quarantined without parsing' };
  const address = bare(input.reporterAddress ?? '');
  const at = address.lastIndexOf('@');
  if (at < 1 || at === address.length - 1 || /\s/.test(address)) {
    return { accepted: false, reason: `reporter address "${address.slice(0, 100)}" is not an email address` };
  }
  const domain = address.slice(at + 1).replace(/\.$/, '');
  const domains = config.reporterDomains.map((d) => d.toLowerCase().replace(/^\.|\.$/g, '')).filter(Boolean);
  const trustedDomain = domains.some((d) => domain === d || domain.endsWith(`.${d}`));
  if (!trustedDomain && !rosterAddresses?.has(address)) {
    return {
      accepted: false,
      reason: `reporter domain ${domain} is not one of the trusted reporter domains (${domains.join(', ') || 'none configured'}) and the address is not on the roster`,
    };
  }
  // SPF or DKIM must pass for the forward, or anyone could claim to be a member.
  if (!is(v.spf, 'PASS') && !is(v.dkim, 'PASS')) {
    return {
      accepted: false,
      reason: `neither SPF (${v.spf || 'none'}) nor DKIM (${v.dkim || 'none'}) passed for the forward from ${domain}`,
    };
  }
  return { accepted: true };
}
