import { describe, expect, it } from 'vitest';
import {
  boundedEditDistance,
  isFreemail,
  isProtectedHost,
  lookalikeOf,
  registrableDomain,
} from '../../../shared/scoring/domains.ts';
import { isServiceDomain } from '../../../shared/scoring/service-brands.ts';

const ours = ['parliament.uk'];
const brands = ['parl', 'pds'];

describe('lookalikeOf', () => {
  it.each([
    ['parliament-uk.example', 'contains'],
    ['parliament.uk.secure-login.example', 'contains'],
    ['parliment.uk', 'misspells'],
    ['pariiament.uk', 'misspells'],
    ['xn--prliament-0yh.uk', 'IDN'],
    ['parl-m365-verify.test', 'brand word'],
    ['pds-helpdesk.example', 'brand word'],
  ])('%s is a lookalike (%s)', (host, how) => {
    expect(lookalikeOf(host, ours, brands)?.how).toContain(how);
  });
  it.each(['parliament.uk', 'intranet.parliament.uk', 'bbc.co.uk', 'smallports.example', 'parlour.example'])(
    '%s is not',
    (host) => {
      expect(lookalikeOf(host, ours, brands)).toBeUndefined();
    },
  );
});

describe('helpers', () => {
  it('finds registrable domains under two-label suffixes', () => {
    expect(registrableDomain('mail.news.bbc.co.uk')).toBe('bbc.co.uk');
    expect(registrableDomain('a.b.example')).toBe('b.example');
  });
  it('bounds edit distance', () => {
    expect(boundedEditDistance('parliament', 'parliment', 2)).toBe(1);
    expect(boundedEditDistance('parliament', 'xxxxxxxxxxxxxxx', 2)).toBe(3);
  });
  it('recognises personal mailbox providers', () => {
    expect(isFreemail('gmail.com')).toBe(true);
    expect(isFreemail('snapmail.test')).toBe(true);
    expect(isFreemail('riverside-carers.example')).toBe(false);
  });
});

describe('reserved documentation names (RFC 2606)', () => {
  it('stand for the protected domain itself, and for a service itself', () => {
    for (const host of ['parliament.example', 'mail.parliament.test', 'parliament.invalid'])
      expect([host, isProtectedHost(host, ours), lookalikeOf(host, ours, brands)]).toEqual([
        host,
        true,
        undefined,
      ]);
    expect(isServiceDomain('accountprotection.microsoft.example')).toBe(true);
    expect(isServiceDomain('accounts.google.com')).toBe(true);
  });
  it('but extra words or another name are still a lookalike or foreign', () => {
    expect(isProtectedHost('pass-renewal-parliament.example', ours)).toBe(false);
    expect(lookalikeOf('pass-renewal-parliament.example', ours, brands)?.how).toContain('contains');
    expect(isProtectedHost('parliament.example.net', ours)).toBe(false);
    expect(isServiceDomain('microsoft-login.example')).toBe(false);
    expect(isServiceDomain('google-account-check.example')).toBe(false);
  });
});
