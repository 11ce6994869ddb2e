/**
 * A claimed earlier meeting at a political event or Westminster venue: the opening move of the
 * honey trap, because the target meets hundreds of people there and cannot check. Needs both a
 * "we met / it's X from the…" phrase and a venue or occasion close to it.
 */
import { nearPair, quote, words } from '../match.ts';
import type { Rule } from '../rule.ts';
import { VENUE_OR_EVENT } from '../vocab.ts';

const ENCOUNTER = words([
  'we(?: first| sort of| kind of| briefly| only briefly| properly| actually| did)? met',
  'we were (?:very |only |briefly |quickly )*introduced',
  '(?:i )?(?:saw|heard|watched) (?:you|your) (?:speak|talk|speech|panel|speaking|talking|presentation|present|on the panel)',
  // "the girl from the Sports and Social", "a reminder of who I am from the Portcullis House thing"
  '(?:the|that) (?:girl|guy|woman|man|lady|blonde|brunette|redhead|one) (?:from|at)(?: the)?',
  'who i am (?:from|at)(?: the)?',
  // "you won't place me - the embassy garden party": the not-remembering names the place.
  '(?:remember|place|recogni[sz]e|recall) me[^a-z]{1,6}(?:from |at )?(?:the )?',
  'you were (?:mobbed|surrounded|swamped|so busy|busy|rushed off)',
  '(?:i|we) (?:was|were) (?:both )?(?:at|in) (?:the same|that|the) ',
  'you (?:might|may|probably|will) remember me (?:as|from)',
  '(?:caught|catching) your eye',
  '(?:the|that) (?:one|girl|guy|woman|man|lady) (?:who|with the|in the)',
  '(?:introduced|introduction) (?:by|through|via) ',
  '(?:your|the) (?:talk|speech|panel|session) (?:at|during|on)',
  "we'?ve met",
  '(?:i|we) met you',
  'meeting you',
  'met each other',
  'we (?:were|got) (?:chatting|talking|speaking|introduced)',
  'got chatting',
  'we (?:chatted|spoke|talked|danced)',
  '(?:you|we) were (?:sat|stood|standing|sitting|squashed|squeezed|dancing|both)',
  'i was (?:the one|the (?:girl|guy|woman|man|lady|blonde|brunette|redhead)|sat|stood|next to you|with you|behind you)',
  "(?:it'?s|its|it is|this is) [a-z]+(?: [a-z]+)?[^a-z]{1,8}(?:from|at)(?: the)?",
  '(?:owe|owed|owes) (?:me|you) a (?:drink|coffee|pint|shirt|dance|dinner)',
  'remember me (?:from|at)',
  // "Remember me? Lily from the Red Lion": a name straight after the question.
  "remember me[?!. ]{1,4}(?:it'?s |its )?[a-z]+ (?:from|at)(?: the)?",
  '(?:lovely|great|good|nice|so nice|a (?:[a-z]+ )?pleasure|fun|brilliant|a treat) (?:to )?(?:meet|meeting|see|seeing|chat|chatting|talk|talking|bump(?:ing)? into)(?: with)? you',
  '(?:seated|sat|sitting|standing|stood) (?:near|next to|beside|opposite|across from|close to) (?:one another|each other|you)',
  '(?:seated|sat) together',
  "(?:it'?s|this is) [a-z]+[^.?!\\n]{0,24} from the",
  '(?:talked|spoke|chatted|danced) (?:to|with) me (?:at|in|on|during)',
  '(?:funny|nice|lovely|good|great) (?:seeing|to see|bumping into) you',
  '(?:owe|owed) (?:me|you) (?:a|that|the) (?:drink|coffee|pint|dinner|dance)',
  'put a face to the name',
  '(?:since|after) (?:the )?(?:drinks|dinner|lunch|reception|party) at',
  'you (?:gave me|drew|wrote|left) (?:a|the|that|this) [a-z ]{1,20}(?:at|in) the',
  'you were (?:really |so |very )?(?:charming|lovely|sweet|kind|funny)',
  'that (?:night|evening) (?:at|in)',
  '(?:you said|you told me) (?:to )?(?:text|message|call|ring|email|get in touch)',
  'i was (?:on|at) your (?:left|right|table)',
  'here,? from(?: the)?',
  'you (?:gave|handed|passed) me (?:this|your) (?:number|card|details)',
  '(?:^|[.!?] )met (?:you )?(?:at|in|during|on)',
  'again,? (?:from|at)(?: the)?',
  '(?:meaning|wanted|wanting|hoping|trying|been meaning) to (?:write|message|text|get in touch|reach out|email|say hi|contact you)[a-z ]{0,25}since (?:the|that)',
  'ever since (?:the|that|we)',
  'bumped into (?:each other|you)',
  '(?:sat|stood|were) next to (?:each other|you)',
  'shared a (?:table|taxi|cab|lift|drink|bottle|umbrella)',
  '(?:you|we) (?:swapped|exchanged) (?:numbers|cards|details)',
  'you (?:told|asked) me to (?:message|text|email|get in touch|call|contact|look you up)',
  'you said to (?:message|text|email|get in touch|call|contact|look you up)',
  'you promised (?:me )?',
  'you bought me a',
  "(?:do|did|don'?t|didn'?t) you remember me",
  'we had (?:a|such a|the) (?:great |lovely |good |nice |fun |long )?(?:chat|time|night|conversation|laugh)',
  'our (?:chat|conversation|talk|dance)',
  'the other night',
]);

export const claimedMeeting: Rule = {
  id: 'honeytrap.claimed-meeting',
  category: 'honeytrap',
  kind: 'content',
  reason: 'claims to have met you at a political event or Westminster venue',
  evaluate(view) {
    const pair = nearPair(view.text.folded, ENCOUNTER, VENUE_OR_EVENT, 120, 60);
    if (!pair) return undefined;
    return { weight: 0.25, evidence: `${quote(pair.anchor)} near ${quote(pair.near)}` };
  },
};
