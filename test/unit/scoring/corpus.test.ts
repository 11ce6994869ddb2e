/**
 * Regression gate on the labelled development corpus: lure recall ≥ 0.95 and false positives
 * on benign ≤ 3% (lure = verdict suspicious or malicious). Skipped when the corpus is absent.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { corpusAvailable, figures, type Scored, scoreCorpus } from '../../eval/corpus.ts';

describe.skipIf(!corpusAvailable())('development corpus', () => {
  let rows: Scored[] = [];
  beforeAll(async () => {
    rows = await scoreCorpus();
  }, 120_000);

  it('scores every file without an error', () => {
    expect(rows.filter((r) => r.line.error).map((r) => `${r.file}: ${r.line.error}`)).toEqual([]);
  });

  it('finds at least 95% of lures', () => {
    const missed = rows
      .filter((r) => r.label === 'lure' && !r.flagged)
      .map((r) => `${r.file} (${r.line.score})`);
    expect(figures(rows).recall, `missed: ${missed.join(', ')}`).toBeGreaterThanOrEqual(0.95);
  });

  it('flags at most 3% of benign messages', () => {
    const fps = rows
      .filter((r) => r.label === 'benign' && r.flagged)
      .map((r) => `${r.file} (${r.line.score})`);
    expect(figures(rows).falsePositiveRate, `false positives: ${fps.join(', ')}`).toBeLessThanOrEqual(0.03);
  });
});
