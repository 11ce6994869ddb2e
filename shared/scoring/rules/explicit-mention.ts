/** Mentions of explicit imagery (by the sender, or in the reporter's description of what arrived). */
import { words } from '../match.ts';
import { phraseRule } from '../phrase-rule.ts';

export const explicitMention = phraseRule({
  id: 'honeytrap.explicit-image',
  category: 'honeytrap',
  kind: 'content',
  reason: 'involves explicit images',
  pattern: words([
    'nudes?',
    'naked',
    'topless',
    '(?:explicit|intimate|sexy|racy|dirty|private|naughty) (?:photos?|pictures?|pics|images?|selfies?|videos?|snaps?)',
    '(?:in|wearing) (?:underwear|lingerie|a bikini|her bra|his boxers)',
    'underwear',
    'lingerie',
    'dick pics?',
    'sext(?:ing|s)?',
  ]),
  weights: [0.22],
});
