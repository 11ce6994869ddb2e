/**
 * The scoring view: everything rules read, derived once per report. Text is normalised once
 * here and shared; the target's own chat replies are kept apart (they are never evidence
 * against the sender, only context about the relationship).
 */
import type {
  AttachmentMeta,
  AuthenticationResults,
  Channel,
  ChatMessage,
  LinkRef,
  SenderIdentity,
} from '../domain/report.ts';
import { domainOfEmail, hostOf } from './domains.ts';
import { EMPTY_TEXT, type NormalisedText, normalise, skeleton } from './normalise.ts';

/** What `assess` accepts besides a stored Report: a draft or a hand-built object in tests. */
export interface ReportLike {
  channel?: Channel;
  sender?: Partial<SenderIdentity>;
  subject?: string;
  text?: string;
  messages?: Array<Pick<ChatMessage, 'author' | 'text'> & { at?: string; fromTarget?: boolean }>;
  urls?: LinkRef[];
  attachments?: Array<Partial<AttachmentMeta>>;
  auth?: AuthenticationResults;
  headers?: Record<string, string>;
}

export type SavedAs = 'unsaved' | 'name' | 'intimate' | 'professional' | 'none';

export interface ViewUrl {
  url: string;
  host: string;
  text?: string;
}

export interface ScoringView {
  channel: Channel | 'other';
  isChat: boolean;
  /** The sender's words (subject first for mail), normalised. */
  text: NormalisedText;
  /** The target's own chat replies, normalised on first use: context only. */
  readonly targetText: NormalisedText;
  senderDomains: string[];
  replyToDomains: string[];
  returnPathDomain?: string;
  /** Display name, aliases and chat author names of the sender, skeletonised. */
  senderNames: string[];
  /** How the target's phone saved the sender, judged from the chat author name. */
  savedAs: SavedAs;
  senderMessages: number;
  targetMessages: number;
  senderOpened: boolean;
  urls: ViewUrl[];
  /** Images the sender sent: chat media markers plus image attachments. */
  images: number;
  attachments: Array<Partial<AttachmentMeta>>;
  auth?: AuthenticationResults;
  headers: Record<string, string>;
}

// Notices about a person ("Abi left", "Josh added you") are the whole line: "did you feed the
// cat before you left? x" is a message.
const SYSTEM_LINE =
  /^(?:\u200e)?(?:messages and calls are end-to-end encrypted|messages to this (?:chat|group) are now|.{0,80} (?:created group|added you|changed the subject|changed this group|joined using)|[^.?!,:\n]{1,80} left\.?$|this message was deleted|you deleted this message|missed (?:voice|video) call|waiting for this message)/i;
/**
 * Only a message whose start holds one of these (in any case) can be a system line: the
 * pattern reads at most its first 102 characters, and every branch contains one of them.
 */
const SYSTEM_HINT = /message|created group|added you|changed th| left|joined using|missed /i;

function isSystemLine(text: string): boolean {
  const t = text.trimStart();
  if (!SYSTEM_HINT.test(t.length > 120 ? t.slice(0, 120) : t)) return false;
  return SYSTEM_LINE.test(t);
}

