/**
 * The pretext wrapped around an explicit photo: "oops, wrong chat… or was it", "delete that",
 * "a reminder of what you missed", or asking for a photo back ("your turn").
 */
import { firstMatch, words } from '../match.ts';
import type { Rule } from '../rule.ts';

const PRETEXT = words([
  "(?:oops|whoops|oh god|oh no|sorry|argh)[^.?!]{0,20}(?:wrong (?:chat|person|number|one)|not (?:meant|supposed) (?:for|to)|didn'?t mean)",
  'wrong chat',
  "(?:wasn'?t|was not|not) (?:meant|supposed to be|intended) for you",
  'delete (?:that|this|it)(?: one)?(?: please)?',
  'not that one',
  'or was it',
  'maybe (?:that|it was) (?:one|for you)',
  '(?:jog|refresh) your memory',
  'reminder of what you',
  "what you'?re missing",
  '(?:send|show) me (?:one|a pic|a picture|a photo|a selfie|something)(?: back| too)?',
  '(?:send|swap) (?:me )?(?:one|pics|pictures|photos) back',
  'one back',
  "(?:not sure|don'?t know|wonder(?:ing)?) (?:if |whether )?(?:it|they|that) (?:went|came|got) through",
  '(?:did|have|has) (?:you|u) (?:get|got|see|seen|like|liked|receive|received|open|opened) my (?:pic|picture|photo|selfie|snap|video)s?',
  '(?:sent|send) (?:you|u) (?:a|my|that) (?:photo|pic|picture|selfie|snap)[^.?!]{0,30}(?:did|have) (?:you|u) (?:get|got|see|seen) it',
  '(?:replied|reply|respond(?:ed)?|answered) to my (?:photo|pic|picture|selfie|snap)',
  "(?:see|know) what i'?m wearing",
  'your turn',
  "we'?re even",
  '(?:see|want) (?:some )?more',
  'put a face to the name',
  '(?:pic|picture|photo|selfie)s? (?:just )?for you',
  '(?:just|only|specially) for (?:you|your eyes)',
  "(?:don'?t|do not) show (?:anyone|anybody)",
]);

export const imagePretext: Rule = {
  id: 'honeytrap.image-pretext',
  category: 'honeytrap',
  kind: 'content',
  reason: 'sends or asks for intimate photos under a pretext',
  evaluate(view) {
    const m = firstMatch(view.text.folded, PRETEXT);
    if (!m) return undefined;
    return { weight: view.images > 0 ? 0.3 : 0.16, evidence: `"${m[0]}"` };
  },
};
