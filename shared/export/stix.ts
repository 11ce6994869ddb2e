/**
 * A campaign's indicators as a STIX 2.1 bundle: the campaign, one observable and one indicator
 * (with a STIX pattern) per value, "indicates" relationships, and TLP 2.0 markings on every
 * object. STIX has no phone-number object, so phone numbers use a new SCO defined by our own
 * extension definition. Ids are deterministic, so exporting twice gives the same bundle ids.
 */
import { createHash } from 'node:crypto';
import type { Tlp } from '../domain/report.ts';
import type { CampaignIndicator, CampaignIndicators } from './campaign-indicators.ts';

/** The namespace STIX 2.1 fixes for deterministic SCO ids (section 2.9). */
const STIX_SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';
/** Our own namespace for SDO ids derived from lurewatch ids. */
const LUREWATCH_NAMESPACE = '5b0b6a1e-3a3c-4e0b-9f58-6c1d2f0e7a11';

export function uuidv5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The OASIS TLP 2.0 marking definitions (stix-common-objects, extension-definition--60a3c5c5…). */
const TLP2_EXTENSION = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';
const TLP2_IDENTITY = 'identity--b3bca3c2-1f3d-4b54-b44f-dac42c3a8f01';
export const TLP_MARKING_IDS: Record<Tlp, string> = {
  CLEAR: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  GREEN: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  AMBER: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'AMBER+STRICT': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  RED: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

const tlpMarkingDefinition = (tlp: Tlp) => ({
  type: 'marking-definition',
  spec_version: '2.1',
  id: TLP_MARKING_IDS[tlp],
  created_by_ref: TLP2_IDENTITY,
  created: '2022-10-01T00:00:00.000Z',
  name: `TLP:${tlp}`,
  extensions: { [TLP2_EXTENSION]: { extension_type: 'property-extension', tlp_2_0: tlp.toLowerCase() } },
});

export const LUREWATCH_IDENTITY = `identity--${uuidv5('lurewatch', LUREWATCH_NAMESPACE)}`;
export const PHONE_NUMBER_EXTENSION = `extension-definition--${uuidv5('phone-number', LUREWATCH_NAMESPACE)}`;
const DEFINED_AT = '2024-01-01T00:00:00.000Z';

const identity = {
  type: 'identity',
  spec_version: '2.1',
  id: LUREWATCH_IDENTITY,
  created: DEFINED_AT,
  modified: DEFINED_AT,
  name: 'lurewatch',
  identity_class: 'system',
};

/** A new SCO: STIX 2.1 has no phone number object (section 7.3, extension definitions). */
const phoneNumberExtension = {
  type: 'extension-definition',
  spec_version: '2.1',
  id: PHONE_NUMBER_EXTENSION,
  created_by_ref: LUREWATCH_IDENTITY,
  created: DEFINED_AT,
  modified: DEFINED_AT,
  name: 'phone-number',
  description:
    'A telephone number seen as the sender of a lure, in E.164. Object type "phone-number", property "value"; id contributing property: value.',
  schema: 'https://lurewatch.example/stix/phone-number/v1.json',
  version: '1.0.0',
  extension_types: ['new-sco'],
};

const STIX_TYPE: Record<CampaignIndicator['kind'], string> = {
  'phone-number': 'phone-number',
  'email-addr': 'email-addr',
  'domain-name': 'domain-name',
  url: 'url',
  'file-sha256': 'file',
};

/** STIX patterns quote strings with single quotes; backslash and quote are escaped. */
const quote = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export function stixPattern(indicator: Pick<CampaignIndicator, 'kind' | 'value'>): string {
  if (indicator.kind === 'file-sha256') return `[file:hashes.'SHA-256' = ${quote(indicator.value)}]`;
  return `[${STIX_TYPE[indicator.kind]}:value = ${quote(indicator.value)}]`;
}

function observable(indicator: CampaignIndicator, markings: string[]) {
  const type = STIX_TYPE[indicator.kind];
  const contributing =
    indicator.kind === 'file-sha256'
      ? { hashes: { 'SHA-256': indicator.value } }
      : { value: indicator.value };
  return {
    type,
    spec_version: '2.1',
    id: `${type}--${uuidv5(JSON.stringify(contributing), STIX_SCO_NAMESPACE)}`,
    ...contributing,
    object_marking_refs: markings,
    ...(indicator.kind === 'phone-number'
      ? { extensions: { [PHONE_NUMBER_EXTENSION]: { extension_type: 'new-sco' } } }
      : {}),
  };
}

const KIND_NAMES: Record<CampaignIndicator['kind'], string> = {
  'phone-number': 'Sender phone number',
  'email-addr': 'Sender email address',
  'domain-name': 'Domain',
  url: 'Link',
  'file-sha256': 'Attachment (SHA-256)',
};

export interface StixExportInput {
  campaign: { id: string; name?: string; description?: string; firstSeen?: string; lastSeen?: string };
  found: CampaignIndicators;
  exportedAt: Date;
}

export function campaignToStixBundle({ campaign, found, exportedAt }: StixExportInput) {
  const now = exportedAt.toISOString();
  const created = found.indicators.map((i) => i.firstSeen).sort()[0] ?? now;
  const modified =
    found.indicators
      .map((i) => i.lastSeen)
      .sort()
      .at(-1) ?? created;
  const bundleMarking = found.tlp ? [TLP_MARKING_IDS[found.tlp]] : [];
  const campaignId = `campaign--${uuidv5(`campaign:${campaign.id}`, LUREWATCH_NAMESPACE)}`;
  const objects: Array<Record<string, unknown>> = [identity];
  const usedMarkings = new Set<Tlp>(found.indicators.map((i) => i.tlp));
  if (found.tlp) usedMarkings.add(found.tlp);
  for (const tlp of usedMarkings) objects.push(tlpMarkingDefinition(tlp));
  if (found.indicators.some((i) => i.kind === 'phone-number')) objects.push(phoneNumberExtension);
  objects.push({
    type: 'campaign',
    spec_version: '2.1',
    id: campaignId,
    created_by_ref: LUREWATCH_IDENTITY,
    created,
    modified,
    name: campaign.name ?? `lurewatch campaign ${campaign.id}`,
    description:
      campaign.description ??
      'Honey-trap and spear-phishing approaches to members of Parliament, correlated by lurewatch.',
    ...(found.aliases.length ? { aliases: found.aliases } : {}),
    first_seen: campaign.firstSeen ?? created,
    last_seen: campaign.lastSeen ?? modified,
    objective: 'Compromise or coerce members of Parliament and their staff',
    external_references: [{ source_name: 'lurewatch', external_id: campaign.id }],
    object_marking_refs: bundleMarking,
  });
  for (const indicator of found.indicators) {
    const markings = [TLP_MARKING_IDS[indicator.tlp]];
    const sco = observable(indicator, markings);
    const indicatorId = `indicator--${uuidv5(`indicator:${campaign.id}:${indicator.kind}:${indicator.value}`, LUREWATCH_NAMESPACE)}`;
    objects.push(sco, {
      type: 'indicator',
      spec_version: '2.1',
      id: indicatorId,
      created_by_ref: LUREWATCH_IDENTITY,
      created: indicator.firstSeen,
      modified: indicator.lastSeen,
      name: `${KIND_NAMES[indicator.kind]}: ${indicator.value}`,
      indicator_types: ['malicious-activity'],
      pattern: stixPattern(indicator),
      pattern_type: 'stix',
      pattern_version: '2.1',
      valid_from: indicator.firstSeen,
      object_marking_refs: markings,
    });
    objects.push({
      type: 'relationship',
      spec_version: '2.1',
      id: `relationship--${uuidv5(`indicates:${indicatorId}:${campaignId}`, LUREWATCH_NAMESPACE)}`,
      created_by_ref: LUREWATCH_IDENTITY,
      created: indicator.firstSeen,
      modified: indicator.lastSeen,
      relationship_type: 'indicates',
      source_ref: indicatorId,
      target_ref: campaignId,
      object_marking_refs: markings,
    });
  }
  return {
    type: 'bundle',
    id: `bundle--${uuidv5(`bundle:${campaign.id}:${now}`, LUREWATCH_NAMESPACE)}`,
    objects,
  };
}
