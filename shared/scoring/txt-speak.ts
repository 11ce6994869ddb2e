/**
 * Text-speak written out, so one vocabulary reads "ur constituents would love to see what u
 * sent" and "your constituents would love to see what you sent" alike. Whole words only, and
 * only abbreviations that mean nothing else in a message to a politician.
 */
export const TXT_SPEAK: Readonly<Record<string, string>> = {
  u: 'you',
  ya: 'you',
  ur: 'your',
  r: 'are',
  abt: 'about',
  bc: 'because',
  cos: 'because',
  coz: 'because',
  cuz: 'because',
  pls: 'please',
  plz: 'please',
  msg: 'message',
  tho: 'though',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  '2moro': 'tomorrow',
  '2morrow': 'tomorrow',
  tonite: 'tonight',
  '2nite': 'tonight',
  b4: 'before',
  gr8: 'great',
  ppl: 'people',
  wud: 'would',
  cud: 'could',
  shud: 'should',
  wiv: 'with',
  luv: 'love',
  gonna: 'going to',
  wanna: 'want to',
  nite: 'night',
  txt: 'text',
  pic: 'picture',
  pics: 'pictures',
  v: 'very',
};
// A key as a whole run of word characters (what `\b…\b` finds, fast); the exact test, below,
// then reads one character either side. Lookarounds run at every position made this the
// slowest pass over a long message.
const TXT_RUN = new RegExp(`\\b(?:${Object.keys(TXT_SPEAK).join('|')})\\b`, 'g');
const isWordCode = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95;

/**
 * Not written out when glued to an address or a path: "u@x.example", "/r/", "v.2", "ya-", a
 * key before "'" ("u're") or after "'" or "." ("st.v"); ".u" before a word character too.
 */
function standsAlone(text: string, at: number, end: number): boolean {
  const before = text.charCodeAt(at - 1); // NaN at the start
  if (before === 39 || before === 64 || before === 46 || before === 47 || before === 45) return false;
  const after = text.charCodeAt(end);
  if (after === 39 || after === 64 || after === 47 || after === 45) return false;
  return !(after === 46 && isWordCode(text.charCodeAt(end + 1)));
}

/** `edits`, when given, receives [start, end, length written] for each word written out. */
export function expandTxtSpeak(text: string, edits?: number[]): string {
  TXT_RUN.lastIndex = 0;
  if (!TXT_RUN.test(text)) return text;
  TXT_RUN.lastIndex = 0;
  return text.replace(TXT_RUN, (w: string, at: number) => {
    if (!standsAlone(text, at, at + w.length)) return w;
    const full = TXT_SPEAK[w] ?? w;
    if (edits && full !== w) edits.push(at, at + w.length, full.length);
    return full;
  });
}
