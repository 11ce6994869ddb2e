/**
 * Intake throughput over the corpus, the cost of the worst hostile message, and the
 * postal-mime vs mailparser comparison that chose the MIME parser.
 * Run: npx tsx test/bench/intake.bench.ts (the lead wires benchIntake into `npm run bench`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import PostalMime from 'postal-mime';
import { parseFile, parseRawMail } from '../../shared/intake/parse-file.ts';
import * as hostile from '../unit/intake/hostile-mail.ts';

const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus');

function corpus(): Array<{ name: string; bytes: Uint8Array }> {
  return ['messages', 'campaign'].flatMap((dir) =>
    readdirSync(path.join(CORPUS, dir))
      .filter((f) => /\.(eml|txt)$/.test(f))
      .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(path.join(CORPUS, dir, f))) })),
  );
}

type File = { name: string; bytes: Uint8Array };

async function rate(rounds: number, files: File[], run: (f: File) => Promise<unknown>) {
  for (const f of files) await run(f); // warm-up
  const bytes = files.reduce((n, f) => n + f.bytes.byteLength, 0);
  const t = performance.now();
  for (let r = 0; r < rounds; r++) for (const f of files) await run(f);
  const s = (performance.now() - t) / 1000;
  return {
    perSec: Math.round((rounds * files.length) / s),
    mbPerSec: Number(((rounds * bytes) / 1024 / 1024 / s).toFixed(2)),
  };
}

const norm = (s: string | undefined | false) => (s || '').replace(/\s+/g, ' ').trim();

/** Do the two parsers agree on what the intake reads: From, text body, attachments? */
async function agreement(emls: Array<{ name: string; bytes: Uint8Array }>) {
  let same = 0;
  const differ: string[] = [];
  for (const f of emls) {
    const p = await PostalMime.parse(f.bytes, { forceRfc822Attachments: true });
    const m = await simpleParser(Buffer.from(f.bytes));
    const pFrom = p.from && 'address' in p.from ? p.from.address : undefined;
    const ok =
      pFrom === m.from?.value[0]?.address &&
      norm(p.text) === norm(m.text) &&
      p.attachments.length === m.attachments.length;
    if (ok) same++;
    else differ.push(f.name);
  }
  return { same, differ };
}

export async function benchIntake(): Promise<Record<string, number | string>> {
  const files = corpus();
  const emls = files.filter((f) => f.name.endsWith('.eml'));
  const rounds = 20;
  const intake = await rate(rounds, files, (f) => parseFile(f.name, f.bytes));
  const postal = await rate(rounds, emls, (f) => PostalMime.parse(f.bytes, { forceRfc822Attachments: true }));
  const mailparser = await rate(rounds, emls, (f) => simpleParser(Buffer.from(f.bytes)));
  const agree = await agreement(emls);
  const worst: Array<[string, Uint8Array]> = [
    ['nested rfc822 x50', hostile.nestedRfc822(50)],
    ['10,000 parts', hostile.manyParts(10_000)],
    ['30 MB attachment', hostile.hugeAttachment(30 * 1024 * 1024)],
    ['10 MB attachment (under the limit: parsed and hashed)', hostile.hugeAttachment(10 * 1024 * 1024)],
    ['zip bomb (64 MB)', hostile.zipBombReport(64 * 1024 * 1024)],
  ];
  const hostileMs: Record<string, number> = {};
  for (const [name, raw] of worst) {
    const t = performance.now();
    await parseRawMail(raw);
    hostileMs[name] = Math.round(performance.now() - t);
  }
  const slowest = Object.entries(hostileMs).sort((a, b) => b[1] - a[1])[0]!;
  const largest = worst.reduce((a, b) => (b[1].byteLength > a[1].byteLength ? b : a));
  const result: Record<string, number | string> = {
    'intake.corpusMessages': files.length,
    'intake.messagesPerSec': intake.perSec,
    'intake.mbPerSec': intake.mbPerSec,
    'intake.largestHostile': `${largest[0]} (${(largest[1].byteLength / 1024 / 1024).toFixed(1)} MB)`,
    'intake.largestHostileMs': hostileMs[largest[0]]!,
    'intake.slowestHostile': slowest[0],
    'intake.slowestHostileMs': slowest[1],
    'mime.postalMime.messagesPerSec': postal.perSec,
    'mime.mailparser.messagesPerSec': mailparser.perSec,
    'mime.agreeOnCorpusEml': `${agree.same}/${emls.length}`,
    'mime.disagree': agree.differ.join(' ') || 'none',
  };
  console.table(result);
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchIntake();
