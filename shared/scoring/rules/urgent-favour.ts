/**
 * The boss's urgent, quiet favour (CEO fraud): "are you at your desk?", "stuck in a meeting,
 * can't talk", "reply here, not to my usual number", gift cards and photos of their codes.
 * Each alone is ordinary office life; together they are the fraud.
 */
import { words } from '../match.ts';
import { phraseRule } from '../phrase-rule.ts';

export const urgentFavour = phraseRule({
  id: 'spearphish.urgent-favour',
  category: 'spearphish',
  kind: 'payload',
  reason: "asks for an urgent, quiet favour from someone who can't be reached (CEO fraud)",
  pattern: words([
    'are you (?:at your desk|around|free|available|in the office)',
    '(?:need|quick|small|urgent) (?:a )?(?:small |quick |urgent )?favour',
    '(?:stuck|tied up|sat) in (?:a |the )?(?:meeting|meetings|committee)',
    "can'?t (?:talk|call|speak|step out)",
    "sent from (?:my|the [a-z]+'?s?) (?:iphone|ipad)",
    'reply (?:here|to this)(?: only)?,? not (?:to )?my (?:usual|normal|work)',
    'gift ?cards?',
    '(?:photos?|pictures?|screenshots?) of the (?:codes|cards|backs)',
    'scratch (?:off )?the backs?',
  ]),
  weights: [0.12, 0.3, 0.45],
});
