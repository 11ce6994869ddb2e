/**
 * Sextortion: a threat to show messages, images or a recording to a spouse, family, the party,
 * the whips, colleagues or the press. Needs the disclosure, the audience next to it, and either
 * a threatening condition ("unless", "it would be a shame if") or the compromising material.
 */
import { firstMatch, nearPair, quote, words } from '../match.ts';
import type { Rule } from '../rule.ts';

const DISCLOSE = words([
  "(?:will|would|could|might|'ll|'d|are going to|is going to|gonna) (?:go|be sent|be shared|be posted|end up|land|get sent|find (?:its|their) way|be forwarded|be leaked|be published)",
  'goe?s? (?:to|out to|public|viral|online)',
  'go public',
  'go(?:es)? (?:on|onto|up on|out on|round|around)',
  '(?:be |get |gets |been )?uploaded (?:to|on|onto)',
  '(?:going|goes|gone|went) round',
  '(?:press|hit|pressing|hitting) send',
  '(?:get|gets|getting|be|being) (?:sent|shared|posted|leaked|forwarded|published|passed)',
  '(?:send|share|post|publish|leak|release|forward|show|circulate|upload)(?:ing|ed)? (?:it|them|these|those|this|everything|copies|(?:the |your |our |those |these )?(?:photos?|pictures?|pics|images?|screenshots?|messages|chats?|videos?|recordings?|copies|nudes)) (?:to|with|out|round|around|online|everywhere|on)',
  "(?:i'?ll|i will|we'?ll|we will|i could|i might|i can|going to|gonna) (?:tell|inform|contact|message|call|email|show|send (?:it|them|this) to|go to)",
  '(?:saw|see|seeing|sees|find out|found out|hear about|know about|get hold of|read) (?:you|what you|this|these|them|it|the|about)',
  'copies (?:will|would|could|go|going)',
  '(?:has|have|had) (?:already )?(?:expressed|shown|registered) (?:an )?interest',
  '(?:would|will|might|could) (?:find (?:them|it|this|these|that) (?:interesting|fascinating|revealing)|love to see|be (?:very |really )?interested (?:in|to see))',
  '(?:would|will|might|could) find [a-z ]{1,30}(?:interesting|fascinating|revealing|illuminating|enlightening)',
  '(?:prefer|rather) [a-z ]{1,70}not (?:to )?(?:receive|see|know|hear|find out)',
  '(?:send|share|show|forward|leak|post|publish|pass)(?:ing|ed)? (?:your|our|the|those|these|that|my) (?:[a-z]+ ){0,4}(?:to|with) (?:the|your|his|her|everyone|all)',
  '(?:sees?|seeing|saw) everything',
  '(?:gets?|getting|receives?|receiving) (?:a copy|copies|them|these|those|the lot|everything|the (?:photos?|pictures?|video|messages|screenshots))',
  'deserves? to (?:know|see|hear)',
  "(?:'d|would|will|might|could) be (?:very |really |so )?interested (?:in|to see|to know|to hear)",
  '(?:reach|reaches|reaching|end up with|ends up with|ended up) (?:the|your|somewhere)',
  'next on the list',
  'found out what',
  'imagine [a-z ]{0,40}(?:seeing|reading|finding out|hearing|knowing)',
]);
const AUDIENCE = words([
  '(?:your|ur) (?:wife|husband|partner|spouse|girlfriend|boyfriend|family|kids|children|mum|mother|dad|father|parents|boss|mp|whips?|chief whip|party|local party|constituents|colleagues|office|staff|team|friends|employer|editor|agent|association|chair|followers)',
  'the (?:whips?|press|papers|newspapers|media|tabloids|party|public|internet|speaker|standards commissioner)',
  // A newspaper by its name: "it goes to the Chronicle".
  'the (?:[a-z]+ )?(?:chronicle|times|telegraph|guardian|sun|mirror|mail|express|standard|gazette|herald|echo|post|observer|independent|courier|argus|advertiser)',
  '(?:a|three|two|several|some|the) (?:[a-z]+ )?(?:newspapers?|journalists?|reporters?|tabloids?|editors?)',
  'your constituents',
  "[a-z]+'s (?:wife|husband|partner|family|constituents|voters|party|whips?|colleagues|office|staff|boss|editor|association)",
  'newspapers?',
  'tabloids?',
  'social media',
  '(?:all )?your (?:contacts|followers|friends list)',
  'everyone (?:on|in) your (?:contact list|contacts|phone|address book|friends list)',
  'everyone you know',
  'local party chair',
  'the chief whip',
  'your (?:agent|association chairman|association chair)',
  "(?:your )?(?:kids'?|children'?s?) school",
  "parents['’]? group",
  '(?:people|voters|residents|good people) (?:of|in) your constituency',
  '(?:local )?facebook groups?',
  "your (?:husband|wife|partner)'?s?",
  "your party'?s? (?:compliance|whips|chair|office)",
  '(?:every|each) (?:contact|person|one|name) (?:on|in) your (?:phone|contacts|address book|list|contact list)',
  'your (?:chief of staff|private secretary|researcher|caseworker|agent|whip)',
  '(?:your )?(?:constituency|local) (?:association|party|chair)',
  'party chair',
  '(?:your )?constituency (?:page|group|website|facebook(?: group)?|whatsapp)',
  'the (?:sun|mirror|daily mail|mail on sunday|daily star|express|telegraph|times|guardian|evening standard)',
  'guido(?: fawkes)?',
  '(?:the )?(?:local|national|regional) (?:paper|papers|press|news|rag)',
  '(?:tiktok|twitter|instagram|youtube|reddit)',
  'your (?:office manager|local association)',
  'whatsapp group with',
  '(?:your )?constituency office',
  '(?:your )?facebook (?:page|profile|friends|feed)',
  'your (?:page|profile|feed|timeline|instagram|twitter|tiktok)',
]);
const TONE = words([
  'unless',
  'or else',
  "or (?:the|your|i|i'?ll|we|they|copies|everything|everyone)",
  "if you (?:don'?t|do not|refuse|ignore|block|go to|report|tell|won'?t)",
  '(?:it )?would be (?:a|such a) (?:shame|pity)',
  "(?:i'?d|i would) hate (?:for|if)",
  "before (?:it'?s|it is) too late",
  '(?:only|last|final) (?:warning|chance)',
  'think about it',
  'be (?:a shame|awful|terrible|embarrassing) if',
  'people might (?:not )?(?:believe|think)',
  'imagine (?:if|what)',
  'your call',
  'up to you',
  'you know which ones',
  'how long do you think',
  '(?:price|fee|amount|sum) (?:doubles|goes up|increases|rises)',
  "i won'?t (?:remind|warn|ask) you again",
  'if no (?:payment|reply|response|money|answer)',
  '(?:this|it) can (?:be avoided|all go away|go away)',
  'now we talk',
  'waiting for me to (?:press|hit) send',
  'your career (?:will be|is|would be) (?:over|finished|done|ruined)',
]);
const MATERIAL = words([
  'what you sent(?: me)?',
  'screenshots?',
  'recordings?',
  'the (?:video|photos?|pictures?|pics|images?|messages|chats?|copies)',
  '(?:the )?(?:first |next )?clips?',
  'copies',
  'our (?:chats?|messages|conversations?)',
  'you chatting',
  'about (?:us|you and me|what you did|what happened)',
  'everything',
]);

