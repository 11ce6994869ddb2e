import { HashIndex } from './hash-index.ts';

/**
 * What the language model reads: the words of the sender's normalised text (the folded form the
 * rules read, so evasion tricks are already undone) and the pairs of neighbouring words, each
 * counted once per message. Short, stable, and the same at training and at scoring time.
 */
/**
 * Words that say nothing alone: function words and pronouns. They still count in pairs ("we
 * met", "remember me", "your wife"), where they carry the lure's voice; alone they only learn
 * that lures talk to "you", which ordinary mail does too.
 */
const STOP = new Set(
  (
    'the and of to a in on is it that this for at as be was were with are an or by i me my we us our you your ' +
    'he she they them his her their from have has had will would can could do did so just if but not no all ' +
    "any one im i'm it's its there here what which who when then than also been being am"
  ).split(' '),
);
/**
 * Not language: test-domain residue and the campaign's own aliases (the campaign correlation
 * matches aliases; the model must learn how lures are written, not who signed them).
 */
const NOT_LANGUAGE = new Set([
  'example',
  'test',
  'https',
  'http',
  'www',
  'com',
  'uk',
  'co',
  'abi',
  'charlie',
]);
/** The model reads the opening of a message: its voice is set there, and long mail stays cheap. */
const MAX_CHARS = 4_000;

const A = 97;
const Z = 122;
const APOSTROPHE = 39;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const SPACE = 32;
const MAX_WORD = 25;
const isLetter = (c: number) => c >= A && c <= Z;

/** FNV-1a as a signed 32-bit number (kept in int32 range so hashes never box). */
export function featureHash(feature: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < feature.length; i++) h = Math.imul(h ^ feature.charCodeAt(i), FNV_PRIME);
  return h;
}

const STOP_WORD = 0;
const NOT_LANGUAGE_WORD = 1;
const WORD_KIND = new HashIndex([
  ...[...STOP].map((w) => [featureHash(w), STOP_WORD] as const),
  ...[...NOT_LANGUAGE].map((w) => [featureHash(w), NOT_LANGUAGE_WORD] as const),
]);

/**
 * Walks the features of a text: each word (a letter, then letters and apostrophes, 2 to 25
 * characters, trailing apostrophes dropped) unless it is a stop word, and each pair of
 * neighbouring words as "first second". Writes each feature's hash to `hashes` and, for
 * training, its text to `texts`; returns how many. One walk, so both always agree; scoring
 * passes no `texts` and makes no strings.
 */
function walk(folded: string, hashes: Int32Array, texts: string[] | null): number {
  const n = Math.min(folded.length, MAX_CHARS);
  let count = 0;
  let prev = 0;
  let hasPrev = false;
  let prevWord = '';
  for (let i = 0; i < n; ) {
    if (!isLetter(folded.charCodeAt(i))) {
      i++;
      continue;
    }
    // The word's hash and its pair's ("previous word", space, this word) as the word is read;
    // trailing apostrophes are dropped by keeping the hashes as they were after the last letter.
    let h = Math.imul(FNV_OFFSET ^ folded.charCodeAt(i), FNV_PRIME);
    let pair = Math.imul(Math.imul(prev ^ SPACE, FNV_PRIME) ^ folded.charCodeAt(i), FNV_PRIME);
    let wordHash = h;
    let pairHash = pair;
    let end = i + 1;
    let j = i + 1;
    for (; j < n && j - i < MAX_WORD; j++) {
      const c = folded.charCodeAt(j);
      const letter = isLetter(c);
      if (!letter && c !== APOSTROPHE) break;
      h = Math.imul(h ^ c, FNV_PRIME);
      pair = Math.imul(pair ^ c, FNV_PRIME);
      if (letter) {
        wordHash = h;
        pairHash = pair;
        end = j + 1;
      }
    }
    if (j - i < 2) {
      i++;
      continue;
    }
    const kind = WORD_KIND.get(wordHash);
    if (kind === NOT_LANGUAGE_WORD) {
      hasPrev = false;
    } else {
      const word = texts ? folded.slice(i, end) : '';
      if (kind !== STOP_WORD) {
        hashes[count++] = wordHash;
        texts?.push(word);
      }
      if (hasPrev) {
        hashes[count++] = pairHash;
        texts?.push(`${prevWord} ${word}`);
      }
      prev = wordHash;
      hasPrev = true;
      prevWord = word;
    }
    i = j;
  }
  return count;
}

/** At most two features per word of two letters and a separator. */
const MAX_FEATURES = Math.ceil((2 * MAX_CHARS) / 3) + 2;
const scratch = new Int32Array(MAX_FEATURES);

/** The features as strings (training, and the words an assessment quotes). */
export function featuresOf(folded: string): Set<string> {
  const texts: string[] = [];
  walk(folded, scratch, texts);
  return new Set(texts);
}

/**
 * The features' hashes (scoring), repeats included, in a buffer reused by the next call:
 * read them before calling again.
 */
export function featureHashesOf(folded: string): { hashes: Int32Array; count: number } {
  return { hashes: scratch, count: walk(folded, scratch, null) };
}
