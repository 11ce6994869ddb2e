/**
 * What the scorer knows about the world it protects: our domains, the brand words a lookalike
 * borrows, and the people worth impersonating. Built once per process, shared by every call.
 */
import type { LurewatchConfig } from '../config.ts';

export type RosterRole = 'official' | 'security' | 'member' | 'staff' | 'service';

export interface RosterEntry {
  name: string;
  role?: RosterRole;
}

export interface ScoringContext {
  /** Domains (and their subdomains) that are ours; anything resembling them is a lookalike. */
  protectedDomains: string[];
  /** Extra words a lookalike domain or sender name borrows ("parl", "pds"); the domains' own names are added automatically. */
  brandTokens: string[];
  /** People and services whose names an impersonator copies into a display name. */
  roster: RosterEntry[];
  /** Clock for scoredAt; injectable so assessments are reproducible in tests. */
  now: () => Date;
}

/** Offices that lures impersonate whatever the members' names are. */
export const INSTITUTIONAL_ROSTER: RosterEntry[] = [
  { name: 'Parliamentary Digital Service', role: 'service' },
  { name: 'Parliamentary Security Department', role: 'security' },
  { name: 'Parliamentary Security Officer', role: 'security' },
  { name: 'Serjeant at Arms', role: 'security' },
  { name: 'IT Service Desk', role: 'service' },
  { name: 'House of Commons Service Desk', role: 'service' },
  { name: 'Whips Office', role: 'official' },
  { name: 'Speaker\u2019s Office', role: 'official' },
  { name: 'Parliamentary Liaison and Investigation Team', role: 'security' },
];

/** Short forms of "parliament" seen in lookalike domains and SMS sender ids. */
const PARLIAMENT_BRANDS = ['parliament', 'parliamentary', 'parl', 'pds', 'houseofcommons', 'houseoflords'];

export function defaultScoringContext(
  config: Pick<LurewatchConfig, 'protectedDomains'>,
  extra: { roster?: RosterEntry[]; brandTokens?: string[]; now?: () => Date } = {},
): ScoringContext {
  const protectedDomains = config.protectedDomains.map((d) => d.toLowerCase());
  const brandTokens = new Set(extra.brandTokens ?? []);
  if (protectedDomains.some((d) => d === 'parliament.uk' || d.endsWith('.parliament.uk'))) {
    for (const b of PARLIAMENT_BRANDS) brandTokens.add(b);
  }
  return {
    protectedDomains,
    brandTokens: [...brandTokens],
    roster: [...INSTITUTIONAL_ROSTER, ...(extra.roster ?? [])],
    now: extra.now ?? (() => new Date()),
  };
}
