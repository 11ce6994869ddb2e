/**
 * The items correlation writes into the single table, and how they map to the domain records.
 *
 *   campaign          PK CAMPAIGN#<id>            SK CAMPAIGN
 *                     GSI2PK CAMPAIGNS  GSI2SK <lastSeen>#<id>   (formed and live only)
 *   report link       PK REPORT#<reportId>        SK CAMPAIGN-LINK
 *                     GSI1PK CAMPAIGN#<id>  GSI1SK <receivedAt>#<reportId>   (once joined)
 *   identifier owner  PK IDENT#<kind>#<value>     SK OWNER          (conditional claim)
 *   identifier post   PK IDENT#<kind>#<value>     SK REPORT#<reportId>
 *   incident claim    PK CONVERSATION#<contentHash>#<targets hash>  SK INCIDENT  (conditional claim)
 */
import { type Campaign, CampaignSchema } from '../../campaigns/campaign.ts';
import type { Identifier } from '../../campaigns/identifiers.ts';
import type { IdentifierOwner, ReportLink } from '../../campaigns/store.ts';

export const LISTED_CAMPAIGNS = 'CAMPAIGNS';

export const campaignKey = (id: string) => ({ PK: `CAMPAIGN#${id}`, SK: 'CAMPAIGN' });
export const linkKey = (reportId: string) => ({ PK: `REPORT#${reportId}`, SK: 'CAMPAIGN-LINK' });
export const identifierPk = (id: Identifier) => `IDENT#${id.kind}#${id.value}`;
export const ownerKey = (id: Identifier) => ({ PK: identifierPk(id), SK: 'OWNER' });
export const postingKey = (id: Identifier, reportId: string) => ({
  PK: identifierPk(id),
  SK: `REPORT#${reportId}`,
});
export const incidentKey = (conversation: string) => ({ PK: `CONVERSATION#${conversation}`, SK: 'INCIDENT' });
export const campaignMembersPk = (campaignId: string) => `CAMPAIGN#${campaignId}`;
export const memberSk = (receivedAt: string, reportId: string) => `${receivedAt}#${reportId}`;

const KEY_ATTRIBUTES = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'type'] as const;
const strip = (item: Record<string, unknown>) => {
  const rest = { ...item };
  for (const k of KEY_ATTRIBUTES) delete rest[k];
  return rest;
};

export function campaignToItem(c: Campaign): Record<string, unknown> {
  const listed = c.formed && !c.mergedInto;
  return {
    ...campaignKey(c.id),
    type: 'campaign',
    ...(listed ? { GSI2PK: LISTED_CAMPAIGNS, GSI2SK: `${c.lastSeen}#${c.id}` } : {}),
    ...c,
  };
}

export const campaignFromItem = (item: Record<string, unknown>): Campaign =>
  CampaignSchema.parse(strip(item));

export function linkToItem(link: ReportLink): Record<string, unknown> {
  const { campaignId: _c, incidentId: _i, ...features } = link;
  return { ...linkKey(link.reportId), type: 'campaign-link', ...features };
}

export function linkFromItem(item: Record<string, unknown>): ReportLink {
  const r = strip(item);
  return {
    reportId: String(r.reportId),
    receivedAt: String(r.receivedAt),
    verdict: r.verdict as ReportLink['verdict'],
    contentHash: String(r.contentHash),
    signature: typeof r.signature === 'string' ? r.signature : undefined,
    senderKeys: Array.isArray(r.senderKeys) ? (r.senderKeys as string[]) : [],
    targetKeys: Array.isArray(r.targetKeys) ? (r.targetKeys as string[]) : [],
    reporterEmail: typeof r.reporterEmail === 'string' ? r.reporterEmail : undefined,
    incidentId: typeof r.incidentId === 'string' ? r.incidentId : undefined,
    campaignId: typeof r.campaignId === 'string' ? r.campaignId : undefined,
  };
}

export const ownerToItem = (id: Identifier, owner: IdentifierOwner) => ({
  ...ownerKey(id),
  type: 'identifier-owner',
  ...owner,
});

export const ownerFromItem = (item: Record<string, unknown>): IdentifierOwner => ({
  campaignId: String(item.campaignId),
  reportId: String(item.reportId),
  signature: typeof item.signature === 'string' ? item.signature : undefined,
});

export const postingToItem = (id: Identifier, reportId: string) => ({
  ...postingKey(id, reportId),
  type: 'identifier-posting',
  reportId,
});

export class InvalidCursorError extends Error {
  constructor() {
    super('the cursor is not one this listing handed out');
  }
}

/** Opaque cursors: base64url JSON of where to go on. */
export const encodeCursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
export function decodeCursor<T>(cursor: string | undefined): T | undefined {
  if (!cursor) return undefined;
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as T;
  } catch {
    throw new InvalidCursorError();
  }
}
