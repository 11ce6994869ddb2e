/**
 * The one normaliser every rule reads from, so an evasion trick defeated here is defeated for
 * all rules: Unicode compatibility forms, diacritics, confusable letters from other scripts,
 * invisible characters, leetspeak and letter-spacing are folded into plain lowercase ASCII
 * words. Runs once per report; every regex here is linear.
 */
import { CONFUSABLES } from './confusables.ts';
import { noteVariant } from './prefilter.ts';
import { expandTxtSpeak } from './txt-speak.ts';

/**
 * Longest text a rule scans: the whole of anything intake accepts (a report's text is at most
 * 400,000 characters); only longer input (a chat of thousands of messages) is cut to its head
 * and tail (threats usually come last). The rules read a text through one literal scan (see
 * prefilter.ts), so a lure in the middle of a long message is read like any other.
 */
export const MAX_SCAN_CHARS = 400_000;
const TAIL_CHARS = 100_000;

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
// Characters NFKD changes: accented Latin, compatibility forms (fullwidth, ligatures, maths letters).
const DECOMPOSABLE = /[\u00a0-\u036f\u1e00-\u1fff\u2100-\u24ff\u3000-\u33ff\ufb00-\ufb4f\uff00-\uffef\ud835]/;
// Combining marks that NFKD splits off Latin letters (no slower Unicode-property escape).
const MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
/** Typographic quotes folded to straight ones (exported: the property test's reference uses them). */
export const QUOTES: Record<string, string> = {
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
// Odd spaces become one space and runs of spaces one space, in one pass: a run of two or more
// of either (a run of spaces after the odd ones became spaces), or a single odd one.
const SPACES =
  /[ \t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]{2,}|[\t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g;
// A look-alike digit or symbol next to a letter (written from the symbol: faster to search for).
const LEET_PAIR = /[013457@$](?:(?<=[a-z].)|(?=[a-z]))/g;
// A word mixing letters with look-alike digits/symbols ("p4ssw0rd", "l0g1n"); pure numbers are left alone.
const LEET_WORD = /\b[a-z0-9@$]*(?:[a-z][013457@$]|[013457@$][a-z])[a-z0-9@$]*/g;
/** What each look-alike digit or symbol stands for inside a word. */
export const LEET: Record<string, string> = {
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

const DASHES = ['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212'];

const mapChar = (ch: string) => QUOTES[ch] ?? CONFUSABLES[ch] ?? (DASHES.includes(ch) ? '-' : ch);

/**
 * A few ranges holding every non-ASCII character `mapChar` changes: text with none of them
 * (plain ASCII plus emoji, most reports) skips the per-character mapping.
 */
const MAYBE_MAPPED = (() => {
  const codes = [...Object.keys(QUOTES), ...Object.keys(CONFUSABLES), ...DASHES]
    .filter((k) => k.length === 1 && k.charCodeAt(0) > 0x7f)
    .map((k) => k.charCodeAt(0))
    .sort((a, b) => a - b);
  const ranges: Array<[number, number]> = [];
  for (const c of codes) {
    const last = ranges[ranges.length - 1];
    if (last && c - last[1] < 0x100) last[1] = c;
    else ranges.push([c, c]);
  }
  const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
  return new RegExp(`[${ranges.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('')}]`);
})();

/**
 * Exactly the characters `mapChar` changes: replacing only these leaves emoji and other
 * symbols alone, where matching every non-ASCII code unit called back for each half of each emoji.
 */
const MAPPED_G = (() => {
  const codes = [...Object.keys(QUOTES), ...Object.keys(CONFUSABLES), ...DASHES]
    .filter((k) => k.length === 1 && k.charCodeAt(0) > 0x7f && mapChar(k) !== k)
    .map((k) => `\\u${k.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return new RegExp(`[${[...new Set(codes)].join('')}]`, 'g');
})();

/** Any character skeleton's slow path would remove, decompose or map. */
const SPECIAL = new RegExp(
  `[${[INVISIBLE, DECOMPOSABLE, MAYBE_MAPPED].map((re) => re.source.slice(1, -1)).join('')}]`,
);

/** The skeleton of a text before lowercasing, every step applied to the whole text. */
function foldWhole(input: string): string {
  let s = INVISIBLE.test(input) ? input.replace(INVISIBLE_G, '') : input;
  if (DECOMPOSABLE.test(s)) s = s.normalize('NFKD').replace(MARKS, '');
  return MAYBE_MAPPED.test(s) ? s.replace(MAPPED_G, mapChar) : s;
}

const NON_ASCII_RUN = /[^\x00-\x7f]+/g;
// A combining mark the skeleton keeps: NFKD may reorder it against its neighbours, so a text
// holding one is folded whole, not character by character.
const KEPT_MARK = new RegExp(`(?!${MARKS.source})\\p{M}`, 'u');
/** Per code point, what the skeleton turns it into: once in a text that NFKD folds, once not. */
const foldedWith = new Map<string, string | null>();
const foldedWithout = new Map<string, string>();
/** Entries kept per memo: a text of thousands of distinct rare characters must not grow it for ever. */
const MEMO_LIMIT = 4096;

/**
 * One code point as `foldWhole` would fold it inside a text NFKD folds: null when a mark it
 * keeps could be reordered (the text is then folded whole).
 */
function foldOneDecomposing(ch: string): string | null {
  let out = foldedWith.get(ch);
  if (out === undefined) {
    const d = ch.normalize('NFKD').replace(MARKS, '');
    out = KEPT_MARK.test(d) ? null : d.replace(MAPPED_G, mapChar);
    if (foldedWith.size >= MEMO_LIMIT) foldedWith.clear();
    foldedWith.set(ch, out);
  }
  return out;
}

function foldOne(ch: string): string {
  let out = foldedWithout.get(ch);
  if (out === undefined) {
    out = ch.replace(MAPPED_G, mapChar);
    if (foldedWithout.size >= MEMO_LIMIT) foldedWithout.clear();
    foldedWithout.set(ch, out);
  }
  return out;
}

/**
 * `foldWhole`, reading only the non-ASCII runs and looking each code point up once folded:
 * every step is a per-character map except NFKD's reordering of combining marks, and that
 * only matters for marks the skeleton keeps (then the text goes through `foldWhole`).
 */
function foldByCharacter(text: string): string {
  // Invisible characters go first: the two halves of a surrogate pair can sit either side of one.
  const input = INVISIBLE.test(text) ? text.replace(INVISIBLE_G, '') : text;
  // NFKD runs on a whole text or not at all.
  const decomposing = DECOMPOSABLE.test(input);
  let out = '';
  let pos = 0;
  NON_ASCII_RUN.lastIndex = 0;
  for (let m = NON_ASCII_RUN.exec(input); m; m = NON_ASCII_RUN.exec(input)) {
    out += input.slice(pos, m.index);
    for (const ch of m[0]) {
      if (!decomposing) out += foldOne(ch);
      else {
        const f = foldOneDecomposing(ch);
        if (f === null) {
          NON_ASCII_RUN.lastIndex = 0;
          return foldWhole(text);
        }
        out += f;
      }
    }
    pos = m.index + m[0].length;
  }
  NON_ASCII_RUN.lastIndex = 0;
  return out + input.slice(pos);
}

/**
 * Lowercase ASCII skeleton: confusable letters (Cyrillic, Greek, IPA, fullwidth, maths) map to
 * the Latin letter they imitate, diacritics and invisible characters go.
 */
export function skeleton(input: string): string {
  // Fast paths: plain ASCII (invisible characters are all non-ASCII), or nothing to remove,
  // decompose or map (ASCII plus emoji); both give what the full path would.
  if (!NON_ASCII.test(input) || !SPECIAL.test(input)) return input.toLowerCase();
  return foldByCharacter(input).toLowerCase();
}

/** The skeleton with every step applied to the whole text: the definition `skeleton` keeps to (tests). */
export function skeletonWhole(input: string): string {
  return foldWhole(input).toLowerCase();
}

// A number with its unit is no leetspeak: "£5k", "10am", "3rd" stay as written.
const AMOUNT = /^\d[\d,.]*(?:k|m|bn|am|pm|st|nd|rd|th)$/;

function unleet(word: string): string {
  return AMOUNT.test(word) ? word : word.replace(LEET_CHAR, (c) => LEET[c] ?? c);
}

const inLeetWord = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 64 /* @ */ || c === 36; /* $ */

/**
 * `text.replace(LEET_WORD, unleet)`, done only on the runs of word-or-leet characters that
 * hold a leet pair: every LEET_WORD match lies inside such a run, and each run is rewritten
 * with the character before it, so word boundaries read the same.
 */
function unleetWords(text: string, runs: number[]): string {
  LEET_PAIR.lastIndex = 0;
  let m = LEET_PAIR.exec(text);
  if (!m) return text;
  const n = text.length;
  let out = '';
  let pos = 0;
  while (m) {
    let r0 = m.index;
    while (r0 > 0 && inLeetWord(text.charCodeAt(r0 - 1))) r0--;
    let r1 = m.index + 1;
    while (r1 < n && inLeetWord(text.charCodeAt(r1))) r1++;
    const from = r0 > 0 ? r0 - 1 : 0;
    out += text.slice(pos, from) + text.slice(from, r1).replace(LEET_WORD, unleet);
    runs.push(r0, r1);
    pos = r1;
    LEET_PAIR.lastIndex = r1;
    m = LEET_PAIR.exec(text);
  }
  LEET_PAIR.lastIndex = 0;
  return out + text.slice(pos);
}

/** Clips very long input to its head and tail so no rule ever scans more than MAX_SCAN_CHARS. */
export function clipForScan(text: string): string {
  if (text.length <= MAX_SCAN_CHARS) return text;
  return `${text.slice(0, MAX_SCAN_CHARS - TAIL_CHARS)}\n${text.slice(text.length - TAIL_CHARS)}`;
}

export function normalise(input: string): NormalisedText {
  const plain = skeleton(clipForScan(input)).replace(SPACES, ' ').trim();
  const leetRuns: number[] = [];
  let folded = unleetWords(plain, leetRuns);
  SPACED_LETTERS.lastIndex = 0;
  if (SPACED_LETTERS.test(folded)) folded = folded.replace(SPACED_LETTERS, (m) => m.replace(SPACED_SEP, ''));
  SPACED_LETTERS.lastIndex = 0;
  // Undoing letter spacing is the one step whose changes are not tracked (it is rare).
  const tracked = folded.length === plain.length;
  // Text-speak ("u", "abt") is written out last, each word recorded where it stood.
  const txtEdits: number[] = [];
  const expanded = expandTxtSpeak(folded, tracked ? txtEdits : undefined);
  // Outside the leet runs and the words written out the two texts read the same: the prefilter
  // then scans the plain text only around them.
  if (tracked && expanded !== plain) noteVariant(plain, expanded, regionsOf(leetRuns, txtEdits));
  return { plain, folded: expanded };
}

/**
 * Where the folded text differs from the plain one, as [plainFrom, plainTo, foldedFrom,
 * foldedTo] quadruples, sorted and disjoint: the leet runs (same length) and the text-speak
 * words (each replaced by a longer word), merged where they meet.
 */
function regionsOf(leetRuns: readonly number[], txtEdits: readonly number[]): number[] {
  const spans: Array<[number, number, number]> = []; // [from, to, growth]
  for (let k = 0; k < leetRuns.length; k += 2) spans.push([leetRuns[k]!, leetRuns[k + 1]!, 0]);
  for (let k = 0; k < txtEdits.length; k += 3)
    spans.push([txtEdits[k]!, txtEdits[k + 1]!, txtEdits[k + 2]! - (txtEdits[k + 1]! - txtEdits[k]!)]);
  spans.sort((x, y) => x[0] - y[0]);
  const out: number[] = [];
  let shift = 0;
  for (let k = 0; k < spans.length; ) {
    let [from, to, growth] = spans[k++]!;
    while (k < spans.length && spans[k]![0] < to) {
      to = Math.max(to, spans[k]![1]);
      growth += spans[k++]![2];
    }
    out.push(from, to, from + shift, to + shift + growth);
    shift += growth;
  }
  return out;
}

export const EMPTY_TEXT: NormalisedText = { plain: '', folded: '' };
