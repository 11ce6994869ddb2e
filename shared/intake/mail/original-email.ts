/** An email that is the lure itself (sent straight to the target, or attached to a forward). */
import type { Address } from 'postal-mime';
import type { ReportDraft } from '../../domain/draft.ts';
import type { AttachmentMeta } from '../../domain/report.ts';
import { attachmentMeta } from '../attachments.ts';
import { htmlToText } from '../html.ts';
import type { IntakeLimits } from '../limits.ts';
import { mergeLinks, urlsInHtml, urlsInText } from '../links.ts';
import { findEmails, isEmail, normaliseName } from '../names.ts';
import { findPhones } from '../phones.ts';
import { authFromHeaders } from './auth-results.ts';
import { attachmentBytes, bodyText, type Email, headerValue } from './mime.ts';

export const mailboxes = (list: Address[] | Address | undefined) =>
  (Array.isArray(list) ? list : list ? [list] : [])
    .flatMap((a) => (a.group ? a.group : [a]))
    .filter((a) => a.address && isEmail(a.address))
    .map((a) => ({
      address: a.address!.toLowerCase(),
      ...(normaliseName(a.name) ? { name: normaliseName(a.name)! } : {}),
    }));

/** Headers of the original the detector may use. */
const KEPT_HEADERS = [
  'message-id',
  'date',
  'x-mailer',
  'user-agent',
  'list-unsubscribe',
  'list-id',
  'reply-to',
  'return-path',
  'sender',
  'x-originating-ip',
  'x-sender-ip',
  'received-spf',
  'authentication-results',
  'precedence',
  'auto-submitted',
];

export function keptHeaders(email: Email): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const key of KEPT_HEADERS) {
    const v = headerValue(email, key);
    if (v) out[key] = v.replace(/\s+/g, ' ').trim().slice(0, 2000);
  }
  const received = email.headers.filter((h) => h.key === 'received').length;
  if (received) out['received-count'] = String(received);
  return Object.keys(out).length ? out : undefined;
}

export function mailText(email: Email): string {
  const t = bodyText(email);
  if (t.trim()) return t;
  return email.html ? htmlToText(email.html) : '';
}

/** Lines quoted from an earlier message ("> …" and everything after "On … wrote:"). */
export function splitQuoted(text: string): { own: string; quoted: string } {
  const lines = text.split('\n');
  const own: string[] = [];
  const quoted: string[] = [];
  let inQuote = false;
  for (const l of lines) {
    if (/^On .{5,200} wrote:\s*$/.test(l.trim())) inQuote = true;
    if (inQuote || /^\s*>/.test(l)) quoted.push(l);
    else own.push(l);
  }
  return { own: own.join('\n'), quoted: quoted.join('\n') };
}

export function attachmentsOf(email: Email, limits: IntakeLimits): AttachmentMeta[] {
  return email.attachments
    .slice(0, limits.maxAttachments)
    .map((a) => attachmentMeta(a.filename, a.mimeType, attachmentBytes(a.content)));
}

export function draftFromEmail(email: Email, limits: IntakeLimits, region: string): ReportDraft {
  const from = mailboxes(email.from)[0];
  const replyTo = mailboxes(email.replyTo).map((a) => a.address);
  const returnPath =
    email.returnPath && isEmail(email.returnPath.replace(/[<>]/g, ''))
      ? email.returnPath.replace(/[<>]/g, '').toLowerCase()
      : undefined;
  const to = [...mailboxes(email.to), ...mailboxes(email.cc)];
  const text = mailText(email).slice(0, limits.maxTextChars);
  const { own, quoted } = splitQuoted(text);
  // A number the message quotes from earlier in the thread belongs to that earlier message.
  const quotedPhones = new Set(findPhones(quoted, region).map((p) => p.e164));
  const phones = [...new Set(findPhones(own, region).map((p) => p.e164))].filter((p) => !quotedPhones.has(p));
  const targetAddrs = new Set(to.map((t) => t.address));
  const bodyEmails = findEmails(own).filter((e) => !targetAddrs.has(e));
  const emails = [...new Set([from?.address, ...bodyEmails].filter((e): e is string => !!e))];
  const urls = mergeLinks(
    [email.html ? urlsInHtml(email.html, limits.maxUrls) : [], urlsInText(text, limits.maxUrls)],
    limits.maxUrls,
  );
  const auth = authFromHeaders(email.headers);
  const headers = keptHeaders(email);
  return {
    channel: 'email',
    sender: {
      ...(from?.name ? { displayName: from.name } : {}),
      emails,
      phones,
      aliases: from?.name ? [from.name.slice(0, 128)] : [],
      replyTo,
      ...(returnPath ? { returnPath } : {}),
    },
    targets: {
      emails: [...targetAddrs],
      names: to.map((t) => t.name).filter((n): n is string => !!n),
      phones: [],
    },
    ...(email.subject ? { subject: email.subject } : {}),
    text,
    ...(email.date ? { sentAt: email.date.slice(0, 64) } : {}),
    urls,
    attachments: attachmentsOf(email, limits),
    ...(auth ? { auth } : {}),
    ...(headers ? { headers } : {}),
  };
}
