/**
 * What the campaign routes and exports read from the campaign store (issue 5's
 * CampaignRepository provides these; this is the subset we depend on).
 */
import type { Report } from '../domain/report.ts';

export interface CampaignRecord {
  id: string;
  /** Anything else the store keeps (names, first/last seen, counts) is passed through selectively. */
  [field: string]: unknown;
}

export interface Page<T> {
  items: T[];
  cursor?: string;
}

export interface CampaignReader {
  get(id: string): Promise<CampaignRecord | undefined>;
  /** Follows merges to the campaign that lives on. */
  resolve?(id: string): Promise<CampaignRecord | undefined>;
  list(page: { limit?: number; cursor?: string }): Promise<Page<CampaignRecord>>;
  reportIdsOf(id: string, page: { limit?: number; cursor?: string }): Promise<Page<string>>;
}

/** Most campaigns have a handful of reports; past this, an export says it was cut short. */
export const MAX_CAMPAIGN_REPORTS = 500;

/** Every report of a campaign (up to the cap), read through the report repository. */
export async function reportsOfCampaign(
  campaigns: CampaignReader,
  reports: { get(id: string): Promise<Report | undefined> },
  campaignId: string,
): Promise<{ reports: Report[]; truncated: boolean }> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await campaigns.reportIdsOf(campaignId, { limit: 100, cursor });
    ids.push(...page.items);
    cursor = page.cursor;
  } while (cursor && ids.length < MAX_CAMPAIGN_REPORTS);
  const found = await Promise.all(ids.slice(0, MAX_CAMPAIGN_REPORTS).map((id) => reports.get(id)));
  return {
    reports: found.filter((r): r is Report => r !== undefined),
    truncated: Boolean(cursor) || ids.length > MAX_CAMPAIGN_REPORTS,
  };
}
