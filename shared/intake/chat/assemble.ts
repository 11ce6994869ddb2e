/**
 * Turns chat lines (an export or a chat typed out in an email) into the draft's fields: which
 * side is the target, who the other party is (aliases, numbers), their text in order.
 */
import type { AttachmentMeta, ChatMessage } from '../../domain/report.ts';
import { firstName, normaliseName, stripMarks } from '../names.ts';
import { findPhones, isPhoneLike, normalisePhone } from '../phones.ts';
import { isDeletedMarker } from './whatsapp.ts';

export interface ChatLine {
  at?: string;
  author: string;
  text: string;
  media?: AttachmentMeta;
  system: boolean;
}

export interface SideHints {
  /** Names of the target's side: the reporter, whom they report for, the export owner. */
  selfNames: string[];
  /** Names of the other side: an iOS chat name, "WhatsApp Chat with X", "shown as Abi". */
  otherNames: string[];
  /** Numbers the reporter says the messages came from. */
  otherPhones: string[];
}

export interface AssembledChat {
  messages: ChatMessage[];
  text: string;
  sender: { displayName?: string; phones: string[]; aliases: string[] };
  targets: { names: string[]; phones: string[] };
  attachments: AttachmentMeta[];
  /** The target author's name as it appears in the chat, when one was identified. */
  targetAuthor?: string;
}

const ME = /^(me|myself|i|you|moi)$/i;
/** The author we give quoted SMS: the other party, whose name we do not know. */
export const UNNAMED_SENDER = '(sender)';
const NOT_NAMES = new Set(
  'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Me Not Just So Only Really Actually Here There This That Sorry Okay Ok Fine Late Back Home Free Good Great Lovely Also Still Sure Glad Back Off'.split(
    ' ',
  ),
);

