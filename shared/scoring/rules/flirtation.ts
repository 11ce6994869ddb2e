/**
 * Flattery and flirtation. Each cue alone is ordinary between partners and friends (the context
 * rules discount it there); from an unknown contact several together are the lure's tone.
 */
import { anyOfSource, register, wordsSource } from '../match.ts';
import { phraseRule } from '../phrase-rule.ts';

const CUES = anyOfSource([
  wordsSource([
    "(?:you'?re|you are|you were|you look(?:ed)?|you seemed|so) (?:so |really |very |such a |a )?(?:sweet|cute|gorgeous|handsome|hot|sexy|charming|adorable|fit|stunning|beautiful|dreamy|lovely about it|sweetheart|charmer|flirt)",
    'you look(?:ed)? (?:so |really )?(?:good|great|amazing|gorgeous|tired)',
    "(?:can'?t|cannot|couldn'?t) stop thinking about (?:you|our|that|it|last|the)",
    'thinking (?:of|about) you',
    '(?:we|i) (?:really )?clicked',
    '(?:was there|there was|felt) a (?:moment|spark|connection)',
    'chemistry',
    '(?:a|had a|the) vibe',
    'miss(?:ed)? you',
    '(?:just )?the two of us',
    'somewhere (?:quieter|private|more private|quiet|cosier)',
    "what you'?re missing",
    'what you missed',
    '(?:see|show you) more',
    'make (?:it|this) up to me',
    'i forgive you',
    'your turn',
    'naughty',
    'behave',
    'tipsy',
    "(?:can'?t|couldn'?t) sleep",
    'in bed',
    'come (?:over|round)',
    'kiss(?:es)?',
    'babe|baby|darling|hun|honey|sweetheart|gorgeous|handsome|sexy',
    '(?:hey|hi|hello|hiya) (?:you|stranger|handsome|gorgeous|trouble)',
    '(?:even )?(?:better|more) (?:looking|gorgeous|handsome|attractive|charming) in (?:person|real life)',
    'good[- ]looking',
    "(?:you|u) (?:have|'ve got|had) (?:a|such a|the) (?:lovely|great|nice|gorgeous|beautiful|amazing|killer|cheeky) (?:smile|voice|laugh|eyes)",
    '(?:made|make|making) my (?:night|evening|day|week)',
    'i (?:fancy|fancied|have a (?:little )?crush on) you',
    '(?:crush|crushing) on (?:you|u)',
    "(?:can'?t|couldn'?t|cannot) (?:get|stop) you out of my head",
    "(?:you(?:'ve| have)? been|you're|you are) on my mind",
    '(?:dream|dreamt|dreamed) (?:about|of) you',
    "(?:you'?re|you are|you were) (?:even |so |really |very |far )?(?:more )?(?:attractive|charming|captivating|intriguing|magnetic|fascinating|irresistible)",
    '(?:get to )?know you (?:better|more|properly)',
    '(?:spend|spending) (?:more |some )?time (?:with you|together|alone)',
    "(?:you'?re|you are) trouble",
    '(?:a|our|dinner|proper) date',
    'take you (?:out|for (?:a )?(?:drink|dinner))',
    "(?:couldn'?t|can'?t|could not|cannot) take my eyes off",
    'your (?:smile|eyes|laugh|voice)',
    "i (?:haven'?t|have not|couldn'?t|can'?t) forgot(?:ten)? you",
    'buy you a (?:drink|coffee|dinner|glass|nightcap)',
    'somewhere (?:discreet|nobody knows us|no one knows us)',
    'flirt(?:y|ing)?',
    '(?:the )?(?:funniest|most charming|best looking|cutest|nicest|most interesting|smartest) (?:man|woman|person|guy|girl|one) (?:in|at|there)',
    'xx+',
  ]),
  '(?<=\\s|^)x(?=\\s|$|[.!?])',
  // Hearts and a kiss, apart: the prefilter anchors classes of up to 16 characters.
  '[\\u2764\\u{1f495}\\u{1f496}\\u{1f61a}]',
  '[\\u{1f618}\\u{1f609}\\u{1f607}\\u{1f60d}\\u{1f970}\\u{1f60f}\\u{1f48b}\\u{1f525}\\u{1f377}\\u{1f608}\\u{1fae6}\\u{1f61c}\\u{1f63b}\\u{1f498}]',
]);

export const flirtation = phraseRule({
  id: 'honeytrap.flirtation',
  category: 'honeytrap',
  kind: 'content',
  reason: 'flatters or flirts',
  pattern: register(new RegExp(CUES, 'gu')),
  weights: [0.08, 0.16, 0.24, 0.3],
});
