/** A personal number or address offered in the body: an out-of-band pivot away from the channel used. */
import { anyOf } from '../match.ts';
import { phraseRule } from '../phrase-rule.ts';

export const outOfBandContact = phraseRule({
  id: 'lure.out-of-band-contact',
  kind: 'content',
  reason: 'offers a personal number or address to continue elsewhere',
  form: 'plain',
  // No trailing word boundary: the number may start with '+' or '('.
  pattern: anyOf([
    "\\b(?:my|here'?s my|here is my|this is my) (?:personal |private |own )?(?:number|mobile|mob|cell|phone|whatsapp|email)(?: is| -|:)? ?(?=[+(\\d]|[a-z0-9._-]+@)",
    '\\b(?:text|call|ring|whatsapp|message) me (?:on|at) (?=[+(\\d])',
    '\\b(?:email|write to|contact|reach) me (?:at|on) (?=[a-z0-9._-]+@)',
  ]),
  weights: [0.08],
  when: (view) => !view.isChat,
});
