/**
 * The roster of members and staff (security officers only): PUT replaces it whole from the
 * CSV the parliament keeps (name,role,party,email,mobile), GET describes the one in force.
 * PUT is idempotent by nature (the same CSV gives the same roster), so it needs no
 * Idempotency-Key; the member-warnings subscriptions follow the import asynchronously.
 */
import { RosterImportError } from '../../../shared/roster/roster.ts';
import { describeRoster, importRoster } from '../../../shared/usecases/import-roster.ts';
import { json, query, type RouteContext, rawBody } from '../http.ts';
import { HttpProblem } from '../problem.ts';

/** About 10,000 people: comfortably more than both Houses and their staff. */
export const MAX_ROSTER_BYTES = 2 * 1024 * 1024;

export async function putRoster({ event, principal, deps }: RouteContext) {
  const { raw } = rawBody(event, ['csv'], MAX_ROSTER_BYTES);
  const dryRun = query(event).dryRun;
  if (dryRun !== undefined && dryRun !== 'true' && dryRun !== 'false') {
    throw new HttpProblem(400, 'dryRun is true or false', [
      { path: 'query/dryRun', message: 'expected true or false' },
    ]);
  }
  try {
    const { stored, summary } = await importRoster(
      { store: deps.roster, now: deps.now },
      {
        csv: raw,
        importedBy: principal!.id,
        source: 'PUT /v1/roster',
        dryRun: dryRun === 'true',
        defaultRegion: deps.config.defaultPhoneRegion,
      },
    );
    return json(200, { stored, ...summary });
  } catch (error) {
    if (!(error instanceof RosterImportError)) throw error;
    throw new HttpProblem(
      400,
      `the roster has ${error.errors.length} problem${error.errors.length === 1 ? '' : 's'}; nothing was imported`,
      error.errors.map((e) => ({
        path: `line/${e.line}${e.column ? `/${e.column}` : ''}`,
        message: e.message,
      })),
    );
  }
}

export async function getRoster({ deps }: RouteContext) {
  const summary = await describeRoster({ store: deps.roster });
  if (!summary) throw new HttpProblem(404, 'no roster has been imported yet');
  return json(200, summary);
}
