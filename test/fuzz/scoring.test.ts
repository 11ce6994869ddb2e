/**
 * The scorer must survive anything a hostile sender can type: long adversarial inputs built
 * from near-matches of the rules' own phrases (the usual trigger of regex backtracking),
 * random Unicode, and malformed report shapes. Never throws, always finishes quickly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Assessment } from '../../shared/domain/report.ts';
import { assess, defaultScoringContext, type ReportLike } from '../../shared/scoring/index.ts';

const ctx = defaultScoringContext(
  { protectedDomains: ['parliament.uk'] },
  { roster: [{ name: 'Neil Hammond' }] },
);

/** Fragments that partially match many rules, so patterns start matching and must give up. */
const FRAGMENTS = [
  'you ',
  "don't ",
  'not ',
  'remember ',
  'we met ',
  'at the ',
  'reception ',
  "strangers' ",
  'send ',
  'me ',
  'the ',
  'code ',
  'sign in with your ',
  'work ',
  'account ',
  'password ',
  'or the ',
  'your wife ',
  'will go to ',
  'screenshots ',
  'p a s s ',
  'x ',
  '😘',
  '🙈',
  'https://parliament-uk.example/',
  'www.',
  '@',
  '0',
  '1',
  '3',
  '\u200b',
  'а',
  'е',
  '.',
  '?',
  '!',
  '\n',
  "it's abi from ",
  'just the ',
  'committee draft ',
  'all i need is ',
  '£',
];

const adversarialText = fc
  .array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 400 })
  .map((parts) => {
    let s = parts.join('');
    while (s.length < 64 * 1024) s += s;
    return s.slice(0, 64 * 1024);
  });

const randomUnicode = fc.string({ unit: 'binary', maxLength: 4000 });

function timed(report: ReportLike): number {
  const t0 = performance.now();
  const a = assess(report, ctx);
  const ms = performance.now() - t0;
  expect(() => Assessment.parse(a)).not.toThrow();
  return ms;
}

describe('scoring fuzz', () => {
  it('64 KB of repeated near-matching fragments finishes in bounded time', () => {
    fc.assert(
      fc.property(adversarialText, fc.boolean(), (text, asChat) => {
        const report: ReportLike = asChat
          ? {
              channel: 'whatsapp',
              messages: [
                { author: '+44 7700 900000', text },
                { author: 'me', fromTarget: true, text },
              ],
            }
          : {
              channel: 'email',
              sender: { emails: ['a@b.example'] },
              subject: text.slice(0, 900),
              text,
              urls: [{ url: 'https://x.example', text: text.slice(0, 1000) }],
            };
        expect(timed(report)).toBeLessThan(250);
      }),
      { numRuns: 40 },
    );
  });

  it('random Unicode never throws', () => {
    fc.assert(
      fc.property(randomUnicode, randomUnicode, (text, name) => {
        timed({
          channel: 'sms',
          sender: { displayName: name.slice(0, 200), aliases: [name.slice(0, 100) || 'x'] },
          text,
          subject: name,
        });
      }),
      { numRuns: 300 },
    );
  });

  it('odd report shapes never throw', () => {
    const weird = fc.record(
      {
        channel: fc.constantFrom('email', 'whatsapp', 'sms', 'other'),
        text: fc.string(),
        sender: fc.record(
          {
            emails: fc.array(fc.string(), { maxLength: 3 }),
            replyTo: fc.array(fc.string(), { maxLength: 2 }),
            displayName: fc.string(),
          },
          { requiredKeys: [] },
        ),
        urls: fc.array(fc.record({ url: fc.string(), text: fc.option(fc.string(), { nil: undefined }) }), {
          maxLength: 5,
        }),
        attachments: fc.array(fc.record({ name: fc.string(), contentType: fc.string(), size: fc.nat() }), {
          maxLength: 3,
        }),
        messages: fc.array(fc.record({ author: fc.string(), text: fc.string(), fromTarget: fc.boolean() }), {
          maxLength: 5,
        }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(weird, (r) => {
        timed(r as ReportLike);
      }),
      { numRuns: 300 },
    );
  });

  it('a pathological single long token does not blow up', () => {
    for (const s of [
      'a'.repeat(65_536),
      `${'you '.repeat(16_000)}`,
      `${'x'.repeat(30_000)}@${'y.'.repeat(15_000)}`,
      '\u200b'.repeat(65_536),
    ]) {
      expect(timed({ channel: 'email', text: s })).toBeLessThan(250);
    }
  });
});
