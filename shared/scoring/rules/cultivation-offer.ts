/**
 * Cultivation: unsolicited offers of paid work, consultancy, trips or gifts to someone with
 * access. The classic recruitment approach of a hostile state, and a honey trap's sweetener.
 */
import { wordsAndSums } from '../match.ts';
import { phraseRule } from '../phrase-rule.ts';

export const cultivationOffer = phraseRule({
  id: 'lure.cultivation-offer',
  kind: 'content',
  reason: 'offers money, paid work, trips or gifts',
  pattern: wordsAndSums(
    [
      // A gift the register of interests is not to hear about.
      "(?:no need|don'?t need|no reason|not necessary) to (?:declare|register|record|mention|inform|tell|notify|report|involve|copy in|cc|loop in)(?: (?:it|this|them|that|anyone|your (?:party|office|whips?|staff|team|boss)|the (?:register|party|whips?|office|authorities)))+",
      // "A gift between friends, not for the register".
      "not (?:for|on|in) the register|off the register|(?:doesn'?t|does not|won'?t|needn'?t) (?:need to )?(?:go on|be (?:declared|registered))",
      '(?:policy|parliamentary|political|westminster|committee) insights?',
      // A day rate paid to someone: "pays consultants £900/day" (not a room's hourly hire).
      "(?:pays?|paid|paying|earns?|offering|offers?)[a-z' ]{0,30} (?:\\u00a3|\\$)\\s?\\d[\\d,]* ?/ ?(?:call|hour|session|day|month|meeting)",
      '(?:paid|well[- ]paid|lucrative|generous(?:ly)? (?:paid|remunerated)) (?:work|opportunity|consultancy|research|report|role|position|project|advisory|speaking|writing)',
      '(?:consultancy|advisory|consulting) (?:fee|role|work|opportunity|position|board)',
      '(?:fee|honorarium|retainer|stipend) of',
      '(?:all )?expenses (?:paid|covered)',
      '(?:travel|flights?|accommodation|expenses|costs|hotels?) (?:are |is |will be )?(?:all |fully )?(?:covered|paid for|met|taken care of)',
      '(?:flights?|travel|hotel|villa|accommodation|tickets?)(?: and| &|,) (?:the )?(?:villa|hotel|flights?|accommodation|tickets?|food|everything) (?:are |is |will be )?(?:all |fully )?(?:covered|paid for|taken care of|on me|on us)',
      'five[- ]star',
      'invitation[- ]only',
      'advisory (?:board|panel|council)',
      'worth your while',
      '(?:a )?little something (?:for you)?',
      '(?:keen|happy|willing|eager) to support (?:candidates|you|your|people like you)',
      '(?:very|extremely|most|incredibly) generous',
      'make (?:the|some) introductions',
      '(?:private |overseas |foreign )?(?:investors?|clients?|principals|sponsors) (?:[a-z ]{0,30})?(?:who|that) (?:would|will) (?:value|welcome|appreciate|like|love)',
      'informal (?:exchange of views|conversations?|chats?|arrangement|consultancy)',
      '(?:trip|flight|flights|hotel|visit) (?:to [a-z]+ )?(?:paid for|on us|covered|is on me|our treat)',
      'i represent (?:a|an|some) (?:client|investor|company|firm|organisation|group)',
      '(?:a|my) client (?:who )?(?:would|is) (?:like|keen|interested)',
      '(?:pick your brain|your insights?) (?:for|in return for|for a fee)',
      'small (?:gift|token|consideration)',
      '(?:make it|it would be) worth your while',
      '(?:a|my) (?:friend|colleague|contact|associate)(?: of mine)? (?:would (?:like|love)|wants|is keen|is (?:very )?interested) (?:to (?:meet|talk to|speak to|have a (?:chat|coffee) with) you|in (?:the|your|his|her) work)',
      'interested in the work (?:you|your|he|she|[a-z]+) (?:is|are|do)',
      'nothing sinister',
      '(?:would|will|could|happy to) pay (?:you )?(?:well|handsomely|generously|for your)',
      '(?:big|huge|great) admirer of your (?:work|career)',
    ],
    // A fee for a chat: "£500 per call".
    [
      '(?:\\u00a3|\\$)\\s?\\d[\\d,]* (?:per|a|an|for (?:a|each)) (?:short )?(?:call|hour|session|day|meeting|conversation)',
    ],
  ),
  weights: [0.2, 0.28],
});
