/** Pressing for an in-person meeting, usually over drinks. Weak alone; part of the pattern. */
import { words } from '../match.ts';
import { phraseRule } from '../phrase-rule.ts';

export const meetingRequest = phraseRule({
  id: 'honeytrap.meeting-request',
  category: 'honeytrap',
  kind: 'content',
  reason: 'presses to meet up, usually for a drink',
  pattern: words([
    'fancy (?:a|another|grabbing a|getting a|meeting|finishing) (?:drink|coffee|pint|bite|dinner|catch ?up|up|the conversation)',
    '(?:grab|get|have|go for) (?:a|another) (?:drink|coffee|pint|bite|dinner|nightcap)',
    '(?:meet|catch) up (?:properly|sometime|soon|again|this week|next week|for a drink)',
    '(?:see|meet) you (?:again|properly|in person)',
    '(?:are you|you) (?:around|free|in) (?:next|this|on|tomorrow|tonight|later)',
    "(?:i'?ll|i will|i'?m|i am) (?:be )?(?:in|at|around|down) [a-z' ]{0,20}(?:on|next|this|most|every) (?:mon|tues|wednes|thurs|fri|satur|sun|week|weeks)",
    'say hi properly',
    '(?:could|can|shall|should) we (?:meet|grab|get|have) (?:up|a|for|somewhere|sometime|next|this)',
    "(?:i'?d|i would) (?:love|like) to (?:meet|buy you|take you|see you|hear more)",
    'buy you a (?:drink|coffee|dinner|glass|nightcap)',
    'finish(?:ing)? (?:the|our) conversation',
    'come (?:and|to) say hi',
    'drink (?:next|this) week',
    'carry on (?:our|the) chat',
    'make it up to me',
    'a drink (?:sometime|some time|soon)',
    'over (?:a )?(?:quiet|private|discreet|little|cosy|cozy) (?:drink|dinner|coffee|lunch|meal|glass)',
    '(?:dinner|drinks?|lunch|coffee),? (?:is )?(?:my treat|on me)',
    '(?:continue|carry on|pick up) (?:the|our) (?:conversation|chat) (?:privately|in private|over)',
    'what (?:are|r) (?:you|u) (?:up to|doing) (?:this|at the|on the) (?:weekend|evening|friday|saturday)',
    '(?:promised|owe|owes) me a (?:tour|drink|dinner|coffee|dance)',
  ]),
  weights: [0.1],
});
