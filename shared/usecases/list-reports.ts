/**
 * Lists reports newest first, with filters and an opaque cursor. Partners list only their own;
 * officers list all, quarantined and unparseable reports included.
 */
import { isOfficer, type Principal } from '../auth/principal.ts';
import type { Category, Channel, Report, ReportStatus, Verdict } from '../domain/report.ts';

export interface ReportFilters {
  verdict?: Verdict;
  category?: Category;
  channel?: Channel;
  status?: ReportStatus;
  campaignId?: string;
}

export interface ReportListQuery {
  /** A partner's id: only reports that partner submitted. Undefined: all reports. */
  partnerId?: string;
  filters: ReportFilters;
  limit: number;
  /** Continue after this report id (exclusive). */
  after?: string;
}

export interface ReportPage {
  reports: Report[];
  /** The last report id looked at, when there may be more. */
  after?: string;
}

/** The listing port the DynamoDB repository implements with its two GSIs. */
export interface ReportListing {
  list(query: ReportListQuery): Promise<ReportPage>;
}

const CURSOR_PREFIX = 'r1:';
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** The cursor names a position (a report id), never a key: a partner cannot steer it into another partition. */
export const encodeCursor = (after: string) =>
  Buffer.from(`${CURSOR_PREFIX}${after}`, 'utf8').toString('base64url');

export function decodeCursor(cursor: string): string | undefined {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith(CURSOR_PREFIX)) return undefined;
  const id = decoded.slice(CURSOR_PREFIX.length);
  return ULID.test(id) ? id : undefined;
}

export async function listReports(
  listing: ReportListing,
  principal: Principal,
  request: { filters: ReportFilters; limit: number; cursor?: string },
): Promise<{ reports: Report[]; nextCursor?: string }> {
  const page = await listing.list({
    partnerId: isOfficer(principal) ? undefined : principal.id,
    filters: request.filters,
    limit: request.limit,
    after: request.cursor ? decodeCursor(request.cursor) : undefined,
  });
  return { reports: page.reports, ...(page.after ? { nextCursor: encodeCursor(page.after) } : {}) };
}
