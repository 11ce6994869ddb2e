/**
 * Text-speak written out, so one vocabulary reads "ur constituents would love to see what u
 * sent" and "your constituents would love to see what you sent" alike. Whole words only, and
 * only abbreviations that mean nothing else in a message to a politician.
 */
const TXT: Record<string, string> = {
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
const TXT_WORD = new RegExp(`(?<![\\w'@./-])(?:${Object.keys(TXT).join('|')})(?![\\w'@/-]|\\.\\w)`, 'g');
// A cheap first look (word boundaries only); the exact test runs only where it finds something.
const ANY_TXT = new RegExp(`\\b(?:${Object.keys(TXT).join('|')})\\b`);

export function expandTxtSpeak(text: string): string {
  return ANY_TXT.test(text) ? text.replace(TXT_WORD, (w) => TXT[w] ?? w) : text;
}
