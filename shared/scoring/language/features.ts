/**
 * What the language model reads: the words of the sender's normalised text (the folded form the
 * rules read, so evasion tricks are already undone) and the pairs of neighbouring words, each
 * counted once per message. Short, stable, and the same at training and at scoring time.
 */
const WORD = /[a-z][a-z']{1,24}/g;
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
const MAX_CHARS = 8_000;

export function featuresOf(folded: string): Set<string> {
  const text = folded.length > MAX_CHARS ? folded.slice(0, MAX_CHARS) : folded;
  const out = new Set<string>();
  let previous: string | undefined;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const w = m[0].replace(/'+$/, '');
    if (NOT_LANGUAGE.has(w)) {
      previous = undefined;
      continue;
    }
    if (!STOP.has(w)) out.add(w);
    if (previous) out.add(`${previous} ${w}`);
    previous = w;
  }
  WORD.lastIndex = 0;
  return out;
}
