/**
 * Independent message sets in test/fixtures/holdout, written by people who saw neither the
 * rules nor the corpus, scored the way `lurewatch score FILE` scores a member's file: mail as
 * an .eml (From, Subject, body), chats and texts as a .txt, through the real intake.
 *
 * - holdout.json (120), tuning-2.json (150), tuning-4.json (200), tuning-5.json (160),
 *   tuning-6.json (200), tuning-7.json (260), tuning-8.json (240), tuning-9.json (300),
 *   tuning-10.json … tuning-18.json (300 each; tuning-17 is mostly hard negatives, tuning-18
 *   mostly subtle lures): tuning sets; their misses may be read.
 * - sealed-3.json (100), sealed-4.json (120), sealed-5.json (150), sealed-6.json (200),
 *   sealed-7.json … sealed-9.json (240 each), sealed-10.json and sealed-11.json (300 each):
 *   never read while tuning; only their figures are printed. Sealed-3's
 *   figures were looked at after about ten changes, so it flatters; the later ones were first
 *   scored as they arrived and looked at only a few times since (the closing notes say how
 *   often).
 *
 * `npx tsx test/eval/holdout.ts [--misses] [--tuning]` prints the figures (and the tuning sets'
 * misses; with --tuning, only the tuning sets').
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type ScoreLine, scoreFile } from '../../shared/cli/score.ts';
import { loadConfig } from '../../shared/config.ts';

export interface HoldoutMessage {
  id: string;
  label: 'lure' | 'benign';
  category: 'honeytrap' | 'spearphish' | 'sextortion' | 'none';
  channel: 'whatsapp' | 'sms' | 'email';
  subject?: string;
  from?: string;
  text: string;
}

const DIR = resolve(import.meta.dirname, '../fixtures/holdout');
export const SETS = {
  holdout: join(DIR, 'holdout.json'),
  tuning2: join(DIR, 'tuning-2.json'),
  tuning4: join(DIR, 'tuning-4.json'),
  tuning5: join(DIR, 'tuning-5.json'),
  tuning6: join(DIR, 'tuning-6.json'),
  tuning7: join(DIR, 'tuning-7.json'),
  tuning8: join(DIR, 'tuning-8.json'),
  tuning9: join(DIR, 'tuning-9.json'),
  tuning10: join(DIR, 'tuning-10.json'),
  tuning11: join(DIR, 'tuning-11.json'),
  tuning12: join(DIR, 'tuning-12.json'),
  tuning13: join(DIR, 'tuning-13.json'),
  tuning14: join(DIR, 'tuning-14.json'),
  tuning15: join(DIR, 'tuning-15.json'),
  tuning16: join(DIR, 'tuning-16.json'),
  tuning17: join(DIR, 'tuning-17.json'),
  tuning18: join(DIR, 'tuning-18.json'),
  sealed3: join(DIR, 'sealed-3.json'),
  sealed4: join(DIR, 'sealed-4.json'),
  sealed5: join(DIR, 'sealed-5.json'),
  sealed6: join(DIR, 'sealed-6.json'),
  sealed7: join(DIR, 'sealed-7.json'),
  sealed8: join(DIR, 'sealed-8.json'),
  sealed9: join(DIR, 'sealed-9.json'),
  sealed10: join(DIR, 'sealed-10.json'),
  sealed11: join(DIR, 'sealed-11.json'),
} as const;

/** The file a member would hand over: an .eml for mail, a .txt for a chat or a text message. */
export function fileOf(m: HoldoutMessage, dir: string): string {
  if (m.channel === 'email') {
    const headers = [
      `From: ${m.from ?? 'unknown@example.test'}`,
      'To: member@parliament.uk',
      `Subject: ${m.subject ?? ''}`,
      'Date: Tue, 12 Nov 2024 10:00:00 +0000',
      `Message-ID: <${m.id}@holdout.test>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
    ];
    const path = join(dir, `${m.id}.eml`);
    writeFileSync(path, `${headers.join('\r\n')}\r\n\r\n${m.text.replace(/\r?\n/g, '\r\n')}\r\n`);
    return path;
  }
  const path = join(dir, `${m.id}.txt`);
  writeFileSync(path, m.text);
  return path;
}

export interface ScoredMessage {
  m: HoldoutMessage;
  line: ScoreLine;
  flagged: boolean;
}

export async function scoreSet(file: string): Promise<ScoredMessage[]> {
  const messages = JSON.parse(readFileSync(file, 'utf8')) as HoldoutMessage[];
  const dir = mkdtempSync(join(tmpdir(), 'lurewatch-holdout-'));
  const config = loadConfig({});
  const rows: ScoredMessage[] = [];
  for (const m of messages) {
    const line = await scoreFile(fileOf(m, dir), { config });
    rows.push({ m, line, flagged: line.verdict !== undefined && line.verdict !== 'benign' });
  }
  rmSync(dir, { recursive: true, force: true });
  return rows;
}

export function figures(rows: readonly ScoredMessage[]): string {
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

export async function printHoldoutFigures(options: { misses?: boolean; tuningOnly?: boolean } = {}) {
  for (const [name, file] of Object.entries(SETS)) {
    if (!existsSync(file)) continue;
    // While tuning, the sealed sets' figures are not even looked at.
    if (options.tuningOnly && name.startsWith('sealed')) continue;
    const rows = await scoreSet(file);
    const sealed = name.startsWith('sealed');
    console.log(
      `${`${name}${sealed ? ' (never read while tuning)' : ' (tuning)'}`.padEnd(36)} ${figures(rows)}`,
    );
    if (!options.misses || sealed) continue;
    for (const r of rows.filter((x) => (x.m.label === 'lure') !== x.flagged)) {
      console.log(
        `  ${r.m.id} ${r.m.label}/${r.m.category} ${r.m.channel} score=${r.line.score ?? r.line.error}`,
      );
      console.log(
        `      ${(r.m.subject ? `[${r.m.subject}] ` : '') + r.m.text.replace(/\s+/g, ' ').slice(0, 400)}`,
      );
      for (const i of r.line.indicators ?? [])
        console.log(`      ${i.weight.toFixed(2)} ${i.id}: ${i.evidence.slice(0, 100)}`);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  await printHoldoutFigures({
    misses: process.argv.includes('--misses'),
    tuningOnly: process.argv.includes('--tuning'),
  });
