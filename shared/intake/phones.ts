/**
 * Phone numbers in free text, normalised to E.164. Lures write them every way a person would:
 * +44 7700 900123, 07700900123, 0044 7700 900123, (07700) 900 123, +44 (0)7700 900123.
 */
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';

// Starts with +, 00 or a national 0 (optionally in brackets); then digits with the separators
// people type. Lookbehind stops us starting in the middle of a longer number or a word.
const CANDIDATE = /(?<![\w+])(?:\+\s?\d|\(\s?0|0)[\d\s().\-\u00a0]{6,22}\d(?!\d)/g;

/**
 * libphonenumber's metadata marks unallocated ranges (Ofcom's 07700 900xxx drama range among
 * them) as invalid; a lure's number is still an identifier worth correlating, so a possible
 * UK mobile number (07…) is accepted too.
 */
function acceptable(p: NonNullable<ReturnType<typeof parsePhoneNumberFromString>>): boolean {
  if (p.isValid()) return true;
  return p.isPossible() && p.countryCallingCode === '44' && p.nationalNumber.startsWith('7');
}

export function normalisePhone(raw: string, region = 'GB'): string | undefined {
  let s = raw.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069\u00a0]/g, ' ').trim();
  // "+44 (0)7700": the bracketed trunk 0 is not part of the international number.
  s = s.replace(/^(\+\s?\d{1,3})\s*\(0\)\s*/, '$1 ');
  s = s.replace(/^00\s?(?=[1-9])/, '+');
  const digits = s.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return undefined;
  try {
    const p = parsePhoneNumberFromString(s, region as CountryCode);
    if (!p || !acceptable(p)) return undefined;
    return /^\+[1-9]\d{6,14}$/.test(p.number) ? p.number : undefined;
  } catch {
    return undefined;
  }
}

/** True when a chat author is a bare number (an unsaved contact), not a saved name. */
export function isPhoneLike(name: string): boolean {
  const s = name.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069~\s]/g, '');
  return /^\+?[\d()\-.]{7,20}$/.test(s);
}

export interface FoundPhone {
  e164: string;
  index: number;
  raw: string;
}

export function findPhones(text: string, region = 'GB', max = 200): FoundPhone[] {
  const out: FoundPhone[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const raw = m[0];
    // A date or a time range ("2024-03-07", "10.30-11.00") is not a number.
    if (/^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/.test(raw.trim())) continue;
    const e164 = normalisePhone(raw, region);
    if (e164) out.push({ e164, index: m.index ?? 0, raw });
    if (out.length >= max) break;
  }
  return out;
}

export function uniquePhones(text: string, region = 'GB'): string[] {
  return [...new Set(findPhones(text, region).map((p) => p.e164))];
}
