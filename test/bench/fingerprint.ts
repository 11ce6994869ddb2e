/**
 * A fingerprint of what the detector says: every assessment (score, verdict, category, every
 * rule's weight and evidence) of every independent message set, the bench corpora and a
 * seeded sample of hostile text, hashed. A speed change must leave it byte-identical:
 * `npx tsx test/bench/fingerprint.ts` before and after (add `--out FILE` for the per-message
 * lines, to diff). It prints no message text.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { assess, defaultScoringContext, type ReportLike } from '../../shared/scoring/index.ts';
import { bigMessage, corpus, realBigMessage, realCorpus } from './scoring.bench.ts';

const ctx = defaultScoringContext(
  { protectedDomains: ['parliament.uk'] },
  { roster: [{ name: 'Neil Hammond' }, { name: 'Abigail Shore' }] },
);

interface SetMessage {
  id: string;
  channel: 'whatsapp' | 'sms' | 'email';
  subject?: string;
  from?: string;
  text: string;
}

function* reports(): Generator<[string, ReportLike]> {
  const dir = resolve(import.meta.dirname, '../fixtures/holdout');
  for (const file of readdirSync(dir).sort()) {
    const set: SetMessage[] = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'));
    for (const m of set) {
      const email = m.from?.match(/[^\s<>]+@[^\s<>]+/)?.[0];
      yield [
        `${file}/${m.id}`,
        {
          channel: m.channel,
          subject: m.subject,
          text: m.text,
          sender: email ? { emails: [email], displayName: m.from?.replace(/<.*>/, '').trim() } : {},
        },
      ];
      // The same words as a chat, so the chat paths (sender and target apart) are covered.
      const lines = m.text.split('\n').filter((l) => l.trim() !== '');
      yield [
        `${file}/${m.id}/chat`,
        {
          channel: 'whatsapp',
          messages: lines.map((text, i) => ({
            author: i % 3 === 2 ? 'Me' : 'Abi',
            text,
            fromTarget: i % 3 === 2,
          })),
        },
      ];
    }
  }
  for (const [i, r] of corpus(600).entries()) yield [`synthetic/${i}`, r];
  for (const [i, r] of realCorpus().entries()) yield [`real/${i}`, r];
  for (let i = 0; i < 6; i++) yield [`big/${i}`, bigMessage(i)];
  for (let i = 0; i < 6; i++) yield [`real-big/${i}`, realBigMessage(i)];
  // Hostile text: confusables, invisible characters, leet, spacing tricks, text-speak.
  const piece = fc.oneof(
    fc.constantFrom(
      'we met',
      'at the',
      'conference',
      'u',
      'ur',
      'pics',
      'add me on signal',
      'remember me?',
      'x',
      '\n',
      ' ',
      '  ',
      '\t',
    ),
    fc.constantFrom(
      'r3m3mb3r',
      'p@ssw0rd',
      'h o t e l',
      's.e.c.r.e.t',
      'l-o-g-i-n',
      '£2500',
      'https://ipsa-secure.example/verify',
      'www.x.uk/a',
    ),
    fc.constantFrom(
      '\u200b',
      '\u200e',
      'а',
      'е',
      'о',
      'ı',
      'é',
      'ﬁ',
      'Ａ',
      '’',
      '“',
      '—',
      '\u00a0',
      '😍',
      '❤',
    ),
    fc.string({ maxLength: 12 }),
  );
  const texts = fc.sample(
    fc.array(piece, { maxLength: 80 }).map((p) => p.join('')),
    { seed: 4242, numRuns: 3000 },
  );
  for (const [i, text] of texts.entries()) yield [`hostile/${i}`, { channel: 'email', text }];
}

const hash = createHash('sha256');
const lines: string[] = [];
let n = 0;
for (const [id, report] of reports()) {
  const { scoredAt: _, ...a } = assess(report, ctx);
  const line = `${id}\t${createHash('sha256').update(JSON.stringify(a)).digest('hex').slice(0, 16)}`;
  hash.update(line);
  lines.push(line);
  n++;
}
const out = process.argv.indexOf('--out');
if (out >= 0) writeFileSync(process.argv[out + 1]!, `${lines.join('\n')}\n`);
console.log(`${n} assessments, fingerprint ${hash.digest('hex').slice(0, 24)}`);