const WHO_IS_THIS =
  /\bwho(?:'s|\s+is|\s+are)\s+(?:this|you)\b|\bdo i know you\b|\bwho am i (?:speaking|talking) (?:to|with)\b/i;
/** A reply that opens with a bare name: "Lou! Louisa.", "Nat. We met at…". */
const NAME_ANSWER = /^([A-Z][a-z]{1,20})\s*[!.,]/;

/** "It's Abi", "this is Charlie", "I'm Lily" in the other party's text: the names they used. */
export function selfIntroductions(text: string): string[] {
  const out: string[] = [];
  const re =
    /\b(?:[Ii]t'?s|[Ii]t’s|[Tt]his is|I'?m|I’m|I am)\s+([A-Z][a-z]{1,20})(?:\s+([A-Z][a-z]{1,20}))?\b/g;
  // "Charlie Okoro here"
  const here = /(?:^|[,.!?]\s+)([A-Z][a-z]{1,20})(?:\s+([A-Z][a-z]{1,20}))? here(?=\s*[,.!(\-–]|\s*$)/gm;
  // "Hi Kieran, Tom Quigley, Evening Chronicle" / "remember me - Matt Greaves, we were…"
  const signed =
    /(?:^(?:Hi|Hello|Hey|Dear|Evening|Morning)\s+[A-Z][a-z]+[,!]|remember me\s*[-–—,:])\s+([A-Z][a-z]{1,20}) ([A-Z][a-z]{1,20})[,.]/gm;
  for (const m of [...text.matchAll(re), ...text.matchAll(here), ...text.matchAll(signed)]) {
    const first = m[1]!;
    if (NOT_NAMES.has(first)) continue;
    const second =
      m[2] && !NOT_NAMES.has(m[2]) && !/^(From|And|Again|Here|The)$/.test(m[2]) ? m[2] : undefined;
    out.push(second ? `${first} ${second}` : first);
    if (out.length > 10) break;
  }
  return out;
}

export const withoutMp = (name: string) => name.replace(/\s+MP$/, '');

const norm = (s: string) => stripMarks(s).toLowerCase().replace(/\s+/g, ' ').trim();

function matchesName(author: string, names: string[]): boolean {
  const a = norm(author);
  if (!a) return false;
  return names.some((n) => {
    const x = norm(n).replace(/\s+mp$/, '');
    if (!x) return false;
    if (a === x) return true;
    // "Thomas" in a typed-out chat for "Thomas Hadley MP"; "Rhys Jenkins" for "Rhys".
    const af = firstName(a);
    const xf = firstName(x);
    return (a === xf || x === af) && af === xf;
  });
}

function mentions(text: string, name: string): boolean {
  const f = firstName(stripMarks(name).replace(/^~\s*/, ''));
  if (!/^[A-Z][a-z]{1,}$/.test(f)) return false;
  return new RegExp(`\\b${f}\\b`).test(text);
}

/** Decides which authors are the target's side. */
function targetAuthors(authors: string[], lines: ChatLine[], hints: SideHints, region: string): Set<string> {
  const target = new Set<string>();
  const other = new Set<string>();
  const otherPhones = new Set(hints.otherPhones);
  for (const a of authors) {
    if (ME.test(a.trim())) target.add(a);
    else if (matchesName(a, hints.selfNames)) target.add(a);
    else if (matchesName(a, hints.otherNames)) other.add(a);
    else if (isPhoneLike(a)) {
      const p = normalisePhone(a, region);
      other.add(a);
      if (p) otherPhones.add(p);
    }
  }
  for (const a of target) other.delete(a);
  // A report is about words received: when every author looks like the reporter, the name
  // match is a sender who shares their first name ("Sam"), not the reporter alone.
  if (target.size === authors.length) {
    for (const a of [...target]) if (!ME.test(a.trim())) target.delete(a);
  }
  const unknown = authors.filter((a) => !target.has(a) && !other.has(a));
  if (target.size > 0) return target;
  if (other.size > 0) {
    // In a 1:1 chat the one left is the target. In a group we cannot tell the owner apart.
    if (authors.length === 2 && unknown.length === 1) target.add(unknown[0]!);
    return target;
  }
  if (authors.length === 2) {
    const [a, b] = authors as [string, string];
    const textOf = (x: string) =>
      lines
        .filter((l) => l.author === x)
        .map((l) => l.text)
        .join('\n');
    const aNamesB = mentions(textOf(a), b);
    const bNamesA = mentions(textOf(b), a);
    // Lures open the conversation: whoever wrote first is taken as the other party. Being
    // named back ("Hi Katya", from the one who replies) does not make the opener the target:
    // only an opener who plainly does not know who is writing ("who is this?") is.
    const opener = lines.find((l) => l.author === a)?.text ?? '';
    if (aNamesB && !bNamesA) target.add(b);
    else if (bNamesA && !aNamesB && WHO_IS_THIS.test(opener)) target.add(a);
    else target.add(b);
  }
  return target;
}

export function assembleChat(lines: ChatLine[], hints: SideHints, region = 'GB'): AssembledChat {
  const authors: string[] = [];
  for (const l of lines) if (!l.system && l.author && !authors.includes(l.author)) authors.push(l.author);
  const target = targetAuthors(authors, lines, hints, region);
  const messages: ChatMessage[] = [];
  const theirText: string[] = [];
  const attachments: AttachmentMeta[] = [];
  const phones = new Set<string>(hints.otherPhones);
  const aliases: string[] = [];
  const addAlias = (a: string | undefined) => {
    const n = a && normaliseName(a.replace(/^~\s*/, ''));
    if (
      n &&
      n !== UNNAMED_SENDER &&
      !isPhoneLike(n) &&
      !aliases.some((x) => x.toLowerCase() === n.toLowerCase())
    )
      aliases.push(n.slice(0, 128));
  };
  for (const a of authors) {
    if (target.has(a)) continue;
    if (isPhoneLike(a)) {
      const p = normalisePhone(a, region);
      if (p) phones.add(p);
    } else addAlias(a);
  }
  // A group's name (iOS puts it on the encryption notice) is not a person's alias.
  for (const n of hints.otherNames) if (authors.length <= 2 || authors.includes(n)) addAlias(n);
  let askedWhoTheyAre = false;
  for (const l of lines) {
    if (l.system) continue;
    const fromTarget = target.has(l.author);
    const answersWhoIsThis = !fromTarget && askedWhoTheyAre;
    askedWhoTheyAre = fromTarget ? WHO_IS_THIS.test(l.text) : false;
    messages.push({
      ...(l.at ? { at: l.at } : {}),
      author: l.author.slice(0, 256),
      fromTarget,
      text: l.text.slice(0, 100_000),
    });
    if (fromTarget) continue;
    if (l.media) {
      attachments.push(l.media);
      continue;
    }
    if (isDeletedMarker(l.text)) continue;
    const t = l.text.replace(/\s*<This message was edited>\s*$/i, '').trim();
    if (!t) continue;
    theirText.push(t);
    for (const p of findPhones(t, region)) phones.add(p.e164);
    for (const n of selfIntroductions(t)) addAlias(n);
    // "Who is this?" — "Lou! Louisa.": a reply that opens with a bare name gives it.
    const named = answersWhoIsThis ? NAME_ANSWER.exec(t) : null;
    if (named && !NOT_NAMES.has(named[1]!)) addAlias(named[1]!);
  }
  const names = new Set<string>();
  for (const a of target) if (!ME.test(a.trim())) names.add(withoutMp(normaliseName(a) ?? a));
  if (names.size === 0) for (const n of hints.selfNames.slice(0, 1)) names.add(withoutMp(n));
  const targetAuthor = [...target].find(
    (a) => !ME.test(a.trim()) && !matchesName(a, hints.selfNames.slice(-1)),
  );
  const displayName = authors.find((a) => !target.has(a) && !isPhoneLike(a) && a !== UNNAMED_SENDER);
  return {
    messages,
    text: theirText.join('\n'),
    sender: {
      ...(displayName ? { displayName: normaliseName(displayName) ?? displayName } : {}),
      phones: [...phones],
      aliases,
    },
    targets: { names: [...names].filter(Boolean), phones: [] },
    attachments,
    ...(targetAuthor ? { targetAuthor } : {}),
  };
}
