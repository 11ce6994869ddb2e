/**
 * Domain arithmetic for the spear-phishing rules: registrable domains, protected-domain
 * membership, lookalike detection (homoglyphs, IDN, typos, borrowed brand words) and a rough
 * free-mail test. Pure and allocation-light: called for a handful of hosts per report.
 */
import { domainToUnicode } from 'node:url';
import { skeleton } from './normalise.ts';

/** Two-label public suffixes common in UK and Commonwealth mail; enough to find the registrable part. */
const SECOND_LEVEL = new Set([
  'co.uk',
  'org.uk',
  'ac.uk',
  'gov.uk',
  'ltd.uk',
  'plc.uk',
  'me.uk',
  'net.uk',
  'sch.uk',
  'nhs.uk',
  'police.uk',
  'mod.uk',
  'com.au',
  'net.au',
  'org.au',
  'gov.au',
  'co.nz',
  'org.nz',
  'co.za',
  'com.br',
  'co.in',
  'co.jp',
  'com.cn',
  'com.tr',
  'com.mx',
]);

/** A bounded memo: scoring sees the same few hosts, links and names again and again. */
export function memo<V>(limit: number, fn: (key: string) => V): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as V;
    const v = fn(key);
    if (cache.size >= limit) cache.clear();
    cache.set(key, v);
    return v;
  };
}

const hostOfMemo = memo(2000, parseHost);

export function hostOf(url: string): string | undefined {
  return hostOfMemo(url);
}

function parseHost(url: string): string | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`;
  try {
    const host = new URL(withScheme).hostname.toLowerCase().replace(/\.$/, '');
    return host.includes('.') ? host : undefined;
  } catch {
    return undefined;
  }
}

export function domainOfEmail(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  if (at < 0) return undefined;
  return hostOf(email.slice(at + 1));
}

export function registrableDomain(host: string): string {
  const labels = host.split('.');
  if (labels.length <= 2) return host;
  const lastTwo = labels.slice(-2).join('.');
  return SECOND_LEVEL.has(lastTwo) ? labels.slice(-3).join('.') : lastTwo;
}

/** The name part of a registrable domain: "parliament" for parliament.uk, "smallports" for smallports.example. */
export function brandOf(domain: string): string {
  const reg = registrableDomain(domain);
  const first = reg.split('.')[0] ?? reg;
  return first.replace(/-/g, '');
}

export function isWithin(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/**
 * Reserved documentation names (RFC 2606) never occur in real mail; where they do (test data,
 * examples, a training exercise) "parliament.example" stands for parliament.uk itself, as
 * "ipsa.example" stands for IPSA (service-brands.ts). Extra words still make a lookalike:
 * "pass-renewal-parliament.example" is not parliament's.
 */
export const RESERVED_NAME = /\.(?:example|test|invalid)$/;

/** "parliament.example" (or a host under it) for "parliament.uk". */
function isReservedTwin(host: string, domain: string): boolean {
  if (!RESERVED_NAME.test(host)) return false;
  const reg = registrableDomain(host);
  return reg.split('.')[0] === registrableDomain(domain).split('.')[0];
}

export function isProtectedHost(host: string, protectedDomains: readonly string[]): boolean {
  return protectedDomains.some((d) => isWithin(host, d) || isReservedTwin(host, d));
}

/** Levenshtein distance, giving up (returning max+1) once it exceeds `max`: O(n·max). */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

// Digit and multi-letter look-alikes used in domains: paypa1, rnicrosoft, vvhitehall.
const DOMAIN_LEET: Array<[RegExp, string]> = [
  [/rn/g, 'm'],
  [/vv/g, 'w'],
  [/0/g, 'o'],
  [/1/g, 'l'],
  [/3/g, 'e'],
  [/5/g, 's'],
  [/4/g, 'a'],
];

function visualSkeleton(host: string): string {
  let s = skeleton(host.includes('xn--') ? domainToUnicode(host) || host : host);
  for (const [re, to] of DOMAIN_LEET) s = s.replace(re, to);
  return s;
}

export interface Lookalike {
  imitates: string;
  how: string;
}

/**
 * Whether `host` imitates one of `targets` (domains) or borrows one of `brandTokens`.
 * A host inside a target domain is never a lookalike of it.
 */
const NO_BRANDS: readonly string[] = [];
const lookalikeMemo = new WeakMap<
  readonly string[],
  WeakMap<readonly string[], (host: string) => Lookalike | undefined>
>();

export function lookalikeOf(
  host: string,
  targets: readonly string[],
  brandTokens: readonly string[] = NO_BRANDS,
): Lookalike | undefined {
  // Memoised per (targets, brandTokens) pair of arrays: a context's arrays live as long as it.
  let byBrands = lookalikeMemo.get(targets);
  if (!byBrands) {
    byBrands = new WeakMap();
    lookalikeMemo.set(targets, byBrands);
  }
  let f = byBrands.get(brandTokens);
  if (!f) {
    f = memo(1000, (h) => computeLookalike(h, targets, brandTokens));
    byBrands.set(brandTokens, f);
  }
  const l = f(host);
  return l && { ...l };
}

function computeLookalike(
  host: string,
  targets: readonly string[],
  brandTokens: readonly string[],
): Lookalike | undefined {
  if (targets.some((t) => isWithin(host, t) || isReservedTwin(host, t))) return undefined;
  const visual = visualSkeleton(host);
  const labels = host.split('.');
  const nameLabels = labels.slice(0, -1);
  const tokens = nameLabels.join('-').split('-').filter(Boolean);
  const squashed = nameLabels.join('');
  const visualSquashed = visual.split('.').slice(0, -1).join('').replace(/-/g, '');
  for (const target of targets) {
    if (visual === target || visual.endsWith(`.${target}`)) {
      return { imitates: target, how: host.includes('xn--') ? 'IDN homoglyphs' : 'look-alike characters' };
    }
    const brand = brandOf(target);
    if (brand.length < 4) continue;
    if (squashed.replace(/-/g, '').includes(brand)) return { imitates: target, how: `contains "${brand}"` };
    if (visualSquashed.includes(brand)) return { imitates: target, how: 'look-alike characters' };
    const max = brand.length >= 8 ? 2 : 1;
    for (const token of tokens) {
      if (token.length < 4) continue;
      const d = boundedEditDistance(visualSkeleton(token), brand, max);
      if (d > 0 && d <= max) return { imitates: target, how: `misspells "${brand}" as "${token}"` };
    }
  }
  for (const token of tokens) {
    if (brandTokens.includes(token))
      return { imitates: targets[0] ?? token, how: `uses the brand word "${token}"` };
  }
  return undefined;
}

const FREEMAIL = new Set([
  'gmail',
  'googlemail',
  'outlook',
  'hotmail',
  'live',
  'msn',
  'yahoo',
  'ymail',
  'icloud',
  'me',
  'mac',
  'aol',
  'proton',
  'protonmail',
  'pm',
  'gmx',
  'mail',
  'yandex',
  'zoho',
  'tutanota',
  'tuta',
  'fastmail',
  'hushmail',
  'btinternet',
  'sky',
  'virginmedia',
  'talktalk',
  'mailfence',
  'posteo',
  'qq',
  '163',
]);

/** Personal mailbox providers, by name or by shape ("…mail", "inbox…", "…postbox"). */
export function isFreemail(domain: string): boolean {
  const brand = brandOf(domain);
  return (
    FREEMAIL.has(brand) ||
    brand.endsWith('mail') ||
    brand.startsWith('inbox') ||
    brand.endsWith('postbox') ||
    brand === 'postbox'
  );
}
