/** Campaign details for the members' warning: only what TLP allows members to see. */
import type { CampaignBrief } from '../broadcast/broadcast.ts';
import type { CampaignBriefs } from '../broadcast/ports.ts';
import type { Report } from '../domain/report.ts';
import { campaignIndicators } from './campaign-indicators.ts';
import { type CampaignReader, reportsOfCampaign } from './campaign-reader.ts';

export function campaignBriefs(
  campaigns: CampaignReader | undefined,
  reports: { get(id: string): Promise<Report | undefined> },
): CampaignBriefs {
  return {
    async brief(ids) {
      const briefs: CampaignBrief[] = [];
      const unknown: string[] = [];
      for (const id of ids) {
        const campaign = campaigns ? await campaigns.get(id) : undefined;
        if (!campaigns || !campaign) {
          unknown.push(id);
          continue;
        }
        const { reports: all } = await reportsOfCampaign(campaigns, reports, id);
        const found = campaignIndicators(all, { kind: 'members' }, 'broadcast');
        const values = (kind: string) => found.indicators.filter((i) => i.kind === kind).map((i) => i.value);
        briefs.push({
          id,
          shareable: found.releasedReports.length > 0,
          aliases: found.aliases,
          phones: values('phone-number'),
          emails: values('email-addr'),
          domains: values('domain-name'),
          ...(found.tlp ? { tlp: found.tlp } : {}),
        });
      }
      return { briefs, unknown };
    },
  };
}