const MEDIA =
  /<media omitted>|<attached:[^>]{0,200}>|\b(?:image|photo|video|gif|sticker) omitted\b|\[(?:photo|image|picture|video)|\bimg-\d{8}-wa\d+/gi;
const URL_IN_TEXT = /\b(?:https?:\/\/|www\.)[^\s<>"'()[\]{}]{1,300}/gi;
/** A link written without a scheme ("ipsa-payments.example/update"): a host, then a path. */
const BARE_URL =
  /\b[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,4}\.[a-z]{2,12}\/[^\s<>"'()[\]{}/][^\s<>"'()[\]{}]{0,299}/gi;
const MAY_HAVE_BARE_URL = /[a-z0-9]\.[a-z]{2,12}\/[^\s/]/gi;
const SPACE_CHAR = /\s/;
const HYPHEN_HOST_END =
  /-[a-z0-9]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|uk|xyz|top|online|site|live|app|io|me|cc|biz|click|link|support|help|services|example|test)\b/gi;
const SENT_TO = /(?:\bat|\bvisit|\bgo to|\bvia|\bon|:|\bclick|\btap|\bopen|\bhere|\bsee)\s*$/i;
const isHostChar = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 46;
/** What `\s` matches, without a regex call for the common characters. */
const isSpace = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || (c > 127 && SPACE_CHAR.test(String.fromCharCode(c)));
const PHONE_AUTHOR = /^[\s+\d()\-\u202a\u202c\u200e\u00a0]{7,}$/;
const INTIMATE =
  /[\u2764\u2665\u{1f49b}\u{1f499}\u{1f49a}\u{1f49c}\u{1f9e1}\u{1f5a4}\u{1f90d}\u{1f495}\u{1f496}\u{1f497}\u{1f493}\u{1f49e}\u{1f60d}\u{1f970}\u{1f618}\u{1f48b}\u{1f339}]/u;
const INVISIBLE = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function savedAsOf(author: string | undefined): SavedAs {
  if (author === undefined) return 'none';
  const a = author.replace(INVISIBLE, '').trim();
  // "~ Name" is iOS for an unsaved contact; "(sender)"-style placeholders come from typed-out reports.
  if (a === '' || PHONE_AUTHOR.test(a) || a.startsWith('~') || a.startsWith('(')) return 'unsaved';
  if (INTIMATE.test(a)) return 'intimate';
  if (/^[^(]*[a-z][^(]*\s\([^)]{2,60}\)\s*$/i.test(a)) return 'professional';
  return 'name';
}

// Every media marker contains '<' or '[', or "omitted" or "img-" in some case.
const MEDIA_HINT = /omitted|img-/i;

function countMedia(text: string): number {
  if (!text.includes('<') && !text.includes('[') && !MEDIA_HINT.test(text)) return 0;
  return text.match(MEDIA)?.length ?? 0;
}

const TRAILING_PUNCTUATION = /[.,;:!?)]+$/;

function urlsOf(report: ReportLike, rawText: string): ViewUrl[] {
  const out: ViewUrl[] = [];
  const seen = new Set<string>();
  const add = (url: string, text?: string) => {
    if (out.length >= 100) return;
    const cleaned = url.replace(TRAILING_PUNCTUATION, '');
    const key = `${cleaned} ${text ?? ''}`;
    // Repeats are dropped before the (costly) URL parse.
    if (seen.has(key)) return;
    const host = hostOf(cleaned);
    if (!host) return;
    seen.add(key);
    out.push(text === undefined ? { url: cleaned, host } : { url: cleaned, host, text });
  };
  for (const u of report.urls ?? []) add(u.url, u.text);
  const scan = rawText.length > 50_000 ? rawText.slice(0, 50_000) : rawText;
  for (const m of scan.matchAll(URL_IN_TEXT)) add(m[0]);
  // A link without a scheme lies within one run of non-spaces, as do the links blanked out of
  // it, so only the runs holding a possible "host.tld/path" are read, each once.
  MAY_HAVE_BARE_URL.lastIndex = 0;
  for (let m = MAY_HAVE_BARE_URL.exec(scan); m; m = MAY_HAVE_BARE_URL.exec(scan)) {
    let from = m.index;
    while (from > 0 && !isSpace(scan.charCodeAt(from - 1))) from--;
    let to = m.index + m[0].length;
    while (to < scan.length && !isSpace(scan.charCodeAt(to))) to++;
    // Links with a scheme are blanked first, so their hosts are not read a second time.
    const run = scan.slice(from, to).replace(URL_IN_TEXT, ' ');
    for (const b of run.matchAll(BARE_URL)) if (run.charAt(b.index - 1) !== '@') add(`https://${b[0]}`);
    MAY_HAVE_BARE_URL.lastIndex = to;
  }
  MAY_HAVE_BARE_URL.lastIndex = 0;
  // A hyphenated host written alone ("verify at ipsa-cardholder.uk"): the smishing form. Found
  // from its last hyphen (a fast search), then read back to the host's start.
  HYPHEN_HOST_END.lastIndex = 0;
  for (let m = HYPHEN_HOST_END.exec(scan); m; m = HYPHEN_HOST_END.exec(scan)) {
    let from = m.index;
    while (from > 0 && isHostChar(scan.charCodeAt(from - 1))) from--;
    const to = m.index + m[0].length;
    const before = from > 0 ? scan.charAt(from - 1) : '';
    const after = scan.slice(to, to + 2);
    if (before === '@' || before === '/' || /^[/@\w-]|^\.\w/.test(after)) continue;
    // Only where the reader is sent to it ("verify at", "visit", "rebook:"): a security notice
    // naming a phishing domain ("the link pointed to …", "such as …") is not offering it.
    if (!SENT_TO.test(scan.slice(Math.max(0, from - 24), from))) continue;
    const host = scan.slice(from, to);
    if (/^[a-z0-9]/i.test(host)) add(`https://${host}`);
  }
  HYPHEN_HOST_END.lastIndex = 0;
  return out;
}

const uniq = <T>(xs: T[]) => [...new Set(xs)];

const IMAGE_TYPE = /^image\//i;

const QUOTED_LINE = /^[ \t]*>/;
const ATTRIBUTION = /^\s*On .{5,200} wrote:\s*$/;

/**
 * In a mail reply, lines quoted with ">" (and the "On … wrote:" line) are someone else's
 * words: a security officer quoting a lure back is not sending one. Kept when the quote is
 * all there is, so a lure pasted as a quote is still read.
 */
export function withoutQuotedReply(text: string): string {
  if (!text.includes('>')) return text;
  const lines = text.split('\n');
  const own = lines.filter((l) => !QUOTED_LINE.test(l) && !ATTRIBUTION.test(l));
  if (own.length === lines.length) return text;
  const ownText = own.join('\n');
  return ownText.replace(/\s+/g, '').length >= 80 ? ownText : text;
}

export function buildView(report: ReportLike): ScoringView {
  // One pass over the chat: system lines dropped, the sender's and the target's words apart.
  let kept = 0;
  let firstFromTarget = false;
  const senderTexts: string[] = [];
  const targetTexts: string[] = [];
  const authorSet = new Set<string>();
  for (const m of report.messages ?? []) {
    if (isSystemLine(m.text)) continue;
    if (kept++ === 0) firstFromTarget = m.fromTarget === true;
    if (m.fromTarget) targetTexts.push(m.text);
    else {
      senderTexts.push(m.text);
      authorSet.add(m.author);
    }
  }
  const isChat = kept > 0;
  const senderRaw = isChat ? senderTexts.join('\n') : withoutQuotedReply(report.text ?? '');
  // A chat's subject is the reporter's forward subject, not the sender's words.
  const subject = report.subject && !isChat ? `${report.subject}\n` : '';
  const rawText = `${subject}${senderRaw}`;
  const sender = report.sender ?? {};
  const authors = [...authorSet];
  let imageAttachments = 0;
  for (const a of report.attachments ?? [])
    if (a.isImage || IMAGE_TYPE.test(a.contentType ?? '')) imageAttachments++;
  const images = countMedia(senderRaw) + imageAttachments;
  let target: NormalisedText | undefined;
  return {
    channel: report.channel ?? 'other',
    isChat,
    text: normalise(rawText),
    get targetText() {
      target ??= targetTexts.length ? normalise(targetTexts.join('\n')) : EMPTY_TEXT;
      return target;
    },
    senderDomains: uniq((sender.emails ?? []).map(domainOfEmail).filter((d): d is string => !!d)),
    replyToDomains: uniq((sender.replyTo ?? []).map(domainOfEmail).filter((d): d is string => !!d)),
    returnPathDomain: sender.returnPath ? domainOfEmail(sender.returnPath) : undefined,
    senderNames: uniq(
      [sender.displayName, ...(sender.aliases ?? []), ...authors]
        .filter((n): n is string => !!n)
        .map((n) => skeleton(n).trim()),
    ),
    savedAs: savedAsOf(authors[0]),
    senderMessages: senderTexts.length,
    targetMessages: targetTexts.length,
    senderOpened: isChat && !firstFromTarget,
    urls: urlsOf(report, rawText),
    images,
    attachments: report.attachments ?? [],
    auth: report.auth,
    headers: report.headers ?? {},
  };
}
