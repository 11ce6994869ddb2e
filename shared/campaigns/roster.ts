/**
 * The roster: who is who, so a campaign's severity can rise with whom it reached and its reach
 * can be given as a share of the people we protect. Loaded from the file named by
 * LUREWATCH_ROSTER_FILE (`lurewatch roster import` writes it); no file means an empty roster.
 *
 * Format — CSV with a header row, columns in any order, extra columns ignored:
 *
 *     name,role,party,email,mobile
 *     Andrew Fenwick,minister,Labour,andrew.fenwick.mp@parliament.uk,07700 900001
 *     Ben Carrow,staffer,,ben.carrow@parliament.uk,
 *
 * `role` is minister | member | staffer | journalist | other, or as people write it ("MP",
 * "Caseworker", "Lobby correspondent": see roleOf); `mobile` in any common format (stored as
 * E.164, GB by default); RFC 4180 quoting. Or JSON: an array of { name, role, party?, email?,
 * mobile? }, or an object with such an `entries` array — which is what `lurewatch roster import`
 * keeps as roster.json (shared/roster/), so that file can be named here directly.
 */
import { readFileSync, statSync } from 'node:fs';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import * as z from 'zod';

export const ROLES = ['minister', 'member', 'staffer', 'journalist', 'other'] as const;
export type Role = (typeof ROLES)[number];

export interface RosterEntry {
  name: string;
  role: Role;
  party?: string;
  email?: string;
  mobile?: string;
}

export interface Roster {
  entries: RosterEntry[];
  /** Looks a target up by email, E.164 number or name; returns the entry's index. */
  find(target: { email?: string; phone?: string; name?: string }): number | undefined;
}

/**
 * Roles as people write them ("MP", "Parliamentary Under-Secretary", "Lobby correspondent",
 * "Caseworker") folded into the few that weigh differently in a campaign's severity.
 */
export function roleOf(raw: string): Role {
  const r = raw.trim().toLowerCase();
  if (/\bminister\b|secretary of state|under-secretary|chancellor|prime minister|whip\b/.test(r))
    return 'minister';
  if (
    /^(mp|msp|ms|mla|member|member of parliament|peer|lord|lady|baroness|baron|speaker|deputy speaker)$/.test(
      r,
    )
  )
    return 'member';
  if (/journalist|correspondent|reporter|editor|press|lobby/.test(r)) return 'journalist';
  if (
    /staff|assistant|researcher|caseworker|manager|adviser|advisor|secretary|intern|aide|clerk|officer/.test(
      r,
    )
  )
    return 'staffer';
  return 'other';
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const RosterRow = z.object({
  name: z.string().trim().min(1).max(256),
  role: z.string().catch('other').transform(roleOf),
  party: z.preprocess(blankToUndefined, z.string().trim().max(128).optional()),
  email: z.preprocess(blankToUndefined, z.string().trim().toLowerCase().max(320).optional()),
  mobile: z.preprocess(blankToUndefined, z.string().trim().max(40).optional()),
});

/** "Rt Hon Andrew Fenwick MP" and "andrew fenwick" are one name. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(
      /\b(rt|hon|the|mp|msp|ms|mr|mrs|miss|dr|sir|dame|lord|lady|baroness|baron|kc|qc|obe|mbe|cbe)\b/g,
      ' ',
    )
    .replace(/\s+/g, ' ')
    .trim();
}

export function toE164(raw: string | undefined, region = 'GB'): string | undefined {
  if (!raw) return undefined;
  const parsed = parsePhoneNumberFromString(raw, region as never);
  return parsed?.isPossible() ? parsed.number : undefined;
}

export function buildRoster(rows: ReadonlyArray<Record<string, unknown>>, region = 'GB'): Roster {
  const entries: RosterEntry[] = [];
  for (const row of rows) {
    const parsed = RosterRow.safeParse(row);
    if (!parsed.success) continue; // a row without a name identifies nobody
    const { mobile, ...rest } = parsed.data;
    entries.push({ ...rest, mobile: toE164(mobile, region) ?? mobile });
  }
  const byEmail = new Map<string, number>();
  const byPhone = new Map<string, number>();
  const byName = new Map<string, number>();
  entries.forEach((e, i) => {
    if (e.email && !byEmail.has(e.email)) byEmail.set(e.email, i);
    if (e.mobile && !byPhone.has(e.mobile)) byPhone.set(e.mobile, i);
    const n = normaliseName(e.name);
    if (n && !byName.has(n)) byName.set(n, i);
  });
  return {
    entries,
    find: ({ email, phone, name }) =>
      (email !== undefined ? byEmail.get(email.toLowerCase()) : undefined) ??
      (phone !== undefined ? byPhone.get(phone) : undefined) ??
      (name !== undefined ? byName.get(normaliseName(name)) : undefined),
  };
}

/** A stable key for an entry, so a re-imported roster in another order keeps campaign targets. */
export const rosterKey = (e: RosterEntry) => `roster:${e.email ?? e.mobile ?? normaliseName(e.name)}`;

export const EMPTY_ROSTER: Roster = buildRoster([]);

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\ufeff/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

export function parseRoster(text: string, format: 'csv' | 'json', region = 'GB'): Roster {
  if (format === 'json') {
    const data = JSON.parse(text) as unknown;
    const rows = Array.isArray(data) ? data : ((data as { entries?: unknown[] })?.entries ?? []);
    return buildRoster(rows as Record<string, unknown>[], region);
  }
  const [header, ...body] = parseCsv(text);
  if (!header) return EMPTY_ROSTER;
  const columns = header.map((h) => h.trim().toLowerCase());
  return buildRoster(
    body.map((cells) => Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']))),
    region,
  );
}

/** Reads the roster file; no path means the empty roster. A missing or broken file is an error. */
export function loadRosterFile(path: string | undefined, region = 'GB'): Roster {
  if (!path) return EMPTY_ROSTER;
  const text = readFileSync(path, 'utf8');
  const format = path.toLowerCase().endsWith('.json') || /^\s*[[{]/.test(text) ? 'json' : 'csv';
  return parseRoster(text, format, region);
}

/**
 * The roster file as it is now: re-read when its modification time changes (a re-import while
 * the runtime runs), the empty roster while it does not exist. A broken file is reported through
 * `onError` and the last good roster kept, so correlation never stops for a typo in a CSV.
 */
export function watchRosterFile(
  path: string | undefined,
  region = 'GB',
  onError: (e: Error) => void = () => {},
) {
  let loaded: { mtimeMs: number; roster: Roster } | undefined;
  return (): Roster => {
    if (!path) return EMPTY_ROSTER;
    let mtimeMs: number;
    try {
      mtimeMs = statSync(path).mtimeMs;
    } catch {
      return EMPTY_ROSTER;
    }
    if (loaded?.mtimeMs !== mtimeMs) {
      try {
        loaded = { mtimeMs, roster: loadRosterFile(path, region) };
      } catch (error) {
        onError(error as Error);
        loaded = { mtimeMs, roster: loaded?.roster ?? EMPTY_ROSTER };
      }
    }
    return loaded.roster;
  };
}
