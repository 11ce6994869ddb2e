/**
 * Services whose notifications phishers copy (document signing, file sharing, Microsoft sign-in,
 * the expenses regulator) and the domains they really send from. A host that spells the
 * service's name (hyphens and dots aside) but is none of those domains imitates it:
 * "docu-sign-secure.example" is not DocuSign.
 */
import { RESERVED_NAME, registrableDomain } from './domains.ts';

const SERVICES: Record<string, readonly string[]> = {
  docusign: ['docusign.com', 'docusign.net'],
  microsoft: [
    'microsoft.com',
    'microsoftonline.com',
    'office.com',
    'office365.com',
    'live.com',
    'outlook.com',
    'sharepoint.com',
    'sharepointonline.com',
  ],
  office365: ['microsoft.com', 'office.com', 'office365.com'],
  sharepoint: ['sharepoint.com', 'sharepointonline.com', 'microsoft.com'],
  onedrive: ['onedrive.com', 'live.com', 'microsoft.com', 'sharepoint.com', '1drv.ms'],
  dropbox: ['dropbox.com', 'dropboxmail.com'],
  wetransfer: ['wetransfer.com'],
  adobesign: ['adobe.com', 'adobesign.com'],
  ipsa: ['theipsa.org.uk'],
  hmrc: ['gov.uk'],
};

/**
 * Public services and names too short or common to find inside a squashed host ("gov" is in
 * "govdelivery", "outlook" in "economicoutlook"): these count only as a whole label,
 * "ncsc-gov.uk", "outlook-calendar-sync.com", "ukvi-mpaccount.co.uk".
 */
const SERVICE_LABELS: Record<string, readonly string[]> = {
  gov: ['gov.uk'],
  govuk: ['gov.uk'],
  ncsc: ['ncsc.gov.uk'],
  ukvi: ['gov.uk'],
  homeoffice: ['gov.uk'],
  cabinetoffice: ['gov.uk'],
  dvla: ['gov.uk'],
  nhs: ['nhs.uk', 'nhs.net'],
  police: ['police.uk'],
  royalmail: ['royalmail.com', 'royalmail.co.uk'],
  parcelforce: ['parcelforce.com', 'royalmail.com'],
  outlook: ['outlook.com', 'microsoft.com', 'office.com', 'office365.com', 'live.com'],
};

// Reserved documentation names (RESERVED_NAME, domains.ts): "ipsa.example" stands for IPSA's own
// domain; a lookalike still adds words to the name: "ipsa-refund.example".

const isOwn = (h: string, registrable: string, domains: readonly string[], service: string) =>
  domains.some((d) => registrable === d || h === d || h.endsWith(`.${d}`)) ||
  (RESERVED_NAME.test(registrable) && registrable.split('.')[0] === service);

/**
 * Which service a host imitates, and how: `name` when it spells a product's name (DocuSign,
 * SharePoint), `label` when a public body's short name stands as one of its labels, weaker
 * evidence: many genuine organisations put "nhs" or "police" in their own domains.
 */
export function serviceImitation(host: string): { service: string; by: 'name' | 'label' } | undefined {
  const h = host.toLowerCase();
  const registrable = registrableDomain(h);
  const squashed = h.replace(/[-.]/g, '');
  for (const [service, domains] of Object.entries(SERVICES)) {
    if (!squashed.includes(service)) continue;
    if (isOwn(h, registrable, domains, service)) continue;
    return { service, by: 'name' };
  }
  const labels = h.split(/[-.]/);
  for (const [service, domains] of Object.entries(SERVICE_LABELS)) {
    if (!labels.includes(service)) continue;
    if (isOwn(h, registrable, domains, service)) continue;
    return { service, by: 'label' };
  }
  return undefined;
}

export const serviceImitated = (host: string): string | undefined => serviceImitation(host)?.service;

/**
 * The registrable domains big services really send their account notices from and link to
 * (those above, and a few whose names are too common to look for inside other hosts).
 */
const SERVICE_DOMAINS = new Set([
  ...Object.values(SERVICES).flat(),
  ...Object.values(SERVICE_LABELS).flat(),
  'google.com',
  'google.co.uk',
  'gmail.com',
  'apple.com',
  'icloud.com',
  'amazon.com',
  'amazon.co.uk',
  'linkedin.com',
  'facebook.com',
  'facebookmail.com',
  'instagram.com',
  'x.com',
  'twitter.com',
  'zoom.us',
  'slack.com',
]);

/** The services' names, for their reserved documentation twins ("microsoft.example"). */
const SERVICE_NAMES = new Set([
  ...Object.keys(SERVICES),
  ...Object.keys(SERVICE_LABELS),
  ...[...SERVICE_DOMAINS].map((d) => d.split('.')[0]!),
]);

/** A host on a service's own domain: "accounts.google.com", "myaccount.google.com". */
export const isServiceDomain = (host: string): boolean => {
  const h = host.toLowerCase();
  const registrable = registrableDomain(h);
  if (SERVICE_DOMAINS.has(registrable)) return true;
  if (RESERVED_NAME.test(registrable) && SERVICE_NAMES.has(registrable.split('.')[0]!)) return true;
  for (const d of SERVICE_DOMAINS) if (h.endsWith(`.${d}`)) return true;
  return false;
};
