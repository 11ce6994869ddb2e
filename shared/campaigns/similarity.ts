/**
 * Near-identical wording: MinHash over normalised word shingles, with LSH band keys so a
 * lookup is one GetItem per band (never a Scan). A second number reading from the same script
 * collides in at least one band with high probability, and the stored signature lets the
 * caller confirm the match before it counts as a link.
 */
import { createHash } from 'node:crypto';

export const SHINGLE_WORDS = 3;
export const PERMUTATIONS = 64;
export const BANDS = 16;
export const ROWS = PERMUTATIONS / BANDS;
/** Fewer shingles than this and the text is too short to say anything about wording. */
export const MIN_SHINGLES = 6;
/** Estimated Jaccard at or above which two texts share a script (a link between campaigns). */
export const SAME_SCRIPT = 0.6;
/** ... and at or above which, with the same sender, they are the same conversation. */
export const NEAR_DUPLICATE = 0.8;

// Soft hyphens, zero-width characters, bidi controls, variation selectors, BOM: ignored, not separators.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

/** Lowercase words of letters and digits; emoji, punctuation and invisible marks dropped. */
export function words(text: string): string[] {
  return text
    .replace(INVISIBLE, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function shingles(text: string, size = SHINGLE_WORDS): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + size <= w.length; i++) out.add(w.slice(i, i + size).join(' '));
  return out;
}

/** 32-bit FNV-1a over UTF-16 code units: fast, stable across processes. */
function fnv1a(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // A final avalanche so that nearby strings spread over all 32 bits.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The MinHash signature: PERMUTATIONS minima of h1 + i·h2 (Kirsch–Mitzenmacher), or undefined
 * when the text is too short to compare.
 */
export function minhash(text: string): Uint32Array | undefined {
  const set = shingles(text);
  if (set.size < MIN_SHINGLES) return undefined;
  const sig = new Uint32Array(PERMUTATIONS).fill(0xffffffff);
  for (const s of set) {
    const h1 = fnv1a(s, 0);
    const h2 = fnv1a(s, 0x9e3779b9) | 1;
    for (let i = 0; i < PERMUTATIONS; i++) {
      const v = (h1 + Math.imul(i, h2)) >>> 0;
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

/** The share of equal positions: an unbiased estimate of the shingle sets' Jaccard index. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < PERMUTATIONS; i++) if (a[i] === b[i]) same++;
  return same / PERMUTATIONS;
}

/** One key per band: texts sharing a band key are candidates (threshold ≈ (1/16)^(1/4) = 0.5). */
export function bandKeys(sig: Uint32Array): string[] {
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    const rows = Buffer.from(sig.buffer, sig.byteOffset + b * ROWS * 4, ROWS * 4);
    keys.push(`${b}:${createHash('sha1').update(rows).digest('hex').slice(0, 16)}`);
  }
  return keys;
}

export const encodeSignature = (sig: Uint32Array): string =>
  Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength).toString('base64');

export function decodeSignature(encoded: string | undefined): Uint32Array | undefined {
  if (!encoded) return undefined;
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.byteLength !== PERMUTATIONS * 4) return undefined;
  const out = new Uint32Array(PERMUTATIONS);
  for (let i = 0; i < PERMUTATIONS; i++) out[i] = bytes.readUInt32LE(i * 4);
  return out;
}
