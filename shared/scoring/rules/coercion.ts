/**
 * Sextortion by its shape rather than its phrases: something compromising ("the pictures",
 * "what you sent", "our little secret"), a condition ("or", "unless", "do that and it all goes
 * away") and either an audience (a spouse, HR, the editor, the kids' school) or a demand (a sum,
 * crypto, gift cards, a vote, a document, a question in the House). Extortionists word each
 * part a hundred ways; all three together in one message are the threat.
 */
import { firstMatch, nearPair, quote, words, wordsAndSums } from '../match.ts';
import type { Rule } from '../rule.ts';

const MATERIAL = words([
  '(?:the|those|these|your|my|our|all the|all your|some) (?:photos?|pictures?|pics|images?|videos?|screenshots?|recordings?|footage|nudes|messages|chats?|texts)',
  'the video',
  'what you sent',
  'everything you (?:sent|said|did)',
  '(?:our|your) (?:little )?secret',
  'i have a file',
  'this thread',
  'sweet things you said',
  'what (?:you|they) get up to',
  "what you(?:'ve| have)? been doing",
  // "I know about Friday night": the night itself as the thing held.
  '(?:i|we) know (?:all )?about (?:(?:last|that|the other|friday|saturday|sunday|monday|tuesday|wednesday|thursday) night|what (?:you did|happened)|you and [a-z]+|the [a-z]+ (?:night|weekend|trip))',
]);
const CONDITION = words([
  'or (?:she|he|they|your|the|everyone|i|it|hr|we)',
  'unless',
  'otherwise',
  'if no (?:payment|reply|response|money|answer)',
  '(?:and|then) (?:this|it|everything|the [a-z]+) stays? (?:buried|hidden|quiet|secret|private|between us|deleted)',
  'or else',
  "if (?:you|i) (?:don'?t|do not|haven'?t)",
  '(?:and|then) (?:it all|everything|this|they|the [a-z]+) (?:goes away|go away|disappears?|is deleted|are deleted|gets deleted)',
  'and we forget',
  'do (?:that|this|it) and',
  'hold off if',
  "(?:i'?ll|i will) (?:keep|forget)",
  "let'?s agree",
  'think about (?:that|it|your)',
]);
const AUDIENCE = words([
  '(?:your|ur) (?:wife|husband|partner|spouse|kids|children|family|mum|dad|parents|boss|agent|editor|chair(?:man)?|association|party|constituents|whips?|office|staff|colleagues|employer|contacts|followers|seat)',
  "your (?:wife|husband|partner)'s",
  'hr',
  'the (?:press|papers|tabloids|whips|media|public)',
  '(?:three |two |some |several )?journalists',
  '(?:a |the )?newspapers?',
  'everyone (?:in|on) your',
  "(?:your )?kids'? school",
  "parents'? (?:whatsapp|group)",
  'facebook',
  '(?:tiktok|twitter|instagram|youtube|reddit)',
  '(?:your )?constituency (?:page|group|website|facebook)',
  "(?:your )?party'?s? (?:disciplinary|whips|chair|compliance)",
]);
const DEMAND = wordsAndSums(
  [
    '\\d+(?:\\.\\d+)? ?(?:btc|bitcoin|eth|usdt)',
    'bitcoin',
    'crypto',
    'gift ?cards?',
    'steam cards?',
    'vouchers',
    '(?:agree|name) a (?:number|price|sum)',
    'pay (?:what|me|up|now)',
    'vote (?:against|for|no|yes)',
    'ask (?:one|a) question',
    "(?:the )?committee'?s? (?:draft|report)",
    'where the minister will be',
    'publish a correction',
    'table (?:the|an|this|my|our) (?:amendment|question|motion)',
    'talk about (?:a|the) (?:number|price|figure|sum)',
  ],
  // The whole amount: the pattern ends at a word boundary, so "£2500" must be read to its end.
  ['(?:\\u00a3|\\$)\\s?\\d[\\d,.]*k?'],
);

export const coercion: Rule = {
  id: 'sextortion.coercion',
  category: 'sextortion',
  kind: 'threat',
  reason: 'holds something compromising over you, with a condition and a demand or an audience',
  evaluate(view) {
    const text = view.text.folded;
    // The condition belongs to the material: within a couple of sentences of it.
    const held = nearPair(text, MATERIAL, CONDITION, 160, 160);
    const material = held?.anchor ?? firstMatch(text, MATERIAL)?.[0];
    if (!material) return undefined;
    const audience = firstMatch(text, AUDIENCE)?.[0];
    const demand = firstMatch(text, DEMAND)?.[0];
    const parts = [material, held?.near, audience, demand].filter((m): m is string => m !== undefined);
    if (held && (audience || demand)) return { weight: 0.45, evidence: parts.map(quote).join(' … ') };
    if (audience && demand) return { weight: 0.35, evidence: parts.map(quote).join(' … ') };
    return undefined;
  },
};
