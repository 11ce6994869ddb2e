import { describe, expect, it } from 'vitest';
import { sameScript } from '../../../shared/campaigns/link-decision.ts';
import {
  BANDS,
  bandKeys,
  decodeSignature,
  encodeSignature,
  estimateJaccard,
  minhash,
  NEAR_DUPLICATE,
  SAME_SCRIPT,
  shingles,
  words,
} from '../../../shared/campaigns/similarity.ts';
import { SCRIPT_ABI } from './fixtures.ts';

const jaccard = (a: Set<string>, b: Set<string>) => {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / (a.size + b.size - n);
};

describe('wording similarity', () => {
  it('normalises case, punctuation, emoji and invisible characters into words', () => {
    expect(words('Hi BEN!! It’s Abi 🙈 re\u200bmember me?')).toEqual([
      'hi',
      'ben',
      'its',
      'abi',
      'remember',
      'me',
    ]);
  });

  it('gives the same signature for the same words however they are written', () => {
    const a = minhash('So you remember me next time 😘 — you were really sweet about it, x');
    const b = minhash('so you REMEMBER me next time... you were really sweet about it x');
    expect(a && b && estimateJaccard(a, b)).toBe(1);
  });

  it('has no signature for a text too short to compare', () => {
    expect(minhash('hi there')).toBeUndefined();
  });

  it('estimates the Jaccard index of the shingle sets within a few points', () => {
    const a = SCRIPT_ABI.replace('{name}', 'Ben');
    const b = `${SCRIPT_ABI.replace('{name}', 'Rob').replace('Wednesday', 'Tuesday')} Are you in London this week?`;
    const exact = jaccard(shingles(a), shingles(b));
    const estimate = estimateJaccard(minhash(a)!, minhash(b)!);
    expect(Math.abs(exact - estimate)).toBeLessThan(0.15);
  });

  it('finds the same script from another number through a shared band key', () => {
    const a = minhash(SCRIPT_ABI.replace('{name}', 'Ben'))!;
    const b = minhash(SCRIPT_ABI.replace('{name}', 'Thomas'))!;
    expect(estimateJaccard(a, b)).toBeGreaterThanOrEqual(SAME_SCRIPT);
    const shared = bandKeys(a).filter((k) => bandKeys(b).includes(k));
    expect(shared.length).toBeGreaterThan(0);
    expect(sameScript(a, b)).toBe(true);
  });

  it('keeps unrelated texts apart', () => {
    const a = minhash(SCRIPT_ABI.replace('{name}', 'Ben'))!;
    const c = minhash(
      'Parcel Services: we were unable to deliver your parcel today. A redelivery fee of 1.45 GBP is due. Pay and rebook within 12 hours',
    )!;
    expect(estimateJaccard(a, c)).toBeLessThan(0.2);
    expect(bandKeys(a).filter((k) => bandKeys(c).includes(k))).toEqual([]);
    expect(sameScript(a, c)).toBe(false);
  });

  it('makes one band key per band, and round-trips the signature', () => {
    const sig = minhash(SCRIPT_ABI)!;
    expect(bandKeys(sig)).toHaveLength(BANDS);
    expect(new Set(bandKeys(sig).map((k) => k.split(':')[0]))).toHaveProperty('size', BANDS);
    expect(decodeSignature(encodeSignature(sig))).toEqual(sig);
    expect(decodeSignature('AAAA')).toBeUndefined();
    expect(NEAR_DUPLICATE).toBeGreaterThan(SAME_SCRIPT);
  });
});
