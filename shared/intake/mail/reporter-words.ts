/**
 * The reporter's own words around the lure: which channel they say it came on, the alias they
 * saw, whom they report for, and their signature (whose numbers are never the sender's).
 */
import type { Channel } from '../../domain/report.ts';
import { firstName } from '../names.ts';
import { findPhones } from '../phones.ts';

const CHANNEL_WORDS =
  /\b(whats\s?app)\b|\b(sms|imessage|text messages?|texts|texted|(?:a|this|the following|two|three|these|another|scam|spam|odd|weird|strange) texts?)\b|\b(signal|telegram|instagram dm|linkedin message)\b|\b((?:an?|this|the|by|on|via) e-?mail|e-?mailed)\b/gi;

/** The first channel the reporter names ("two texts (ordinary SMS, not WhatsApp)" → sms). */
export function channelFromWords(text: string): Channel | undefined {
  for (const m of text.matchAll(CHANNEL_WORDS)) {
    const before = text.slice(Math.max(0, (m.index ?? 0) - 14), m.index).toLowerCase();
    if (/\b(not|rather than|instead of|no)\s+(on\s+)?$/.test(before)) continue;
    if (m[1]) return 'whatsapp';
    if (m[2]) return 'sms';
    if (m[3]) return 'other';
    if (m[4]) return 'email';
  }
  return undefined;
}

/** Aliases the reporter quotes: `shown as "Charlie"`, `profile name "Abi"`, `calling herself Abi`. */
export function aliasesFromWords(text: string, subject?: string): string[] {
  const out = new Set<string>();
  const re =
    /\b(?:shown as|shows as|showing as|profile name(?: is| was)?|name shows as|name showed as|calling (?:herself|himself|themselves|themself)|under the name|saved as|signs? (?:herself|himself|off) as)\s+["“']?([A-Z][\w'-]{1,30}(?: [A-Z][\w'-]{0,30})?)["”']?/g;
  for (const m of text.matchAll(re)) out.add(m[1]!);
  // 07700 900417 ("Abi")
  for (const m of text.matchAll(/\d\s*\(["“]([A-Z][\w'-]{1,30})["”]\)/g)) out.add(m[1]!);
  if (subject)
    for (const m of subject.matchAll(/\bfrom ["“]([A-Z][\w'-]{1,30}(?: [A-Z][\w'-]{0,30})?)["”]/g))
      out.add(m[1]!);
  return [...out];
}

/** Index of the first line of the reporter's sign-off (name, "--", "Kind regards"), or -1. */
export function signatureStart(lines: string[], names: string[]): number {
  const firsts = names.flatMap((n) => [n.toLowerCase(), firstName(n).toLowerCase()]);
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i]!.trim().toLowerCase();
    if (!l) continue;
    if (
      l === '--' ||
      l === '-- ' ||
      /^(kind regards|best wishes|regards|thanks|thank you|many thanks|best|cheers),?$/.test(l)
    )
      return i;
    if (firsts.includes(l.replace(/[.,!]+$/, ''))) return i;
    if (names.some((n) => l.startsWith(n.toLowerCase())) && l.length < 120) return i;
  }
  return -1;
}

/** Numbers in the reporter's signature (and labelled "Tel:/Mob:" anywhere): their own. */
export function ownPhones(text: string, names: string[], region: string): Set<string> {
  const lines = text.split('\n');
  const own = new Set<string>();
  const sig = signatureStart(lines, names);
  if (sig >= 0) for (const p of findPhones(lines.slice(sig).join('\n'), region)) own.add(p.e164);
  for (const m of text.matchAll(
    /\b(?:tel|mob|mobile|phone|direct|office|t|m)\s*[:.]\s*([+(\d][\d\s()+.-]{6,24})/gi,
  )) {
    for (const p of findPhones(m[1]!, region)) own.add(p.e164);
  }
  return own;
}

/**
 * Whom a staffer reports for: `On behalf of Thomas Hadley MP`, or "David received…" when the
 * signature says "Office Manager to David Okonjo MP".
 */
export function onBehalfOfFromWords(text: string, subject: string | undefined): string | undefined {
  const all = `${subject ?? ''}\n${text}`;
  const explicit = /\b[Oo]n behalf of ([A-Z][\w'-]+(?: [A-Z][\w'-]+){1,3})/.exec(all);
  if (explicit) return explicit[1]!.trim();
  const mps = [...all.matchAll(/\b(?:to|of|for)\s+((?:[A-Z][\w'-]+ ){1,3}MP)\b/g)].map((m) => m[1]!.trim());
  for (const mp of mps) {
    const f = firstName(mp);
    if (
      new RegExp(
        `(?:^|[.!?]\\s+|\\n)${f} (?:received|got|was sent|had|has had|showed me|was messaged|was contacted)\\b`,
      ).test(text)
    )
      return mp;
  }
  return undefined;
}
