/**
 * Importing the roster (members and staff, from the parliament's CSV) and describing the one
 * in force. The same steps serve `PUT /v1/roster` and `lurewatch roster import`: validate every
 * line (all problems at once, with line numbers), then replace the roster whole. What follows
 * an import, the member-warnings subscription sync, is started by the change itself (the table
 * stream in AWS, the file watcher locally), so an import is quick and safe to repeat.
 */
import { AUDIENCES, type Audience } from '../broadcast/broadcast.ts';
import {
  type AudienceSize,
  audienceSize,
  parseRosterCsv,
  type Roster,
  type RosterStore,
} from '../roster/roster.ts';
import { desiredSubscriptions } from '../roster/subscriptions.ts';

export interface RosterSummary {
  importedAt: string;
  importedBy?: string;
  source?: string;
  entries: number;
  /** People, email addresses and mobiles each broadcast audience reaches. */
  audiences: Record<Audience, AudienceSize>;
  /** Email and SMS subscriptions the member-warnings topic should hold. */
  subscriptions: { email: number; sms: number };
}

export function summarise(roster: Roster): RosterSummary {
  const wanted = desiredSubscriptions(roster);
  return {
    importedAt: roster.importedAt,
    ...(roster.importedBy ? { importedBy: roster.importedBy } : {}),
    ...(roster.source ? { source: roster.source } : {}),
    entries: roster.entries.length,
    audiences: Object.fromEntries(AUDIENCES.map((a) => [a, audienceSize(roster, a)])) as Record<
      Audience,
      AudienceSize
    >,
    subscriptions: {
      email: wanted.filter((s) => s.protocol === 'email').length,
      sms: wanted.filter((s) => s.protocol === 'sms').length,
    },
  };
}

export interface RosterImport {
  csv: string;
  importedBy: string;
  source?: string;
  /** Validate and summarise only: nothing is stored. */
  dryRun?: boolean;
  defaultRegion?: string;
}

/** Throws RosterImportError (every bad line) before anything is stored. */
export async function importRoster(
  deps: { store: RosterStore; now: () => Date },
  request: RosterImport,
): Promise<{ stored: boolean; roster: Roster; summary: RosterSummary }> {
  const parsed = parseRosterCsv(request.csv, {
    defaultRegion: request.defaultRegion,
    now: deps.now(),
    source: request.source,
  });
  const roster: Roster = { ...parsed, importedBy: request.importedBy };
  if (!request.dryRun) await deps.store.save(roster);
  return { stored: !request.dryRun, roster, summary: summarise(roster) };
}

export async function describeRoster(deps: { store: RosterStore }): Promise<RosterSummary | undefined> {
  const roster = await deps.store.load();
  return roster ? summarise(roster) : undefined;
}
