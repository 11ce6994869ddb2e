/**
 * WhatsApp chat exports, both formats:
 *   Android  "15/01/2024, 22:41 - Abi: text"  (24h or "10:41 pm"), "<Media omitted>"
 *   iOS      "[15/01/2024, 22:41:07] Abi: text", "<attached: 00000012-PHOTO-….jpg>",
 *            with U+200E / U+202A…U+202C marks around numbers and attachments.
 * Lines that do not start a message continue the previous one (multi-line messages).
 */
import type { AttachmentMeta } from '../../domain/report.ts';
import { mediaMeta } from '../attachments.ts';
import { stripMarks } from '../names.ts';

export interface RawChatLine {
  at?: string;
  /** Empty for Android system lines ("Messages and calls are end-to-end encrypted"). */
  author: string;
  text: string;
  media?: AttachmentMeta;
  system: boolean;
}

export interface ParsedChat {
  format: 'android' | 'ios';
  lines: RawChatLine[];
  /** iOS: the author of the encryption notice is the chat's name (the other party in a 1:1). */
  chatName?: string;
  truncated: boolean;
}

const ANDROID =
  /^(\d{1,2})[/.](\d{1,2})[/.](\d{2,4}),? (\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s?([ap])\.?\s?m\.?)? [-–] (.*)$/i;
const IOS =
  /^\[(\d{1,2})[/.](\d{1,2})[/.](\d{2,4}),? (\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s?([AP])\.?M\.?)?\] (.*)$/i;

/**
 * WhatsApp's own notices. The fixed ones are known by how they start; the ones about a person
 * ("Abi left", "Josh added you", "Sam changed the subject …") are the whole line, short and
 * unpunctuated: "Did you feed Pickle before you left? She's yelling" is a message, not a notice.
 */
const NOTICE_START =
  /^(?:messages and calls are end-to-end encrypted|messages to this (?:chat|group) are now secured|missed (?:voice|video) call|this chat is with a business account|disappearing messages|your security code with )/i;
const NOTICE_WHOLE =
  /^[^.?!,:\n]{1,80} (?:(?:created|changed) (?:the )?group\b[^\n]{0,120}|changed (?:the subject|this group's icon|the group description|their phone number)\b[^\n]{0,160}|left|(?:added|removed) [^.?!,:\n]{1,80}|joined using this group's invite link)\.?$/i;
const isNotice = (text: string) => NOTICE_START.test(text) || NOTICE_WHOLE.test(text);
const DELETED = /^(this message was deleted|you deleted this message)\.?$/i;
/** The author of a timestamped line that names none (see parseWhatsApp). */
export const UNKNOWN_AUTHOR = '(unknown sender)';

/** Placeholders for media: the message is a photo/video/document we have no bytes of. */
function mediaOf(text: string): AttachmentMeta | undefined {
  const t = text.trim();
  const attached = /^<attached: ([^>]{1,300})>$/i.exec(t);
  if (attached) {
    const name = attached[1]!.trim();
    const kind = /PHOTO|\.(jpe?g|png|heic|webp)$/i.test(name)
      ? 'image'
      : /VIDEO|\.(mp4|mov)$/i.test(name)
        ? 'video'
        : undefined;
    return mediaMeta(name, kind);
  }
  const fileAttached = /^(.{1,200}\.[a-z0-9]{2,5}) \(file attached\)/i.exec(t);
  if (fileAttached) return mediaMeta(fileAttached[1]!, /^IMG-/i.test(fileAttached[1]!) ? 'image' : undefined);
  if (/^<media omitted>$/i.test(t)) return mediaMeta(undefined);
  const omitted = /^(image|photo|video|audio|sticker|GIF|document) omitted$/i.exec(t);
  if (omitted) {
    const k = omitted[1]!.toLowerCase();
    return mediaMeta(
      undefined,
      k === 'image' || k === 'photo'
        ? 'image'
        : k === 'video'
          ? 'video'
          : k === 'audio'
            ? 'audio'
            : undefined,
    );
  }
  return undefined;
}

function isoOf(
  d: string,
  mo: string,
  y: string,
  h: string,
  mi: string,
  s: string | undefined,
  ampm: string | undefined,
): string | undefined {
  let day = Number(d);
  let month = Number(mo);
  // Exports follow the phone's locale: dd/mm in the UK, mm/dd in the US. Swap when only that fits.
  if (month > 12 && day <= 12) [day, month] = [month, day];
  let year = Number(y);
  if (year < 100) year += 2000;
  let hour = Number(h);
  if (ampm) {
    const pm = ampm.toLowerCase() === 'p';
    if (hour === 12) hour = pm ? 12 : 0;
    else if (pm) hour += 12;
  }
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23) return undefined;
  const p = (n: number) => String(n).padStart(2, '0');
  // No offset: the export does not say which time zone the phone was in.
  return `${year}-${p(month)}-${p(day)}T${p(hour)}:${mi}:${s ?? '00'}`;
}