/** The conditions that make a threat even without a disclosure verb (not a bare "or your"). */
const BARE_TONE = words([
  'unless',
  'or else',
  "if you (?:don'?t|do not|refuse|won'?t|ignore|fail to)",
  'otherwise',
  'before (?:it|this) goes',
]);

export const exposureThreat: Rule = {
  id: 'sextortion.exposure-threat',
  category: 'sextortion',
  kind: 'threat',
  reason: 'threatens to expose you to your family, party, colleagues or the press',
  evaluate(view) {
    const text = view.text.folded;
    const pair = nearPair(text, DISCLOSE, AUDIENCE, 80, 80);
    if (!pair) {
      // Said without a verb we list ("unless you pay, your wife…"): a condition right beside
      // the audience is still the threat, weighed a little less.
      const bare = nearPair(text, BARE_TONE, AUDIENCE, 80, 40);
      return bare ? { weight: 0.3, evidence: `${quote(bare.anchor)} … ${quote(bare.near)}` } : undefined;
    }
    const tone = firstMatch(text, TONE);
    if (tone)
      return { weight: 0.5, evidence: `${quote(pair.anchor)} … ${quote(pair.near)}, ${quote(tone[0])}` };
    const material = nearPair(text, DISCLOSE, MATERIAL, 80, 80);
    return material ? { weight: 0.35, evidence: `${quote(pair.anchor)} … ${quote(pair.near)}` } : undefined;
  },
};
