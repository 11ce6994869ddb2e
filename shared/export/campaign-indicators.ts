/**
 * The indicators of a campaign, from the reports a recipient may see: sender phone numbers and
 * email addresses, the domains behind them and behind links, the links, attachment hashes.
 * Each indicator carries the least restrictive marking of the reports it was seen in (if a
 * GREEN report shows a number, the number is GREEN, whatever a RED report also says).
 */
import type { Report, Tlp } from '../domain/report.ts';
import {
  leastRestrictive,
  mostRestrictive,
  type Purpose,
  type Recipient,
  releasable,
} from './tlp-release.ts';

export type IndicatorKind = 'phone-number' | 'email-addr' | 'domain-name' | 'url' | 'file-sha256';

export interface CampaignIndicator {
  kind: IndicatorKind;
  value: string;
  tlp: Tlp;
  firstSeen: string;
  lastSeen: string;
  reportIds: string[];
}

export interface CampaignIndicators {
  indicators: CampaignIndicator[];
  aliases: string[];
  /** Reports left out because of their marking (counted, never described). */
  withheldReports: number;
  releasedReports: Report[];
  /** The most restrictive marking among what was released: the marking of the whole export. */
  tlp?: Tlp;
}

/** Webmail domains say nothing about a campaign; blocking them would block everyone. */
const SHARED_MAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'hotmail.co.uk',
  'live.com',
  'yahoo.com',
  'yahoo.co.uk',
  'icloud.com',
  'me.com',
  'proton.me',
  'protonmail.com',
  'aol.com',
  'gmx.com',
]);

function hostOf(url: string): string | undefined {
  try {
    const host = new URL(url).hostname.toLowerCase().replace(/^www\./, '');
    return host && !/^[\d.]+$/.test(host) && !host.startsWith('[') ? host : undefined;
  } catch {
    return undefined;
  }
}

function observablesOf(report: Report): Array<[IndicatorKind, string]> {
  const out: Array<[IndicatorKind, string]> = [];
  for (const phone of report.sender.phones) out.push(['phone-number', phone]);
  const emails = [
    ...report.sender.emails,
    ...report.sender.replyTo,
    ...(report.sender.returnPath ? [report.sender.returnPath] : []),
  ];
  for (const email of emails) {
    const address = email.toLowerCase();
    out.push(['email-addr', address]);
    const domain = address.split('@')[1];
    if (domain && !SHARED_MAIL_DOMAINS.has(domain)) out.push(['domain-name', domain]);
  }
  for (const link of report.urls) {
    const host = hostOf(link.url);
    if (!host) continue;
    out.push(['url', link.url]);
    out.push(['domain-name', host]);
  }
  for (const attachment of report.attachments) {
    if (attachment.sha256) out.push(['file-sha256', attachment.sha256]);
  }
  return out;
}

export function campaignIndicators(
  reports: Report[],
  recipient: Recipient,
  purpose: Purpose,
): CampaignIndicators {
  const released = reports.filter((r) => releasable(r, recipient, purpose));
  const byKey = new Map<string, CampaignIndicator & { markings: Tlp[] }>();
  const aliases = new Set<string>();
  for (const report of [...released].sort((a, b) => a.id.localeCompare(b.id))) {
    for (const alias of report.sender.aliases) aliases.add(alias);
    for (const [kind, value] of observablesOf(report)) {
      const key = `${kind}\u0000${value}`;
      const seen = byKey.get(key);
      if (!seen) {
        byKey.set(key, {
          kind,
          value,
          tlp: report.tlp,
          markings: [report.tlp],
          firstSeen: report.receivedAt,
          lastSeen: report.receivedAt,
          reportIds: [report.id],
        });
        continue;
      }
      seen.markings.push(report.tlp);
      seen.lastSeen = report.receivedAt;
      if (!seen.reportIds.includes(report.id)) seen.reportIds.push(report.id);
    }
  }
  const indicators = [...byKey.values()].map(({ markings, ...indicator }) => ({
    ...indicator,
    tlp: leastRestrictive(markings) ?? indicator.tlp,
  }));
  return {
    indicators,
    aliases: [...aliases],
    withheldReports: reports.length - released.length,
    releasedReports: released,
    tlp: mostRestrictive(indicators.map((i) => i.tlp)),
  };
}
