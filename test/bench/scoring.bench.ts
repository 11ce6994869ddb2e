/**
 * Scoring throughput on one core: reports per second for ~2 KB reports (target ≥ 20,000/s)
 * and the p99 latency of one 64 KB message (target < 1 ms). Run directly with
 * `npx tsx test/bench/scoring.bench.ts`, or through the bench runner via `benchScoring()`.
 *
 * Two kinds of text: the synthetic one (three messages repeated with a counter) and real
 * messages, cut from the tuning sets in test/fixtures/holdout. The synthetic text flatters:
 * the same few hundred characters keep the literal automaton's rows in cache, where varied
 * text reaches thousands of them.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { assess, defaultScoringContext, type ReportLike } from '../../shared/scoring/index.ts';

const ctx = defaultScoringContext(
  { protectedDomains: ['parliament.uk'] },
  { roster: [{ name: 'Neil Hammond' }] },
);

const LURE_CHAT = [
  "Hey you! It's Abi, we met at the reception in Portcullis House last week 🙈",
  "Can't believe you don't remember me, I'm so embarrassed x",
  '<Media omitted>',
  'oops wrong chat... or was it 😉',
  "What's your boss's diary like next week? Fancy a drink on Thursday?",
];
const BENIGN_MAIL =
  'Dear Laura, it was lovely to meet you at our reception in the Attlee Suite last night. As promised, here is the link to our briefing on the carers allowance earnings limit: https://www.riverside-carers.example/policy/brief. You mentioned Neil might visit our hub during recess; any Friday in March works. Best wishes, Hannah. ';
const PHISH =
  'Parliament IT: a sign-in to your Microsoft 365 account was blocked from a new device. Secure your account within 24 hrs or access will be paused: https://parl-m365-verify.test/s/8Kq2 ';

/** Builds ~2 KB reports of three kinds, each with a little variation so nothing is cached. */
export function corpus(n: number): ReportLike[] {
  const out: ReportLike[] = [];
  for (let i = 0; i < n; i++) {
    const k = i % 3;
    if (k === 0) {
      const lines = [];
      let len = 0;
      for (let j = 0; len < 2000; j++) {
        const text = `${LURE_CHAT[j % LURE_CHAT.length]} ${i}`;
        lines.push(
          { author: '+44 7700 900123', text },
          { author: 'Me', fromTarget: true, text: 'Sorry, who is this?' },
        );
        len += text.length + 20;
      }
      out.push({ channel: 'whatsapp', sender: { phones: ['+447700900123'] }, messages: lines });
    } else if (k === 1) {
      out.push({
        channel: 'email',
        sender: { emails: ['h.oduya@riverside-carers.example'] },
        subject: `Lovely to meet you ${i}`,
        text: BENIGN_MAIL.repeat(5).slice(0, 2000),
        auth: { dkim: 'pass' },
      });
    } else {
      out.push({
        channel: 'sms',
        sender: { aliases: ['ParlDigital'] },
        text: `${PHISH.repeat(8).slice(0, 1990)} ${i}`,
      });
    }
  }
  return out;
}

export function bigMessage(i: number): ReportLike {
  let text = '';
  while (text.length < 64 * 1024) text += `${LURE_CHAT.join(' ')} ${BENIGN_MAIL} ${PHISH} ${i} `;
  return { channel: 'email', sender: { emails: ['x@y.example'] }, text: text.slice(0, 64 * 1024) };
}

const TUNING_SETS = ['tuning-10', 'tuning-11', 'tuning-12', 'tuning-13', 'tuning-14', 'tuning-15'];

/** Real messages (mail, texts, WhatsApp exports) from the tuning sets, in their order. */
function realTexts(): Array<{ channel: 'email' | 'sms' | 'whatsapp'; subject?: string; text: string }> {
  const dir = resolve(import.meta.dirname, '../fixtures/holdout');
  return TUNING_SETS.flatMap((set) => JSON.parse(readFileSync(`${dir}/${set}.json`, 'utf8')));
}

/** ~2 KB reports of real messages: consecutive messages of the sets joined until 2 KB. */
export function realCorpus(): ReportLike[] {
  const out: ReportLike[] = [];
  let text = '';
  let k = 0;
  for (const m of realTexts()) {
    text += `${m.subject ? `${m.subject}\n` : ''}${m.text}\n`;
    if (text.length < 2000) continue;
    const channel = (['email', 'sms', 'whatsapp'] as const)[k++ % 3]!;
    out.push({ channel, sender: { emails: ['someone@example.org'] }, text: text.slice(0, 2048) });
    text = '';
  }
  return out;
}

/** 64 KB of real messages, starting at a different message each time. */
export function realBigMessage(i: number): ReportLike {
  const all = realTexts();
  let text = '';
  for (let j = (i * 37) % all.length; text.length < 64 * 1024; j = (j + 1) % all.length)
    text += `${all[j]!.text}\n`;
  return { channel: 'email', sender: { emails: ['x@y.example'] }, text: text.slice(0, 64 * 1024) };
}

function throughput(reports: ReportLike[], rounds: number): number {
  for (const r of reports.slice(0, 300)) assess(r, ctx); // warm-up: JIT and regex compilation
  const t0 = performance.now();
  for (let k = 0; k < rounds; k++) for (const r of reports) assess(r, ctx);
  return Math.round((rounds * reports.length) / ((performance.now() - t0) / 1000));
}

function latency(big: ReportLike[], n: number): { p50: number; p99: number } {
  for (const b of big.slice(0, 5)) assess(b, ctx);
  const times: number[] = [];
  for (let k = 0; k < n; k++) {
    const b = big[k % big.length]!;
    const s = performance.now();
    assess(b, ctx);
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  const p = (q: number) =>
    Number(times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(3));
  return { p50: p(0.5), p99: p(0.99) };
}

/**
 * How fast this machine runs plain JavaScript: ns per iteration of a dependent integer loop.
 * The targets are absolute but the shared machines' speed is not (it has varied ~2.5× between
 * days); this figure lets two runs' reports/s be compared.
 */
export function machineNsPerIteration(): number {
  const n = 1e8;
  let x = 0;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) x = (x * 31 + i) | 0;
  const ns = ((performance.now() - t0) * 1e6) / n;
  if (x === 42) console.log(''); // keeps the loop's result live
  return Number(ns.toFixed(2));
}

export async function benchScoring(): Promise<Record<string, number | string>> {
  const machine = machineNsPerIteration();
  const perSecond = throughput(corpus(3000), 5);
  const real = realCorpus();
  const realPerSecond = throughput(real, Math.max(1, Math.round(9000 / real.length)));
  const big = latency(
    Array.from({ length: 20 }, (_, i) => bigMessage(i)),
    500,
  );
  const realBig = latency(
    Array.from({ length: 20 }, (_, i) => realBigMessage(i)),
    200,
  );
  const result = {
    'reports/s (2 KB)': perSecond,
    'reports/s (2 KB of real messages)': realPerSecond,
    'target reports/s': 20_000,
    '64 KB p50 ms': big.p50,
    '64 KB p99 ms': big.p99,
    '64 KB of real messages p50 ms': realBig.p50,
    '64 KB of real messages p99 ms': realBig.p99,
    'target 64 KB p99 ms': 1,
    'machine: ns per plain loop iteration': machine,
  };
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  console.log('scoring bench', await benchScoring());
