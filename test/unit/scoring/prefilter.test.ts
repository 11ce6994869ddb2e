/**
 * The literal prefilter must be invisible: for every rule pattern, the matches it finds are
 * exactly those of a plain global exec loop from the start of the text, in order, including
 * past the per-pattern hit cap and on texts whose scan is derived from another (plain from
 * folded). And the faster normaliser must give what the straightforward one gave.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONFUSABLES } from '../../../shared/scoring/confusables.ts';
import { matches } from '../../../shared/scoring/match.ts';
import { clipForScan, LEET, normalise, QUOTES } from '../../../shared/scoring/normalise.ts';
import { compile, registeredPatterns, scanOf } from '../../../shared/scoring/prefilter.ts';
import '../../../shared/scoring/rules/index.ts';

/** Matches of a global exec loop: the reference. */
function reference(text: string, re: RegExp, limit = 80): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m && out.length < limit; m = re.exec(text)) {
    out.push([m.index, m[0]]);
    if (m[0] === '') re.lastIndex++;
  }
  re.lastIndex = 0;
  return out;
}

function viaPrefilter(text: string, re: RegExp, limit = 80): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  const it = matches(text, re);
  for (let m = it.next(); m && out.length < limit; m = it.next()) {
    out.push([m.index, m[0]]);
    if (m[0] === '') it.skipOne();
  }
  return out;
}

const patterns = registeredPatterns()
  .filter((p) => p.anchored)
  .map((p) => p.re);

/** Pieces of the rules' own vocabulary (the literal parts of their sources) plus noise. */
const vocabulary = [
  ...new Set(
    patterns.flatMap((re) =>
      re.source
        .split(/[()|?*+[\]{}\\^$]+/)
        .map((w) => w.trim())
        .filter((w) => w.length >= 2 && /^[a-z' -]+$/.test(w)),
    ),
  ),
];
const NOISE = [
  ' ',
  ' ',
  ' ',
  '. ',
  ', ',
  '! ',
  '? ',
  '\n',
  "'",
  '-',
  'x',
  'x ',
  'u ',
  '😘',
  '🙈',
  '😉',
  '0',
  '1',
  '3',
  '@',
  '_',
  'a',
  'é',
  '£5 ',
  '+44 7700 900123',
  'a.b@c.example',
];
const piece = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...vocabulary) },
  { weight: 3, arbitrary: fc.constantFrom(...NOISE) },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
);
const text = fc.array(piece, { maxLength: 120 }).map((p) => p.join(''));

describe('literal prefilter', () => {
  it('anchors nearly every rule pattern', () => {
    const unanchored = registeredPatterns().filter((p) => !p.anchored && !p.unindexed);
    expect(unanchored.map((p) => p.re.source.slice(0, 60))).toEqual([]);
  });

  it('finds exactly the matches of a global scan, for every pattern', () => {
    fc.assert(
      fc.property(text, (t) => {
        for (const re of patterns)
          expect(viaPrefilter(t, re), re.source.slice(0, 60)).toEqual(reference(t, re));
      }),
      { numRuns: 300 },
    );
  });

  it('stays exact past the per-pattern hit cap (a long text full of cues)', () => {
    let capped = 0;
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 20, max: 2_000 }),
        (parts, n) => {
          const t = parts.join(' ').repeat(n).slice(0, 100_000);
          if (scanOf(t).cutoff.some((c) => c < 2 ** 31)) capped++;
          // Enough matches to run past the cap (1,024 hits per pattern) where there are that many.
          for (const re of patterns)
            expect(viaPrefilter(t, re, 3_000), re.source.slice(0, 60)).toEqual(reference(t, re, 3_000));
        },
      ),
      { numRuns: 25 },
    );
    // The path under test was taken: some pattern had more hits than the scan keeps.
    expect(capped).toBeGreaterThan(0);
  });

  it('stays exact on plain texts scanned from their folded form (leetspeak, text-speak)', () => {
    // Text-speak changes lengths: the plain text's hits are the folded one's, shifted.
    const leet = fc
      .array(
        fc.oneof(
          piece,
          fc.constantFrom('p4ssw0rd ', 'l0g 1n ', 'm365 ', 'c0d3 ', 'y0u ', '$end ', '4cc0unt '),
          fc.constantFrom(
            'u ',
            'ur ',
            'pls ',
            'tmrw ',
            'b4 ',
            'pics ',
            'msg ',
            "u're ",
            'u@x.example ',
            'v.2 ',
            'gr8 ',
          ),
        ),
        {
          maxLength: 80,
        },
      )
      .map((p) => p.join(''));
    fc.assert(
      fc.property(leet, (t) => {
        const { plain, folded } = normalise(t);
        scanOf(folded);
        for (const re of patterns) {
          expect(viaPrefilter(plain, re), re.source.slice(0, 60)).toEqual(reference(plain, re));
          expect(viaPrefilter(folded, re), re.source.slice(0, 60)).toEqual(reference(folded, re));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never rules out a window a pattern matches in (nearPair gating)', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
        const from = Math.min(a, b) % (t.length + 1);
        const to = Math.min(t.length, from + (Math.max(a, b) % 200));
        const scan = scanOf(t);
        for (const re of patterns) {
          re.lastIndex = 0;
          const hit = re.test(t.slice(from, to));
          re.lastIndex = 0;
          if (hit) expect(scan.anyWithin(compile(re), from, to), re.source.slice(0, 60)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

// ---- The normaliser against the straightforward version it replaced ---------------------------

const INVISIBLE =
  '[\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180f\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u206f\\u3164\\ufe00-\\ufe0f\\ufeff]';

function referenceNormalise(input: string): { plain: string; folded: string } {
  let s = input.replace(new RegExp(INVISIBLE, 'g'), '');
  if (/[\u00a0-\u036f\u1e00-\u1fff\u2100-\u24ff\u3000-\u33ff\ufb00-\ufb4f\uff00-\uffef\ud835]/.test(s))
    s = s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g, '');
  s = s
    .replace(
      /[^\x00-\x7f]/g,
      (ch) =>
        QUOTES[ch] ?? CONFUSABLES[ch] ?? ('\u2010\u2011\u2012\u2013\u2014\u2212'.includes(ch) ? '-' : ch),
    )
    .toLowerCase();
  const plain = s
    .replace(/[\t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  let folded = /[a-z][013457@$]|[013457@$][a-z]/.test(plain)
    ? plain.replace(/\b[a-z0-9@$]*(?:[a-z][013457@$]|[013457@$][a-z])[a-z0-9@$]*/g, (w) =>
        /^\d[\d,.]*(?:k|m|bn|am|pm|st|nd|rd|th)$/.test(w) ? w : w.replace(/[013457@$]/g, (c) => LEET[c] ?? c),
      )
    : plain;
  folded = folded.replace(/\b(?:[a-z][ ._*-]){3,}[a-z]\b/g, (m) => m.replace(/[ ._*-]/g, ''));
  return { plain, folded };
}

describe('normaliser fast paths', () => {
  const chars = fc.constantFrom(
    ...'aZ09 _@$.-*\t\n\r\u00a0\u2003\u200b\u00ad\u2019\u201c\u2014\u2212éÅﬁＡ𝐀аеоΑ🙈😘x1l3'.split(''),
    '🙈',
    'p4ss',
    'l 0 g',
    'a_1',
    '$5',
    'İ',
  );
  it('gives what the straightforward normaliser gave', () => {
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 80 }), (parts) => {
        const t = parts.join('');
        expect(normalise(t)).toEqual(referenceNormalise(clipForScan(t)));
      }),
      { numRuns: 2000 },
    );
  });
});
