/**
 * The sender identifiers a report can be linked by. Phone numbers, email addresses, image
 * hashes and lure domains are strong: two reports sharing one come from the same actor. An
 * alias is weak ("Abi" may be a genuine person) and counts only beside another link; it is
 * keyed with the channel, since "Abi" on WhatsApp and "Abi" by email say little about each other.
 */
import type { Report } from '../domain/report.ts';

export const IDENTIFIER_KINDS = ['phone', 'email', 'alias', 'image', 'domain', 'band'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export interface Identifier {
  kind: IdentifierKind;
  value: string;
}

export const STRONG_KINDS: ReadonlySet<IdentifierKind> = new Set(['phone', 'email', 'image', 'domain']);
/** Kinds an officer may look reports up by (bands are an implementation detail). */
export const SENDER_KINDS: ReadonlySet<IdentifierKind> = new Set([
  'phone',
  'email',
  'alias',
  'image',
  'domain',
]);

export const identifierKey = (id: Identifier) => `${id.kind}#${id.value}`;

export function parseIdentifierKey(key: string): Identifier {
  const at = key.indexOf('#');
  return { kind: key.slice(0, at) as IdentifierKind, value: key.slice(at + 1) };
}

/**
 * Domains that appear in ordinary mail and chats and in lures alike: linking by them would join
 * everything. Shorteners are not here: their host is shared, so the full URL is not used either.
 */
export const COMMON_BENIGN_DOMAINS: ReadonlySet<string> = new Set([
  'google.com',
  'goo.gl',
  'gmail.com',
  'googlemail.com',
  'youtube.com',
  'youtu.be',
  'microsoft.com',
  'office.com',
  'outlook.com',
  'hotmail.com',
  'hotmail.co.uk',
  'live.com',
  'live.co.uk',
  'msn.com',
  'yahoo.com',
  'yahoo.co.uk',
  'icloud.com',
  'me.com',
  'apple.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'whatsapp.com',
  'whatsapp.net',
  'wa.me',
  'facebook.com',
  'instagram.com',
  'x.com',
  'twitter.com',
  't.co',
  'linkedin.com',
  'lnkd.in',
  'bit.ly',
  'tinyurl.com',
  'ow.ly',
  'signal.org',
  'telegram.org',
  't.me',
  'zoom.us',
  'teams.microsoft.com',
  'gov.uk',
  'nhs.uk',
  'bbc.co.uk',
  'bbc.com',
  'wikipedia.org',
  'amazon.com',
  'amazon.co.uk',
  'dropbox.com',
  'gov.scot',
  'gov.wales',
  'police.uk',
]);

// Second-level labels under which registrations happen one level deeper (example.co.uk).
const SECOND_LEVEL = new Set([
  'co',
  'org',
  'gov',
  'ac',
  'me',
  'ltd',
  'plc',
  'net',
  'sch',
  'nhs',
  'police',
  'com',
  'edu',
]);

/** The registrable domain, by a short rule rather than the public suffix list: good enough to key on. */
export function registrableDomain(host: string): string | undefined {
  const h = host
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
  if (!/^[a-z0-9.-]+$/.test(h) || !h.includes('.') || /^\d+(\.\d+){3}$/.test(h)) return h || undefined;
  const labels = h.split('.');
  const n = labels.length >= 3 && SECOND_LEVEL.has(labels.at(-2)!) && labels.at(-1)!.length === 2 ? 3 : 2;
  return labels.slice(-n).join('.');
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `http://${url}`).hostname || undefined;
  } catch {
    return undefined;
  }
}

/** "Abi 💋", " abi " and "ABI" are one alias; "Abi Turner" is another. */
export function normaliseAlias(alias: string): string {
  return alias
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface IdentifierOptions {
  /** Domains never keyed on besides the common ones: our own (parliament.uk), the reporters'. */
  ignoreDomains?: Iterable<string>;
}

/** The report's sender identifiers, deduplicated, in a stable order. */
export function senderIdentifiers(report: Report, options: IdentifierOptions = {}): Identifier[] {
  const ignore = new Set([
    ...COMMON_BENIGN_DOMAINS,
    ...[...(options.ignoreDomains ?? [])].map((d) => d.toLowerCase()),
  ]);
  const keep = (domain: string | undefined) =>
    domain !== undefined && !ignore.has(domain) && ![...ignore].some((d) => domain.endsWith(`.${d}`));
  const out = new Map<string, Identifier>();
  const add = (kind: IdentifierKind, value: string | undefined) => {
    if (!value) return;
    const id = { kind, value };
    out.set(identifierKey(id), id);
  };
  const s = report.sender;
  for (const phone of s.phones) add('phone', phone);
  const emails = [...s.emails, ...s.replyTo, ...(s.returnPath ? [s.returnPath] : [])].map((e) =>
    e.toLowerCase(),
  );
  for (const email of emails) {
    add('email', email);
    const domain = registrableDomain(email.split('@')[1] ?? '');
    if (keep(domain)) add('domain', domain);
  }
  for (const alias of s.aliases) {
    const a = normaliseAlias(alias);
    if (a) add('alias', `${report.channel}:${a}`);
  }
  for (const a of report.attachments) if (a.isImage && a.sha256) add('image', a.sha256);
  for (const link of report.urls) {
    const domain = registrableDomain(hostOf(link.url) ?? '');
    if (keep(domain)) add('domain', domain);
  }
  return [...out.values()].slice(0, 60);
}
