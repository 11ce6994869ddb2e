/**
 * The one normaliser every rule reads from, so an evasion trick defeated here is defeated for
 * all rules: Unicode compatibility forms, diacritics, confusable letters from other scripts,
 * invisible characters, leetspeak and letter-spacing are folded into plain lowercase ASCII
 * words. Runs once per report; every regex here is linear.
 */
import { CONFUSABLES } from './confusables.ts';
import { expandTxtSpeak } from './txt-speak.ts';

/** Longest text a rule scans: head and tail of longer texts (threats usually come last). */
export const MAX_SCAN_CHARS = 24_000;
const TAIL_CHARS = 8_000;

export interface NormalisedText {
  /** Lowercase ASCII skeleton, invisible characters removed, whitespace collapsed; digits kept. */
  plain: string;
  /** `plain` with leetspeak inside words, "p a s s w o r d" spacing and text-speak (u, ur, abt) undone: what phrase rules match. */
  folded: string;
}

// Zero-width, bidi controls, soft hyphen, word joiners, variation selectors, BOM.
const INVISIBLE_SRC =
  '[\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180f\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u206f\\u3164\\ufe00-\\ufe0f\\ufeff]';
const INVISIBLE = new RegExp(INVISIBLE_SRC);
const INVISIBLE_G = new RegExp(INVISIBLE_SRC, 'g');
const NON_ASCII = /[^\x00-\x7f]/;
const NON_ASCII_G = /[^\x00-\x7f]/g;
// Characters NFKD changes: accented Latin, compatibility forms (fullwidth, ligatures, maths letters).
const DECOMPOSABLE = /[\u00a0-\u036f\u1e00-\u1fff\u2100-\u24ff\u3000-\u33ff\ufb00-\ufb4f\uff00-\uffef\ud835]/;
// Combining marks that NFKD splits off Latin letters (no slower Unicode-property escape).
const MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
const QUOTES: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u00b4': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
};
const ODD_SPACE = /[\t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g;
const SPACE_RUN = / {2,}/g;
// A word mixing letters with look-alike digits/symbols ("p4ssw0rd", "l0g1n"); pure numbers are left alone.
const HAS_LEET = /[a-z][013457@$]|[013457@$][a-z]/;
const LEET_WORD = /\b[a-z0-9@$]*(?:[a-z][013457@$]|[013457@$][a-z])[a-z0-9@$]*/g;
const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};
const LEET_CHAR = /[013457@$]/g;
// Four or more single letters separated by one space, dot, dash, underscore or star.
const SPACED_LETTERS = /\b(?:[a-z][ ._*-]){3,}[a-z]\b/g;
const SPACED_SEP = /[ ._*-]/g;

const mapChar = (ch: string) =>
  QUOTES[ch] ??
  CONFUSABLES[ch] ??
  (ch === '\u2010' ||
  ch === '\u2011' ||
  ch === '\u2012' ||
  ch === '\u2013' ||
  ch === '\u2014' ||
  ch === '\u2212'
    ? '-'
    : ch);

/**
 * Lowercase ASCII skeleton: confusable letters (Cyrillic, Greek, IPA, fullwidth, maths) map to
 * the Latin letter they imitate, diacritics and invisible characters go. Each step runs only
 * when the text needs it: most reports are plain ASCII plus emoji.
 */
export function skeleton(input: string): string {
  let s = INVISIBLE.test(input) ? input.replace(INVISIBLE_G, '') : input;
  if (!NON_ASCII.test(s)) return s.toLowerCase();
  if (DECOMPOSABLE.test(s)) s = s.normalize('NFKD').replace(MARKS, '');
  return s.replace(NON_ASCII_G, mapChar).toLowerCase();
}

function unleet(word: string): string {
  return word.replace(LEET_CHAR, (c) => LEET[c] ?? c);
}

/** Clips very long input to its head and tail so no rule ever scans more than MAX_SCAN_CHARS. */
export function clipForScan(text: string): string {
  if (text.length <= MAX_SCAN_CHARS) return text;
  return `${text.slice(0, MAX_SCAN_CHARS - TAIL_CHARS)}\n${text.slice(text.length - TAIL_CHARS)}`;
}

export function normalise(input: string): NormalisedText {
  const plain = skeleton(clipForScan(input)).replace(ODD_SPACE, ' ').replace(SPACE_RUN, ' ').trim();
  let folded = HAS_LEET.test(plain) ? plain.replace(LEET_WORD, unleet) : plain;
  SPACED_LETTERS.lastIndex = 0;
  if (SPACED_LETTERS.test(folded)) folded = folded.replace(SPACED_LETTERS, (m) => m.replace(SPACED_SEP, ''));
  SPACED_LETTERS.lastIndex = 0;
  return { plain, folded: expandTxtSpeak(folded) };
}

export const EMPTY_TEXT: NormalisedText = { plain: '', folded: '' };
