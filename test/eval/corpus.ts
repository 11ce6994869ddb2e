/**
 * Scores the labelled development corpus (/work/shared/corpus, or LUREWATCH_CORPUS) and computes
 * the figures: precision, recall and false-positive rate overall and per category, on the
 * tuning split and the holdout separately. Shared by `npm run eval` and the corpus test.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ScoreLine, scoreFile } from '../../shared/cli/score.ts';
import { LurewatchConfig } from '../../shared/config.ts';
import { defaultScoringContext } from '../../shared/scoring/index.ts';

export const CORPUS_DIR = process.env.LUREWATCH_CORPUS ?? '/work/shared/corpus';

/**
 * Held out from tuning, chosen before any message was read: per stratum (each lure category,
 * and benign as a whole) the 20% of files with the smallest sha256("lurewatch-holdout:" + file).
 */
export const HOLDOUT = new Set([
  'messages/m06.txt',
  'messages/m12.eml',
  'messages/m13.txt',
  'messages/m14.eml',
  'messages/m15.eml',
  'messages/m18.txt',
  'messages/m31.eml',
  'messages/m36.eml',
  'messages/m38.eml',
  'messages/m39.eml',
  'messages/m42.eml',
  'messages/m43.eml',
  'messages/m56.eml',
]);

export interface Labelled {
  file: string;
  label: 'lure' | 'benign';
  category: string;
  channel: string;
}

export interface Scored extends Labelled {
  line: ScoreLine;
  flagged: boolean;
  holdout: boolean;
}

export function corpusAvailable(): boolean {
  return existsSync(join(CORPUS_DIR, 'labels.tsv'));
}

export function readLabels(dir = CORPUS_DIR): Labelled[] {
  const [, ...rows] = readFileSync(join(dir, 'labels.tsv'), 'utf8').trim().split('\n');
  return rows.map((row) => {
    const [file = '', label = '', category = '', channel = ''] = row.split('\t');
    return { file, label: label as Labelled['label'], category, channel };
  });
}

/** Lure categories in labels.tsv map onto the scorer's categories. */
export const expectedCategory = (c: string) => (c === 'sextortion_followup' ? 'sextortion' : c);

export async function scoreCorpus(dir = CORPUS_DIR): Promise<Scored[]> {
  const config = LurewatchConfig.parse({});
  const context = defaultScoringContext(config, { now: () => new Date('2024-06-01T00:00:00Z') });
  const out: Scored[] = [];
  for (const l of readLabels(dir)) {
    const line = await scoreFile(join(dir, l.file), { config, context });
    const flagged = line.verdict === 'suspicious' || line.verdict === 'malicious';
    out.push({ ...l, line, flagged, holdout: HOLDOUT.has(l.file) });
  }
  return out;
}

export interface Figures {
  n: number;
  lures: number;
  benign: number;
  truePositives: number;
  falsePositives: number;
  precision: number;
  recall: number;
  falsePositiveRate: number;
  /** Lures flagged with the right category, over lures flagged. */
  categoryAccuracy: number;
}

const ratio = (a: number, b: number) => (b === 0 ? Number.NaN : a / b);

export function figures(rows: readonly Scored[]): Figures {
  const lures = rows.filter((r) => r.label === 'lure');
  const benign = rows.filter((r) => r.label === 'benign');
  const tp = lures.filter((r) => r.flagged);
  const fp = benign.filter((r) => r.flagged);
  const rightCategory = tp.filter((r) => r.line.category === expectedCategory(r.category));
  return {
    n: rows.length,
    lures: lures.length,
    benign: benign.length,
    truePositives: tp.length,
    falsePositives: fp.length,
    precision: ratio(tp.length, tp.length + fp.length),
    recall: ratio(tp.length, lures.length),
    falsePositiveRate: ratio(fp.length, benign.length),
    categoryAccuracy: ratio(rightCategory.length, tp.length),
  };
}
