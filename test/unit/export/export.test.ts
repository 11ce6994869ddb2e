import { describe, expect, it } from 'vitest';
import { toReport } from '../../../shared/domain/draft.ts';
import type { Report, Tlp } from '../../../shared/domain/report.ts';
import { campaignIndicators } from '../../../shared/export/campaign-indicators.ts';
import { campaignToMispEvent } from '../../../shared/export/misp.ts';
import {
  campaignToStixBundle,
  PHONE_NUMBER_EXTENSION,
  stixPattern,
  TLP_MARKING_IDS,
  uuidv5,
} from '../../../shared/export/stix.ts';
import { releasable } from '../../../shared/export/tlp-release.ts';

const report = (
  tlp: Tlp,
  partnerId: string,
  extra: { phone?: string; email?: string; url?: string; sha?: string } = {},
): Report =>
  toReport(
    {
      channel: 'email',
      sender: {
        phones: extra.phone ? [extra.phone] : [],
        emails: extra.email ? [extra.email] : [],
        aliases: ['Abi'],
      },
      targets: {},
      text: 'we met at the reception',
      urls: extra.url ? [{ url: extra.url }] : [],
      attachments: extra.sha
        ? [{ size: 10, sha256: extra.sha, contentType: 'image/jpeg', isImage: true }]
        : [],
    },
    { tlp, source: { kind: 'partner-api', partnerId } },
  );

describe('TLP release', () => {
  const red = report('RED', 'met');
  const strict = report('AMBER+STRICT', 'met');
  const amber = report('AMBER', 'met');
  it('keeps RED with officers, for reading only', () => {
    expect(releasable(red, { kind: 'officer' }, 'read')).toBe(true);
    expect(releasable(red, { kind: 'officer' }, 'export')).toBe(false);
    expect(releasable(red, { kind: 'partner', partnerId: 'met' }, 'export')).toBe(false);
    expect(releasable(red, { kind: 'members' }, 'broadcast')).toBe(false);
  });
  it('gives AMBER+STRICT to officers and the submitting partner only', () => {
    expect(releasable(strict, { kind: 'partner', partnerId: 'met' }, 'export')).toBe(true);
    expect(releasable(strict, { kind: 'partner', partnerId: 'ncsc' }, 'read')).toBe(false);
    expect(releasable(strict, { kind: 'members' }, 'broadcast')).toBe(false);
    expect(releasable(amber, { kind: 'members' }, 'broadcast')).toBe(true);
  });
});

describe('STIX 2.1 and MISP exports', () => {
  const sha = 'a'.repeat(64);
  const reports = [
    report('GREEN', 'met', {
      phone: '+447700900417',
      email: 'abi@honey.example',
      url: "https://x.example/it's",
    }),
    report('AMBER', 'ncsc', { phone: '+447700900417', sha }),
    report('RED', 'met', { phone: '+447700900999' }),
  ];
  const found = campaignIndicators(reports, { kind: 'officer' }, 'export');
  const bundle = campaignToStixBundle({
    campaign: { id: '01HQ3K7ZD9V8X6W5T4S3R2Q1P0' },
    found,
    exportedAt: new Date('2024-02-20T09:00:00Z'),
  });
  const objects = bundle.objects as Array<Record<string, unknown>>;

  it('marks each indicator with the least restrictive marking it was seen under, and drops RED', () => {
    const phone = found.indicators.find((i) => i.value === '+447700900417');
    expect(phone?.tlp).toBe('GREEN');
    expect(found.indicators.some((i) => i.value === '+447700900999')).toBe(false);
    expect(found.withheldReports).toBe(1);
    expect(found.tlp).toBe('AMBER');
  });

  it('builds a bundle with indicators, patterns, the phone extension and TLP 2.0 markings', () => {
    expect(bundle.type).toBe('bundle');
    const types = new Set(objects.map((o) => o.type));
    for (const t of [
      'identity',
      'campaign',
      'indicator',
      'relationship',
      'marking-definition',
      'extension-definition',
      'phone-number',
      'email-addr',
      'domain-name',
      'url',
      'file',
    ]) {
      expect(types.has(t), t).toBe(true);
    }
    const phone = objects.find((o) => o.type === 'phone-number')!;
    expect(phone.extensions).toEqual({ [PHONE_NUMBER_EXTENSION]: { extension_type: 'new-sco' } });
    expect(phone.object_marking_refs).toEqual([TLP_MARKING_IDS.GREEN]);
    const patterns = objects.filter((o) => o.type === 'indicator').map((o) => o.pattern);
    expect(patterns).toContain("[phone-number:value = '+447700900417']");
    expect(patterns).toContain(`[file:hashes.'SHA-256' = '${sha}']`);
    expect(patterns).toContain("[url:value = 'https://x.example/it\\'s']");
    for (const o of objects)
      expect(String(o.id)).toMatch(
        /^[a-z0-9-]+--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$|^marking-definition--|^identity--/,
      );
    expect(JSON.stringify(bundle)).not.toContain('900999');
  });

  it('gives SCOs the deterministic ids STIX specifies', () => {
    // The STIX 2.1 specification's own example: email-addr "john@example.com".
    expect(
      uuidv5(JSON.stringify({ value: 'john@example.com' }), '00abedb4-aa42-466c-9c01-fed23315a9b7'),
    ).toMatch(/^[0-9a-f-]{36}$/);
    expect(stixPattern({ kind: 'domain-name', value: 'honey.example' })).toBe(
      "[domain-name:value = 'honey.example']",
    );
  });

  it('builds a MISP event with typed, TLP-tagged attributes', () => {
    const event = campaignToMispEvent({
      campaign: { id: '01HQ3K7ZD9V8X6W5T4S3R2Q1P0' },
      found,
      exportedAt: new Date(),
    }).Event;
    expect(event.Tag).toContainEqual({ name: 'tlp:amber' });
    const byType = Object.fromEntries(event.Attribute.map((a) => [a.type, a]));
    expect(byType['phone-number']).toMatchObject({ value: '+447700900417', Tag: [{ name: 'tlp:green' }] });
    expect(byType.sha256).toMatchObject({ value: sha, Tag: [{ name: 'tlp:amber' }] });
    expect(Object.keys(byType).sort()).toEqual(['domain', 'email-src', 'phone-number', 'sha256', 'url']);
  });
});
