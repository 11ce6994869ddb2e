/**
 * Officer alerts about campaigns: formed, crossed a target threshold, gained a number or alias.
 * The body is JSON with a one-paragraph summary; lists are capped so the message stays far below
 * SNS's 256 KB however large the campaign grows. Identifiers and who was reached, never lure text.
 */
import type { Campaign } from '../campaigns/campaign.ts';
import { mainChannel } from '../campaigns/campaign.ts';
import { parseIdentifierKey } from '../campaigns/identifiers.ts';
import type { Publication } from '../domain/ports.ts';

export const CAMPAIGN_ALERT_KINDS = [
  'campaign-formed',
  'campaign-threshold',
  'campaign-new-identifier',
] as const;
export type CampaignAlertKind = (typeof CAMPAIGN_ALERT_KINDS)[number];

const LIST_CAP = 25;
/** SNS allows 256 KB; stay well below it whatever a field holds. */
export const MAX_MESSAGE_BYTES = 200 * 1024;

export interface CampaignAlertInput {
  kind: CampaignAlertKind;
  campaign: Campaign;
  /** The report whose processing caused the announcement. */
  reportId: string;
  threshold?: number;
  /** Identifier keys (`phone#+44…`, `alias#abi`) announced as new. */
  newIdentifiers?: string[];
}

const cap = <T>(xs: readonly T[], n = LIST_CAP) => ({
  items: xs.slice(0, n),
  more: Math.max(0, xs.length - n),
});
const listed = (xs: readonly string[], n = 5) =>
  xs.length === 0 ? 'none' : xs.slice(0, n).join(', ') + (xs.length > n ? ` and ${xs.length - n} more` : '');
const quoted = (xs: readonly string[]) => xs.map((x) => `"${x}"`);

function describeIdentifier(key: string): string {
  const { kind, value } = parseIdentifierKey(key);
  return kind === 'alias' ? `alias "${value}"` : `${kind} ${value}`;
}

function summaryOf(input: CampaignAlertInput): string {
  const c = input.campaign;
  const senders = `${listed(c.phones)}${c.aliases.length > 0 ? ` using ${listed(quoted(c.aliases))}` : ''}`;
  const reach =
    `${c.targetCount} distinct target${c.targetCount === 1 ? '' : 's'} (${listed(c.targets.map((t) => (t.role ? `${t.label}, ${t.role}` : t.label)))})` +
    (c.targetedPercent !== null ? `, ${c.targetedPercent}% of the roster` : '') +
    ` in ${c.incidentCount} incident${c.incidentCount === 1 ? '' : 's'} from ${c.reportCount} report${c.reportCount === 1 ? '' : 's'}`;
  const span = `first seen ${c.firstSeen.slice(0, 10)}, last seen ${c.lastSeen.slice(0, 10)}`;
  const lead =
    input.kind === 'campaign-formed'
      ? `A ${mainChannel(c)} lure campaign has formed`
      : input.kind === 'campaign-threshold'
        ? `Lure campaign ${c.id} has now reached ${input.threshold} or more targets`
        : `Lure campaign ${c.id} is using a new identifier: ${listed((input.newIdentifiers ?? []).map(describeIdentifier))}`;
  const merged =
    c.mergedFrom.length > 0
      ? ` It absorbed campaign${c.mergedFrom.length === 1 ? '' : 's'} ${listed(c.mergedFrom)}.`
      : '';
  return `${lead}: ${senders} reached ${reach}, ${span}. Severity ${c.severity}.${merged} Warn the likely next targets and consider a member warning.`;
}

export function composeCampaignAlert(input: CampaignAlertInput): Publication {
  const c = input.campaign;
  const channel = mainChannel(c);
  const body = {
    kind: input.kind,
    campaignId: c.id,
    severity: c.severity,
    channel,
    channels: c.channels,
    tlp: c.tlp,
    triggeredBy: input.reportId,
    ...(input.threshold !== undefined ? { threshold: input.threshold } : {}),
    ...(input.newIdentifiers
      ? { newIdentifiers: cap(input.newIdentifiers).items.map(parseIdentifierKey) }
      : {}),
    reportCount: c.reportCount,
    incidentCount: c.incidentCount,
    targetCount: c.targetCount,
    targetedPercent: c.targetedPercent,
    firstSeen: c.firstSeen,
    lastSeen: c.lastSeen,
    targets: cap(c.targets.map(({ label, role, party }) => ({ label, role, party }))),
    phones: cap(c.phones),
    emails: cap(c.emails),
    aliases: cap(c.aliases),
    domains: cap(c.domains),
    imageCount: c.images.length,
    mergedFrom: cap(c.mergedFrom),
    summary: summaryOf(input),
  };
  let message = JSON.stringify(body);
  // Labels and addresses are bounded, but belt and braces: never hand SNS an oversized body.
  if (Buffer.byteLength(message) > MAX_MESSAGE_BYTES) {
    message = JSON.stringify({
      ...body,
      targets: cap(body.targets.items, 5),
      summary: body.summary.slice(0, 2000),
    });
  }
  const what =
    input.kind === 'campaign-formed'
      ? 'formed'
      : input.kind === 'campaign-threshold'
        ? `reached ${input.threshold} targets`
        : 'new identifier';
  return {
    topic: 'officer-alerts',
    subject: `[lurewatch] ${c.severity} ${channel} campaign ${what} (${c.targetCount} targets)`.slice(0, 99),
    message,
    attributes: {
      kind: input.kind,
      severity: c.severity,
      channel,
      campaignId: c.id,
      tlp: c.tlp,
    },
  };
}
