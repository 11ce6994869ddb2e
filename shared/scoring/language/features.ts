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
const FNV_OFFSET = 0x811c9dc5;
const isLetter = (c: number) => c >= A && c <= Z;

/** FNV-1a, continued over more characters: hashOf("we met") = continue(hashOf("we"), " met"). */
function fnv(state: number, text: string, from: number, to: number): number {
  let h = state;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
export const featureHash = (feature: string) => fnv(FNV_OFFSET, feature, 0, feature.length);
const hashSet = (words: Iterable<string>) => new Set([...words].map(featureHash));
const STOP_HASHES = hashSet(STOP);
const NOT_LANGUAGE_HASHES = hashSet(NOT_LANGUAGE);

/**
 * Walks the features of a text: each word (a letter, then letters and apostrophes, 2 to 25
 * characters, trailing apostrophes dropped) unless it is a stop word, and each pair of
 * neighbouring words as "first second". `visit` gets the feature's hash, and its text only when
 * asked for: one walk serves training (strings) and scoring (hash lookups, no substrings made).
 */
function walk(folded: string, withText: boolean, visit: (hash: number, feature: string) => void) {
  const text = folded.length > MAX_CHARS ? folded.slice(0, MAX_CHARS) : folded;
  const n = text.length;
  let prevState = -1;
  let prevWord = '';
  for (let i = 0; i < n; ) {
    if (!isLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && j - i < 25) {
      const c = text.charCodeAt(j);
      if (!isLetter(c) && c !== APOSTROPHE) break;
      j++;
    }
    if (j - i < 2) {
      i++;
      continue;
    }
    let end = j;
    while (end > i && text.charCodeAt(end - 1) === APOSTROPHE) end--;
    const h = fnv(FNV_OFFSET, text, i, end);
    if (NOT_LANGUAGE_HASHES.has(h)) {
      prevState = -1;
    } else {
      const word = withText ? text.slice(i, end) : '';
      if (!STOP_HASHES.has(h)) visit(h, word);
      if (prevState !== -1)
        visit(fnv(fnv(prevState, ' ', 0, 1), text, i, end), withText ? `${prevWord} ${word}` : '');
      prevState = h;
      prevWord = word;
    }
    i = j;
  }
}

/** The features as strings (training, and the words an assessment quotes). */
export function featuresOf(folded: string): Set<string> {
  const out = new Set<string>();
  walk(folded, true, (_hash, feature) => out.add(feature));
  return out;
}

/** The features as hashes (scoring): the same walk, no strings made. */
export function featureHashesOf(folded: string, visit: (hash: number) => void): void {
  walk(folded, false, visit);
}
