/**
 * The roster: who gets member warnings. Imported from a CSV (name, role, party, email, mobile),
 * validated line by line, phones normalised to E.164, and kept as roster.json in the data dir:
 * { importedAt, source, entries: [{ name, role, party, email?, mobile? }] }, which the campaign
 * side's loader (shared/campaigns/roster.ts, LUREWATCH_ROSTER_FILE) reads as it is.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import * as z from 'zod';
import type { Audience } from '../broadcast/broadcast.ts';
import { roleOf } from '../campaigns/roster.ts';

export const ROSTER_COLUMNS = ['name', 'role', 'party', 'email', 'mobile'] as const;

export const RosterEntry = z.object({
  name: z.string().trim().min(1, 'name is empty').max(256),
  role: z.string().trim().min(1, 'role is empty').max(128),
  party: z.string().trim().max(128).default(''),
  email: z.string().trim().toLowerCase().pipe(z.email('not an email address').max(320)).optional(),
  /** E.164 (+447700900123). */
  mobile: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/)
    .optional(),
});
export type RosterEntry = z.infer<typeof RosterEntry>;

export const Roster = z.object({
  importedAt: z.iso.datetime({ offset: true }),
  source: z.string().max(1024).optional(),
  /** Who imported it: the officer's id from the API, or the CLI. */
  importedBy: z.string().max(256).optional(),
  entries: z.array(RosterEntry),
});
export type Roster = z.infer<typeof Roster>;

/**
 * Members (ministers, MPs, peers) and staff, by the same reading of the role column that
 * campaign severity uses (shared/campaigns/roster.ts); journalists and others get "all" only.
 */
export type AudienceGroup = Exclude<Audience, 'all'>;
export function audienceGroupOf(entry: Pick<RosterEntry, 'role'>): AudienceGroup | undefined {
  const role = roleOf(entry.role);
  if (role === 'member' || role === 'minister') return 'members';
  if (role === 'staffer') return 'staff';
  return undefined;
}

export const inAudience = (entry: Pick<RosterEntry, 'role'>, audience: Audience) =>
  audience === 'all' || audienceGroupOf(entry) === audience;

export interface AudienceSize {
  people: number;
  emails: number;
  sms: number;
}

export function audienceSize(roster: Roster, audience: Audience): AudienceSize {
  const people = roster.entries.filter((e) => inAudience(e, audience));
  return {
    people: people.length,
    emails: people.filter((e) => e.email).length,
    sms: people.filter((e) => e.mobile).length,
  };
}

/** Where the roster comes from at run time: roster.json locally, the table in AWS. */
export interface RosterSource {
  load(): Promise<Roster | undefined>;
}

/** A roster that can also be replaced, whole: an import never leaves half a roster visible. */
export interface RosterStore extends RosterSource {
  save(roster: Roster): Promise<void>;
}

export interface RosterLineError {
  line: number;
  column?: string;
  message: string;
}

export class RosterImportError extends Error {
  constructor(readonly errors: RosterLineError[]) {
    super(
      `the roster has ${errors.length} problem${errors.length === 1 ? '' : 's'}:\n` +
        errors.map((e) => `  line ${e.line}${e.column ? ` (${e.column})` : ''}: ${e.message}`).join('\n'),
    );
  }
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. Returns rows with their line. */
export function parseCsv(text: string): Array<{ line: number; cells: string[] }> {
  const rows: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const source = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
      continue;
    }
    if (c === '"' && cell.length === 0) quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += c;
  }
  if (cell.length > 0 || cells.length > 0) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return rows.filter((row) => row.cells.some((c) => c.trim() !== ''));
}

/**
 * Reads the roster CSV. Every problem is collected with its line number (the header is line 1),
 * so whoever maintains the spreadsheet can fix them all in one go.
 */
export function parseRosterCsv(
  text: string,
  options: { defaultRegion?: string; now?: Date; source?: string } = {},
): Roster {
  const rows = parseCsv(text);
  const header = rows.shift();
  if (!header) throw new RosterImportError([{ line: 1, message: 'the file is empty' }]);
  const columns = header.cells.map((c) => c.trim().toLowerCase());
  const missing = ROSTER_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length) {
    throw new RosterImportError([
      {
        line: header.line,
        message: `missing column(s): ${missing.join(', ')} (expected ${ROSTER_COLUMNS.join(',')})`,
      },
    ]);
  }
  const errors: RosterLineError[] = [];
  const entries: RosterEntry[] = [];
  const seen = new Map<string, number>();
  const region = (options.defaultRegion ?? 'GB').toUpperCase() as 'GB';
  for (const row of rows) {
    const cell = (name: string) => row.cells[columns.indexOf(name)]?.trim() ?? '';
    const mobileRaw = cell('mobile');
    let mobile: string | undefined;
    if (mobileRaw) {
      const phone = parsePhoneNumberFromString(mobileRaw, region);
      if (phone?.isPossible()) mobile = phone.number;
      else
        errors.push({ line: row.line, column: 'mobile', message: `not a valid phone number: ${mobileRaw}` });
    }
    const parsed = RosterEntry.safeParse({
      name: cell('name'),
      role: cell('role'),
      party: cell('party'),
      email: cell('email') || undefined,
      mobile,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors.push({
          line: row.line,
          column: issue.path.map(String).join('.') || undefined,
          message: issue.message,
        });
      }
      continue;
    }
    const entry = parsed.data;
    if (!entry.email && !entry.mobile && !mobileRaw) {
      errors.push({ line: row.line, message: 'needs an email or a mobile number to be warned at all' });
      continue;
    }
    const identity = entry.email ?? entry.mobile ?? '';
    const earlier = seen.get(identity);
    if (earlier) errors.push({ line: row.line, message: `duplicates line ${earlier} (${identity})` });
    else seen.set(identity, row.line);
    entries.push(entry);
  }
  if (errors.length) throw new RosterImportError(errors);
  return { importedAt: (options.now ?? new Date()).toISOString(), source: options.source, entries };
}
