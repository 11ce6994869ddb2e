/**
 * An invitation to somewhere private: a hotel room by number, "my flat, Saturday, 8pm", "come
 * alone", "the door's on the latch", "I'll bring it round to your flat". Stronger
 * than "fancy a coffee": it is where a compromising picture or recording gets made.
 */
import { words } from '../match.ts';
import { phraseRule } from '../phrase-rule.ts';

const DAY = '(?:mon|tues|wednes|thurs|fri|satur|sun)day|tonight|tomorrow|this evening|later';

export const privateVenue = phraseRule({
  id: 'honeytrap.private-venue',
  category: 'honeytrap',
  kind: 'content',
  reason: 'invites you somewhere private: a hotel room, a flat, alone',
  pattern: words([
    "(?:i'?m|i am) (?:in|at) (?:room )?\\d{2,4}",
    // A room by number, but not the estate's own ("Committee Room 14").
    '(?<!(?:committee|meeting|conference|board|seminar|function|interview|briefing|reading|waiting|grand|jubilee) )room \\d{2,4}',
    '(?:my|our) (?:hotel )?room (?:tonight|number|is|at)',
    '(?:come|came|pop|nip) (?:up )?(?:to|round to|over to) my (?:hotel|room|suite|flat|place|apartment)',
    `my (?:flat|place|apartment),? (?:${DAY})`,
    'come alone',
    '(?:booked|got|have) (?:a|the|us a) (?:hotel )?room (?:at|in|for|near|on)',
    "door'?s (?:on the latch|unlocked)",
    '(?:bring|drop) (?:it|them) (?:round |over )?to (?:your (?:flat|house|place|home)|yours)',
    '(?:private|quiet|discreet|secluded) (?:little )?(?:place|spot|restaurant|bar|club|room|corner) (?:where|in|near|off)',
    '(?:where|so) no ?one (?:bothers|sees|recogni[sz]es|knows|disturbs)',
    '(?:nobody|no ?one|no-one) (?:from|in|at) (?:westminster|parliament|the house|the commons|the office|work) (?:goes|drinks|goes to|will see|would see|ever goes)',
    // A hotel at a conference: the room, the lobby, who comes up to whom.
    '(?:up )?to your (?:hotel )?room',
    '(?:what|which) (?:room )?(?:number|room) (?:are|r) (?:you|u) in',
    "(?:i'?m|im|i am) (?:in|at|down in) the (?:hotel )?(?:lobby|foyer|reception)",
    '(?:you|u) come (?:down|up) or (?:i|shall i|should i) come (?:up|down)',
    "(?:come|pop) (?:and|&) (?:get|collect) (?:it|them)[^.?!]{0,20}(?:i'?m|im) (?:at|in)",
  ]),
  weights: [0.2, 0.3],
});
