/**
 * Reading and exporting one campaign for a principal: its reports are read, filtered by TLP for
 * that principal and purpose, and turned into a view, a STIX 2.1 bundle or a MISP event.
 */
import type { Principal } from '../auth/principal.ts';
import type { Report } from '../domain/report.ts';
import { campaignIndicators } from './campaign-indicators.ts';
import { type CampaignReader, type CampaignRecord, reportsOfCampaign } from './campaign-reader.ts';
import { campaignToMispEvent } from './misp.ts';
import { campaignToStixBundle } from './stix.ts';
import { type Purpose, recipientOf } from './tlp-release.ts';

/** Fields of a stored campaign that are about the campaign, not about what its reports say. */
const SAFE_FIELDS = [
  'id',
  'createdAt',
  'firstSeen',
  'lastSeen',
  'formedAt',
  'severity',
  'reportCount',
  'incidentCount',
  'targetCount',
  'maxScore',
  'malicious',
  'mergedInto',
];

export function campaignSummary(campaign: CampaignRecord) {
  const summary: Record<string, unknown> = {};
  for (const field of SAFE_FIELDS) {
    const value = campaign[field];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      summary[field] = value;
  }
  return { ...summary, id: campaign.id, links: campaignLinks(campaign.id) };
}

export const campaignLinks = (id: string) => ({
  self: `/v1/campaigns/${id}`,
  stix: `/v1/campaigns/${id}/stix`,
  misp: `/v1/campaigns/${id}/misp`,
  reports: `/v1/reports?campaign=${id}`,
});

export type CampaignExportFormat = 'view' | 'stix' | 'misp';

export async function exportCampaign(
  deps: {
    campaigns: CampaignReader;
    reports: { get(id: string): Promise<Report | undefined> };
    now: () => Date;
  },
  principal: Principal,
  campaignId: string,
  format: CampaignExportFormat,
) {
  const campaign = (await deps.campaigns.resolve?.(campaignId)) ?? (await deps.campaigns.get(campaignId));
  if (!campaign) return undefined;
  const { reports, truncated } = await reportsOfCampaign(deps.campaigns, deps.reports, campaign.id);
  const purpose: Purpose = format === 'view' ? 'read' : 'export';
  const found = campaignIndicators(reports, recipientOf(principal), purpose);
  const exportedAt = deps.now();
  const named = { id: campaign.id, firstSeen: found.indicators.map((i) => i.firstSeen).sort()[0] };
  if (format === 'stix') return campaignToStixBundle({ campaign: named, found, exportedAt });
  if (format === 'misp') return campaignToMispEvent({ campaign: named, found, exportedAt });
  return {
    ...campaignSummary(campaign),
    ...(found.tlp ? { tlp: found.tlp } : {}),
    reportCount: found.releasedReports.length,
    withheldReports: found.withheldReports,
    truncated,
    aliases: found.aliases,
    reportIds: found.releasedReports.map((r) => r.id),
    indicators: found.indicators.map(({ kind, value, tlp, firstSeen, lastSeen }) => ({
      kind,
      value,
      tlp,
      firstSeen,
      lastSeen,
    })),
  };
}
