/**
 * Context: the two people plainly know each other. The target's own replies recognise the
 * sender ("of course I remember", "love you"), or the phone saved them with a heart. Replies
 * are only ever used this way, to discount, never as evidence against the sender.
 */
import { distinct, quote, unindexed, wordsSource } from '../match.ts';
import type { Rule } from '../rule.ts';

// Only ever reads the target's replies, usually short: a plain regex pass is cheaper than a scan.
// Not "yes, I remember": a target politely placing a claimed meeting is what a lure counts on.
const RECOGNISES = unindexed(
  new RegExp(
    wordsSource([
      '(?:i )?(?:love|miss) you',
      '(?:great|lovely|so good|brilliant|wonderful|fantastic) to hear from you',
      "it'?s been (?:ages|years|too long|forever)",
      'how (?:is|are) [a-z]+ (?:getting on|doing)',
      'give my love',
      'see you (?:tonight|at home|later|soon) (?:love|x)',
    ]),
    'g',
  ),
);

export const establishedRelationship: Rule = {
  id: 'context.established-relationship',
  kind: 'context',
  dampens: ['content'],
  reason: 'the conversation is between people who plainly know each other',
  evaluate(view) {
    const cues = distinct(view.targetText.folded, RECOGNISES, 2);
    const saved = view.savedAs === 'intimate';
    if (cues.length === 0 && !saved) return undefined;
    const evidence = [
      saved ? 'contact saved with a heart' : '',
      cues.length ? `target replies ${cues.map(quote).join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    const weight = 1 - (saved ? 0.5 : 1) * (cues.length ? 0.45 : 1);
    return { weight: Math.round(weight * 100) / 100, evidence };
  },
};
