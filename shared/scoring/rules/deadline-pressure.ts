/** Time pressure: deadlines and expiry threats. Journalists have deadlines too, so it weighs little. */
import { words } from '../match.ts';
import { phraseRule } from '../phrase-rule.ts';

export const deadlinePressure = phraseRule({
  id: 'lure.deadline',
  kind: 'content',
  reason: 'puts you under time pressure',
  form: 'plain',
  pattern: words([
    "(?:you have|you'?ve got) (?:until|till|\\d+ (?:hours?|days?|minutes?))",
    '(?:by|before|until|till) (?:mon|tues|wednes|thurs|fri|satur|sun)day',
    '(?:by|before) (?:tonight|midnight|end of (?:the )?day|close of play)',
    'within (?:\\d+ ?|twenty[- ]four |forty[- ]eight |an? )(?:hours?|hrs?|h|minutes?|mins|days?|working days)',
    '(?:by|before) \\d{1,2}(?:[:.]\\d{2})? ?(?:am|pm)(?: (?:today|tomorrow|tonight))?',
    '(?:in the )?next (?:\\d+|couple of|few) (?:minutes|mins|hours|hrs)',
    'or (?:it|access|your account) (?:will )?(?:expires?|be (?:paused|suspended|locked|closed|deleted))',
    'expires? (?:in|today|soon|shortly)',
    '(?:only|last|final) (?:warning|chance|reminder)',
    'urgent(?:ly)?',
    'asap',
    'immediately',
    'right now',
    'time is running out',
    'clock is ticking',
    'tick[- ]?tock',
    "(?:i'?ll|i will) give you (?:until|till|\\d+|a (?:day|week))",
  ]),
  weights: [0.12, 0.18],
});
