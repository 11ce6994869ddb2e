/**
 * Who may receive what, by TLP 2.0 marking: the one place the API, the exports and the
 * broadcast ask before anything leaves. TLP:RED stays with officers (read, never exported or
 * broadcast); TLP:AMBER+STRICT goes only to officers and the partner that submitted it.
 */
import type { Principal } from '../auth/principal.ts';
import { isOfficer } from '../auth/principal.ts';
import { type Report, TLP_LEVELS, type Tlp } from '../domain/report.ts';

export type Recipient = { kind: 'officer' } | { kind: 'partner'; partnerId: string } | { kind: 'members' };
/** read: shown in the API; export: STIX/MISP files that travel on; broadcast: the members' warning. */
export type Purpose = 'read' | 'export' | 'broadcast';

export const recipientOf = (principal: Principal): Recipient =>
  isOfficer(principal) ? { kind: 'officer' } : { kind: 'partner', partnerId: principal.id };

const submittedBy = (report: Report, partnerId: string) =>
  report.source.kind === 'partner-api' && report.source.partnerId === partnerId;

export function releasable(
  report: Pick<Report, 'tlp' | 'source'>,
  recipient: Recipient,
  purpose: Purpose,
): boolean {
  switch (report.tlp) {
    case 'RED':
      return recipient.kind === 'officer' && purpose === 'read';
    case 'AMBER+STRICT':
      return (
        recipient.kind === 'officer' ||
        (recipient.kind === 'partner' && submittedBy(report as Report, recipient.partnerId))
      );
    default:
      return true;
  }
}

export const tlpRank = (tlp: Tlp) => TLP_LEVELS.indexOf(tlp);
export const mostRestrictive = (levels: Tlp[]): Tlp | undefined =>
  levels.length ? levels.reduce((a, b) => (tlpRank(b) > tlpRank(a) ? b : a)) : undefined;
export const leastRestrictive = (levels: Tlp[]): Tlp | undefined =>
  levels.length ? levels.reduce((a, b) => (tlpRank(b) < tlpRank(a) ? b : a)) : undefined;
