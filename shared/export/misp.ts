/**
 * A campaign's indicators as a MISP event (the JSON MISP imports via /events/add): one attribute
 * per value, each tagged with its TLP, the event tagged with the most restrictive of them.
 */
import type { Tlp } from '../domain/report.ts';
import type { CampaignIndicator, CampaignIndicators } from './campaign-indicators.ts';
import { uuidv5 } from './stix.ts';

const NAMESPACE = '9d3e2c41-6b0f-4d8a-8f6e-2a7c1b5e9d30';

const MISP_TYPE: Record<CampaignIndicator['kind'], { type: string; category: string }> = {
  'phone-number': { type: 'phone-number', category: 'Person' },
  'email-addr': { type: 'email-src', category: 'Payload delivery' },
  'domain-name': { type: 'domain', category: 'Network activity' },
  url: { type: 'url', category: 'Network activity' },
  'file-sha256': { type: 'sha256', category: 'Payload delivery' },
};

export const mispTlpTag = (tlp: Tlp) => ({ name: `tlp:${tlp.toLowerCase()}` });

export interface MispExportInput {
  campaign: { id: string; name?: string };
  found: CampaignIndicators;
  exportedAt: Date;
}

export function campaignToMispEvent({ campaign, found, exportedAt }: MispExportInput) {
  const firstSeen = found.indicators.map((i) => i.firstSeen).sort()[0] ?? exportedAt.toISOString();
  return {
    Event: {
      uuid: uuidv5(`campaign:${campaign.id}`, NAMESPACE),
      info: campaign.name ?? `lurewatch campaign ${campaign.id}: approaches to members of Parliament`,
      date: firstSeen.slice(0, 10),
      timestamp: String(Math.floor(exportedAt.getTime() / 1000)),
      // 2 = medium; 1 = ongoing analysis; 0 = your organisation only (the TLP tags say more).
      threat_level_id: '2',
      analysis: '1',
      distribution: '0',
      published: false,
      Tag: [...(found.tlp ? [mispTlpTag(found.tlp)] : []), { name: 'lurewatch:campaign' }],
      Attribute: found.indicators.map((indicator) => ({
        uuid: uuidv5(`${campaign.id}:${indicator.kind}:${indicator.value}`, NAMESPACE),
        ...MISP_TYPE[indicator.kind],
        value: indicator.value,
        to_ids: indicator.kind !== 'phone-number',
        first_seen: indicator.firstSeen,
        last_seen: indicator.lastSeen,
        comment: `seen in ${indicator.reportIds.length} report(s)`,
        Tag: [mispTlpTag(indicator.tlp)],
      })),
    },
  };
}
