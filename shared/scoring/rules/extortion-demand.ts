/** The demand: money, or "just one small thing", in exchange for deleting or keeping quiet. */
import { words } from '../match.ts';
import { phraseRule } from '../phrase-rule.ts';

export const extortionDemand = phraseRule({
  id: 'sextortion.demand',
  category: 'sextortion',
  kind: 'threat',
  reason: 'demands money or a favour in exchange for silence',
  form: 'plain',
  pattern: words([
    '(?:transfer|pay|send|wire|deposit)(?: me| us)? [^.?!]{0,25}(?:\\d[\\d,.]*\\s?(?:gbp|pounds|quid|k|usd|dollars|euros?|btc|bitcoin)|\\u00a3\\s?\\d|\\$\\s?\\d|money|bitcoin|btc|crypto|gift ?cards?)',
    "(?:i|we) (?:don'?t|do not) want (?:anything|much|money|a lot)",
    'all (?:i|we) (?:need|want|ask) is',
    "(?:one|a|just one) (?:link|document|file|favou?r|thing|email)(?: and| &) (?:i|we|it)(?:'ll| will)? (?:delete|disappear|go away|forget|stop)",
    "(?:i|we)(?:'ll| will)? delete (?:everything|it all|them|the (?:photos|pictures|video|recording|screenshots))",
    "you (?:will|won'?t) (?:not |never )?hear from me again",
    'in exchange (?:for|i)',
    '(?:a )?(?:modest|small|one-off|single|reasonable) (?:sum|payment|fee|amount) of',
    '(?:\\u00a3|\\$)\\s?\\d[\\d,.]*k? (?:in|of|worth of) (?:usdt|btc|bitcoin|crypto|eth|ethereum|gift ?cards?|vouchers)',
    "(?:i'?ll|i will|we'?ll|we will) delete (?:the lot|it all|everything)",
    '(?:^|[.!?] )pay(?: up| now)? or ',
    'the wallet (?:below|address)',
    'come to (?:some|an|a) (?:arrangement|understanding|agreement)',
    "let'?s talk (?:numbers|money|terms|price)",
    '(?:\\u00a3|\\$)\\s?\\d[\\d,.]*k?(?: and| &) (?:it|this|everything|they|them|the (?:photos|pictures|video|messages))(?: all)? (?:disappears?|goes away|go away|vanish(?:es)?|gets? deleted)',
    '(?:settle|resolve|conclude) (?:this|the matter|matters|it) (?:privately|quietly|discreetly|between us)',
    '(?:material|photos|pictures|video|recording|footage|images) will be (?:destroyed|deleted|erased)',
    'make (?:this|it) (?:all )?go away',
    'details i will send',
    '(?:bitcoin|btc|crypto|usdt|ethereum|monero) (?:wallet|address)',
    'wallet address',
    'using the details',
  ]),
  weights: [0.3, 0.38],
});
