/**
 * Who a report's lure was aimed at, as keys that identify a person across reports: a roster
 * entry when the roster knows them, else their name, else an address or number. A report that
 * names its target and also gives their address is one person, not two, so addresses and
 * numbers count only when no name is given.
 */
import type { Report } from '../domain/report.ts';
import { normaliseName, type Role, type Roster, rosterKey } from './roster.ts';

export interface CampaignTarget {
  /** `roster:<email|mobile|name>`, `name:<normalised>`, `email:<address>` or `phone:<E.164>`. */
  key: string;
  label: string;
  role?: Role;
  party?: string;
}

export function targetsOf(report: Report, roster: Roster): CampaignTarget[] {
  const out = new Map<string, CampaignTarget>();
  const fromRoster = (i: number) => {
    const e = roster.entries[i]!;
    const key = rosterKey(e);
    out.set(key, { key, label: e.name, role: e.role, party: e.party });
  };
  const t = report.targets;
  const unmatched = { names: [] as string[], emails: [] as string[], phones: [] as string[] };
  for (const name of t.names) {
    const i = roster.find({ name });
    if (i === undefined) unmatched.names.push(name);
    else fromRoster(i);
  }
  for (const email of t.emails) {
    const i = roster.find({ email });
    if (i === undefined) unmatched.emails.push(email.toLowerCase());
    else fromRoster(i);
  }
  for (const phone of t.phones) {
    const i = roster.find({ phone });
    if (i === undefined) unmatched.phones.push(phone);
    else fromRoster(i);
  }
  const onBehalfOf = report.source.kind === 'email-forward' ? report.source.onBehalfOf : undefined;
  if (onBehalfOf) {
    const i = roster.find({ name: onBehalfOf, email: onBehalfOf.includes('@') ? onBehalfOf : undefined });
    if (i !== undefined) fromRoster(i);
    else if (out.size === 0 && unmatched.names.length === 0) unmatched.names.push(onBehalfOf);
  }
  // A roster match already names the person; the other identifiers are likely theirs too.
  if (out.size === 0) {
    const names = unmatched.names.map((n) => [normaliseName(n), n] as const).filter(([k]) => k);
    if (names.length > 0) for (const [k, n] of names) out.set(`name:${k}`, { key: `name:${k}`, label: n });
    else if (unmatched.emails.length > 0)
      for (const e of unmatched.emails) out.set(`email:${e}`, { key: `email:${e}`, label: e });
    else for (const p of unmatched.phones) out.set(`phone:${p}`, { key: `phone:${p}`, label: p });
  } else {
    for (const n of unmatched.names) {
      const k = normaliseName(n);
      if (k) out.set(`name:${k}`, { key: `name:${k}`, label: n });
    }
  }
  return [...out.values()];
}
