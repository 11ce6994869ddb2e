import { describe, expect, it } from 'vitest';
import {
  identifierKey,
  normaliseAlias,
  parseIdentifierKey,
  registrableDomain,
  senderIdentifiers,
} from '../../../shared/campaigns/identifiers.ts';
import { report } from './fixtures.ts';

describe('sender identifiers', () => {
  it('keys numbers, addresses, aliases with their channel, images and lure domains', () => {
    const r = report({
      channel: 'email',
      sender: {
        emails: ['Servicedesk@Parliament-Secure-Login.example'],
        aliases: ['Abi 💋'],
        phones: ['+447700900417'],
      },
      urls: [
        { url: 'https://www.parliament-secure-login.example/mfa' },
        { url: 'https://bit.ly/x' },
        { url: 'https://www.parliament.uk/' },
      ],
      attachments: [{ contentType: 'image/jpeg', size: 10, isImage: true, sha256: 'a'.repeat(64) }],
    });
    const keys = senderIdentifiers(r, { ignoreDomains: ['parliament.uk'] }).map(identifierKey);
    expect(keys).toEqual([
      'phone#+447700900417',
      'email#servicedesk@parliament-secure-login.example',
      'domain#parliament-secure-login.example',
      'alias#email:abi',
      `image#${'a'.repeat(64)}`,
    ]);
  });

  it('never keys on common benign domains or freemail', () => {
    const r = report({
      channel: 'email',
      sender: { emails: ['abi.x@gmail.com'] },
      urls: [{ url: 'https://docs.google.com/a' }],
    });
    expect(senderIdentifiers(r).map((i) => i.kind)).toEqual(['email']);
  });

  it('finds the registrable domain under two-level suffixes', () => {
    expect(registrableDomain('mail.coalfieldstrust.org.uk')).toBe('coalfieldstrust.org.uk');
    expect(registrableDomain('WWW.Example.com.')).toBe('example.com');
    expect(registrableDomain('a.b.parcel-redeliver.test')).toBe('parcel-redeliver.test');
  });

  it('folds alias spelling but keeps a full name distinct', () => {
    expect(normaliseAlias(' ABI 🙈 ')).toBe('abi');
    expect(normaliseAlias('Abi Turner')).toBe('abi turner');
    expect(parseIdentifierKey('alias#whatsapp:abi')).toEqual({ kind: 'alias', value: 'whatsapp:abi' });
  });
});
