import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clipForScan,
  MAX_SCAN_CHARS,
  normalise,
  skeleton,
  skeletonWhole,
} from '../../../shared/scoring/normalise.ts';
import { expandTxtSpeak, TXT_SPEAK } from '../../../shared/scoring/txt-speak.ts';
import { mail, run } from './helpers.ts';

describe('normalise', () => {
  it('folds fullwidth and mathematical letters (NFKC/NFKD)', () => {
    expect(normalise('Ｐａｓｓｗｏｒｄ 𝐬𝐢𝐠𝐧 𝐢𝐧').folded).toBe('password sign in');
  });
  it('maps Cyrillic and Greek look-alikes to Latin', () => {
    expect(skeleton('раrliаmеnt')).toBe('parliament');
    expect(skeleton('Αccοunt')).toBe('account');
  });
  it('strips diacritics and invisible characters', () => {
    expect(normalise('pa\u200bss\u200dwörd\u00ad').folded).toBe('password');
    expect(normalise('\u202a+44 7700 900123\u202c').plain).toBe('+44 7700 900123');
  });
  it('undoes leetspeak inside words but leaves numbers alone', () => {
    const n = normalise('Enter your p4ssw0rd at 07700 900123 by 10:30');
    expect(n.folded).toContain('password');
    expect(n.folded).toContain('07700 900123');
    expect(n.plain).toContain('p4ssw0rd');
  });
  it('joins letter-spaced words', () => {
    expect(normalise('enter your p a s s w o r d now').folded).toBe('enter your password now');
    expect(normalise('v.e.r.i.f.y').folded).toBe('verify');
  });
  it('collapses whitespace and lowercases', () => {
    expect(normalise('  We   MET\n\tat  the BAR ').plain).toBe('we met at the bar');
  });
  it('keeps emoji (they carry meaning) but drops variation selectors', () => {
    expect(normalise('hi 🙈\ufe0f').plain).toBe('hi 🙈');
  });
  it('clips very long input to head and tail', () => {
    const long = `${'a'.repeat(100_000)}THE-END`;
    const clipped = clipForScan(long);
    expect(clipped.length).toBeLessThanOrEqual(MAX_SCAN_CHARS + 1);
    expect(clipped.endsWith('THE-END')).toBe(true);
  });
});

describe('evasion is defeated for every rule', () => {
  it('homoglyph, zero-width and spacing tricks still trigger the credential rule', () => {
    const tricks = [
      'Please ѕіgn іn wіth уоur раrlіаmеntаry ассоunt: https://x.example/a',
      'Please sign\u200b in with your parl\u200biamentary account: https://x.example/a',
      'Please l0g 1n with your w0rk account: https://x.example/a',
      'Please enter your p a s s w o r d: https://x.example/a',
    ];
    for (const t of tricks) expect(run('spearphish.credential-lure', mail(t)), t).toBeDefined();
  });
  it('leetspeak still triggers a honey-trap rule', () => {
    expect(run('honeytrap.not-remembered', mail("c4n't b3li3ve y0u d0n't r3m3mb3r me"))).toBeDefined();
  });
});

describe('text-speak', () => {
  // The definition the fast version must match: a key as a whole word, not glued to an
  // address or path (lookarounds, read at every position: slow on a long message).
  const KEYS = Object.keys(TXT_SPEAK);
  const REFERENCE = new RegExp(`(?<![\\w'@./-])(?:${KEYS.join('|')})(?![\\w'@/-]|\\.\\w)`, 'g');
  const reference = (text: string) => text.replace(REFERENCE, (w) => TXT_SPEAK[w] ?? w);

  it('writes out abbreviations that stand alone, not those inside addresses or paths', () => {
    expect(expandTxtSpeak('can u send ur pics b4 tmrw')).toBe('can you send your pictures before tomorrow');
    expect(expandTxtSpeak("u@x.example /r/ v.2 st.v u.s u. ya- u're")).toBe(
      "u@x.example /r/ v.2 st.v u.s you. ya- u're",
    );
  });

  it('matches the lookaround definition on any mix of keys, letters and punctuation', () => {
    const piece = fc.constantFrom(
      ...KEYS,
      'a',
      'x',
      '9',
      '_',
      ' ',
      ' ',
      '.',
      "'",
      '@',
      '/',
      '-',
      ',',
      '\n',
      'é',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(expandTxtSpeak(text)).toBe(reference(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('skeleton, folded a character at a time', () => {
  // Every kind of character the steps treat differently: ASCII, invisible ones (the soft hyphen
  // sits in the decomposable range), confusables, accents composed and combining, marks the
  // skeleton keeps (Hebrew, Arabic: NFKD reorders them), Hangul, ligatures, fullwidth, maths
  // letters and lone surrogates, Greek capital sigma (lowercased by context), emoji.
  const chars = fc.constantFrom(
    ...'aZ09 .-\n\u00ad\u200b\u200e\ufe0f\u2019\u201c\u2014\u2212\u00a0éÅñ\u0301\u0327\u0591\u05b0\u064b\u0651\u0307ﬁＡаеоΑΣσςıİß한글\uf900'.split(
      '',
    ),
    '𝐀',
    '𝓍',
    '\ud835',
    '\udc00',
    '🙈',
    '❤️',
    'e\u0301\u0591',
    '\ud835\u00ad',
    '\u05d0\u05b8\u0591',
  );
  it('is the skeleton of the whole text', () => {
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }), (parts) => {
        const t = parts.join('');
        expect(skeleton(t)).toBe(skeletonWhole(t));
      }),
      { numRuns: 5000 },
    );
  });

  it('folds a real evasion as before', () => {
    expect(skeleton('Ｐаsswоrd\u200b for Abi’s ﬁle — café')).toBe("password for abi's file - cafe");
    expect(skeleton('\ud835\u00ad\udc00')).toBe('a'); // a maths letter split by a soft hyphen
  });
});

describe('numbers with units', () => {
  it('are left as written, while leet words are still folded', () => {
    expect(normalise('£5k by 10am on the 3rd, p4ssw0rd').folded).toBe('£5k by 10am on the 3rd, password');
  });
});
