/**
 * `npm run eval -- --holdout` (or `npx tsx test/eval/holdout.ts`): the independent holdout in
 * test/fixtures/holdout/holdout.json — 120 messages written by someone who saw neither the
 * rules nor the corpus. Odd ids may be looked at when tuning; even ids are never looked at
 * (only their figures are printed, no texts), so they stay a fair estimate.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { assess, defaultScoringContext, type ReportLike } from '../../shared/scoring/index.ts';

interface HoldoutMessage {
  id: string;
  label: 'lure' | 'benign';
  category: 'honeytrap' | 'spearphish' | 'sextortion' | 'none';
  channel: 'whatsapp' | 'sms' | 'email';
  subject?: string;
  from?: string;
  text: string;
}

export const HOLDOUT_FILE = resolve(import.meta.dirname, '../fixtures/holdout/holdout.json');
export const isSealed = (m: Pick<HoldoutMessage, 'id'>) => Number(m.id.replace(/\D/g, '')) % 2 === 0;

const ctx = defaultScoringContext({ protectedDomains: ['parliament.uk'] });

/** A message as the intake would hand it over: mail with its sender, chats as one sender's words. */
export function reportOf(m: HoldoutMessage): ReportLike {
  if (m.channel === 'email') {
    const address = m.from?.match(/<([^>]+)>/)?.[1] ?? m.from ?? 'unknown@example.test';
    const displayName = m.from?.includes('<') ? m.from.slice(0, m.from.indexOf('<')).trim() : undefined;
    return {
      channel: 'email',
      sender: { emails: [address], ...(displayName ? { displayName } : {}) },
      subject: m.subject,
      text: m.text,
    };
  }
  return { channel: m.channel, sender: { phones: ['+447700900999'] }, text: m.text };
}

export function scoreHoldout() {
  const messages = JSON.parse(readFileSync(HOLDOUT_FILE, 'utf8')) as HoldoutMessage[];
  return messages.map((m) => {
    const a = assess(reportOf(m), ctx);
    return { m, a, flagged: a.verdict !== 'benign' };
  });
}

function figures(rows: ReturnType<typeof scoreHoldout>) {
  const lures = rows.filter((r) => r.m.label === 'lure');
  const benign = rows.filter((r) => r.m.label === 'benign');
  const tp = lures.filter((r) => r.flagged).length;
  const fp = benign.filter((r) => r.flagged).length;
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const perCategory = ['honeytrap', 'spearphish', 'sextortion']
    .map((c) => {
      const l = lures.filter((r) => r.m.category === c);
      return `${c} ${l.filter((r) => r.flagged).length}/${l.length}`;
    })
    .join(', ');
  return `n=${rows.length}  recall=${pct(tp / lures.length)} (${tp}/${lures.length}; ${perCategory})  FPR=${pct(fp / benign.length)} (${fp}/${benign.length})  precision=${pct(tp / (tp + fp || 1))}`;
}

export function printHoldoutFigures() {
  const rows = scoreHoldout();
  const open = rows.filter((r) => !isSealed(r.m));
  const sealed = rows.filter((r) => isSealed(r.m));
  console.log(`holdout, open half (odd ids, may be used for tuning):   ${figures(open)}`);
  console.log(`holdout, sealed half (even ids, never looked at):        ${figures(sealed)}`);
  return { open, sealed };
}

function main() {
  const { open } = printHoldoutFigures();
  const wrong = open.filter((r) => (r.m.label === 'lure') !== r.flagged);
  console.log(wrong.length ? 'open half misclassified:' : 'open half misclassified: none');
  for (const r of wrong) {
    console.log(`  ${r.m.id} ${r.m.label}/${r.m.category} ${r.m.channel} score=${r.a.score} ${r.a.verdict}`);
    console.log(`      ${r.m.text.replace(/\s+/g, ' ').slice(0, 300)}`);
    for (const i of r.a.indicators) console.log(`      ${i.weight.toFixed(2)} ${i.id}: ${i.evidence}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
