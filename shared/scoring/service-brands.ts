/**
 * Services whose notifications phishers copy (document signing, file sharing, Microsoft sign-in,
 * the expenses regulator) and the domains they really send from. A host that spells the
 * service's name (hyphens and dots aside) but is none of those domains imitates it:
 * "docu-sign-secure.example" is not DocuSign.
 */
import { registrableDomain } from './domains.ts';

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

export function serviceImitated(host: string): string | undefined {
  const h = host.toLowerCase();
  const registrable = registrableDomain(h);
  const squashed = h.replace(/[-.]/g, '');
  for (const [service, domains] of Object.entries(SERVICES)) {
    if (!squashed.includes(service)) continue;
    if (domains.some((d) => registrable === d || h === d || h.endsWith(`.${d}`))) continue;
    return service;
  }
  return undefined;
}