/**
 * What may stand before a message's timestamp when an export is pasted into a mail: indent,
 * reply quoting ("> "), or an opening quote mark ("Typed out below: \"[15/01/2024, …").
 */
const PASTED_PREFIX = /^\s*(?:>\s?)*["\u201c]?(?=\[?\d)/;
const unpasted = (line: string) => line.replace(PASTED_PREFIX, '');

/** True when the text looks like a chat export (several lines in one of the two formats). */
export function looksLikeWhatsApp(text: string): boolean {
  let hits = 0;
  for (const line of text.slice(0, 20_000).split(/\r?\n/, 60)) {
    const l = unpasted(stripMarks(line));
    if (ANDROID.test(l) || IOS.test(l)) hits++;
    if (hits >= 2) return true;
  }
  return hits >= 1 && text.split(/\r?\n/).filter((l) => l.trim()).length <= 2;
}

export function parseWhatsApp(input: string, maxMessages = 5000): ParsedChat {
  const text = input.replace(/^\ufeff/, '');
  const lines: RawChatLine[] = [];
  let format: 'android' | 'ios' | undefined;
  let chatName: string | undefined;
  let truncated = false;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = stripMarks(rawLine).replace(/\u00a0|\u202f/g, ' ');
    const stamped = unpasted(line);
    const ios = IOS.exec(stamped);
    const android = ios ? null : ANDROID.exec(stamped);
    const m = ios ?? android;
    if (!m) {
      const last = lines[lines.length - 1];
      if (last && line.trim()) last.text += `\n${line}`;
      continue;
    }
    format ??= ios ? 'ios' : 'android';
    if (lines.length >= maxMessages) {
      truncated = true;
      break;
    }
    const at = isoOf(m[1]!, m[2]!, m[3]!, m[4]!, m[5]!, m[6], m[7]);
    const rest = m[8]!;
    // "Name: text". Names never contain ": " in practice; system lines have no author.
    const colon = rest.indexOf(': ');
    let author = colon > 0 && colon <= 80 ? rest.slice(0, colon).trim() : '';
    let body = author ? rest.slice(colon + 2) : rest;
    if (author && !ios && isNotice(rest)) {
      author = '';
      body = rest;
    }
    author = author.replace(/^~\s*/, '').trim();
    // A timestamped line with no author that is not a known notice is a message whose author
    // was lost in the copying (a pasted chat, a partial export): kept, from an unknown sender,
    // rather than dropped as a notice, so the lure's words are still read.
    if (!author && body.trim() && !isNotice(body.trim()) && !/^\u200e/.test(rest)) author = UNKNOWN_AUTHOR;
    const system = !author || isNotice(body.trim());
    if (ios && system && author && /end-to-end encrypted/i.test(body)) chatName ??= author;
    const media = system ? undefined : mediaOf(body);
    lines.push({ ...(at ? { at } : {}), author, text: body, system, ...(media ? { media } : {}) });
  }
  return { format: format ?? 'android', lines, ...(chatName ? { chatName } : {}), truncated };
}

export const isDeletedMarker = (text: string) => DELETED.test(text.trim());
export const isEditedMarker = (text: string) => text.replace(/\s*<This message was edited>\s*$/i, '');
