/**
 * Context: the message is a security notice that describes lures (or quotes one) in an
 * institution's voice, or someone telling of a lure they or another were sent and how it was
 * handled ("look what I just got … forwarded it to 7726", "a staffer received … nobody paid"),
 * rather than being one. Needs an institutional or reporting cue plus two more cues; technical
 * signals (a lookalike sender or link) are never discounted.
 */
import { distinct, quote, words } from '../match.ts';
import type { Rule } from '../rule.ts';

const INSTITUTIONAL = words([
  "(?:we|we'?ll|pds|parliament|the house|the service desk|security) (?:will )?never (?:ask|request|send|contact|call)",
  'never (?:share|give|send|disclose|tell anyone) your (?:password|code|credentials|pin|verification code)',
  "(?:we are|we'?re|we have been|we'?ve been) (?:aware|made aware|alerted)",
  'we have (?:received|had|seen) (?:a number of |several |some |other |similar )?reports',
  "(?:other |similar |several |the )?reports (?:we have|we'?ve) (?:received|had|seen)",
  '(?:this|it) matches (?:other|similar|previous|earlier) reports',
  'thank(?:s| you) for (?:reporting|flagging|forwarding|letting us know)',
  "you have(?: not|n'?t) done anything wrong",
  'if you (?:receive|get|are contacted|have been contacted|are approached|have received|have been approached)',
  '(?:please|you should) (?:report|forward) (?:it|them|any|anything|suspicious|such)',
  'members and (?:their )?staff',
  'heads[- ]up',
  '(?:just )?(?:had|got|received) one of (?:those|these)',
  "(?:we have|we'?ve|we are|we'?re) (?:seen|seeing|noticed|noticing|had|having) (?:an? )?(?:increase|rise|wave|spike|surge|spate|number|series) (?:in|of)",
  'if anyone (?:ever )?(?:says|sends|messages|texts|asks|gets|receives)',
  "(?:i'?ve|i have) not (?:replied|responded)|(?:haven'?t|have not) (?:replied|responded)",
  '(?:forwarding|forwarded|sending|reporting|passing)(?: it| them| this)?(?: on)? to (?:psd|pds|security|the security team|the service desk)',
  '(?:have you seen|did you see|read) (?:this|the|that) (?:[a-z]+ ){0,2}(?:story|article|piece|thread|news)',
  'no genuine (?:service|organisation|organization|company|bank|team) will (?:ever )?ask',
  'never share (?:your )?(?:codes?|passwords?|pins?)',
  '(?:i|we) (?:got|had|received) (?:one of those|a (?:weird|dodgy|similar|strange|suspicious) (?:message|text|email|one))',
  "(?:didn'?t|did not) (?:reply|respond|engage)",
  '(?:sent|forwarded|reported|passed|flagged)(?: it| them| this| that)?(?: on)? to (?:psd|pds|security|the security team|the service desk|them|it security)',
  '(?:all|any) (?:members|staff|pass holders)',
  '(?:security|safety) (?:note|notice|advice|warning|alert|bulletin) from (?:psd|pds|the security team|security|ncsc|it|the service desk)',
  "(?:psd|pds|security department|security team|cyber team)(?:'s)? (?:advice|guidance|warning|notice|alert)",
  '(?:several|some|a number of|many|other) (?:colleagues|members|mps|offices|staff) have (?:had|received|been sent|reported)',
  '(?:please )?pass (?:this |it )?on to (?:your|the) (?:staff|team|office|colleagues)',
  // Telling of a lure someone was sent: the teller is not the sender.
  "(?:look|look at|guess) what i(?:'?ve)? (?:just )?(?:got|received|been sent)",
  '(?:got|received|had) (?:a |an |this |one )?(?:really |very |pretty )?(?:distressing|weird|dodgy|strange|creepy|suspicious|nasty|horrible|worrying|odd) (?:one|message|text|email|dm)',
  "(?:a|the|one of (?:our|my|the)|my|our) (?:staffer|staff member|member of staff|constituent|colleague|intern|researcher|caseworker|volunteer)(?:'?s [a-z]+)? (?:has |had |who )?(?:received|got|was sent|has been sent|had been sent|was messaged|was contacted)",
  '(?:has|have|had) been sent (?:messages|texts|emails|a message|a text|an email|these)',
  '(?:messaged|texted|emailed|dmed|contacted) me (?:on [a-z]+ )?(?:saying|to say|with)',
  '(?:is this|is it|this looks?|looks?) (?:legit|legitimate|genuine|real|like a scam|a scam|dodgy|one of those)',
  // A threat told about a third person: a constituent's child, a partner, a colleague.
  '(?:my|our|her|his|their) (?:son|daughter|child|kid|teenager|grandson|granddaughter|mum|mother|dad|father|ex|ex-partner|partner|husband|wife|neighbour|friend)(?: \\(\\d+\\))? (?:is being|was being|has been|got|received|had|was sent|has had|keeps? getting)',
  '(?:cyber |security )?(?:awareness|security) (?:bulletin|newsletter|update|digest|round-?up)',
  'spot the (?:lure|scam|phish|fake)',
  'did you (?:just |really )?send me (?:a|an|this|that)',
  '(?:anonymi[sz]ed|redacted|real-life|genuine) (?:examples?|cases?)',
  '(?:your|our|the) office reported',
  '(?:sending|forwarding|passing) (?:it|this|them) (?:on )?to (?:it|it security|security|psd|pds|the service desk|the security team)',
  "(?:told|advised|reassured) (?:him|her|them|the [a-z]+) (?:that )?(?:it'?s|it is|it was|this is) (?:a scam|fake|a fraud)",
  '(?:can|could) (?:someone|somebody|you|anyone) (?:please )?(?:look at|check|have a look at|look into) (?:it|this|them)',
  "(?:lures?|scams?|attempts?|messages|emails|texts) (?:we|we'?ve|we have) (?:saw|seen|received|had|caught)",
  "(?:doesn'?t|does not|didn'?t|did not) look right",
  "(?:i )?(?:haven'?t|have not|didn'?t|did not) (?:opened|clicked|open|click)(?: it| the [a-z]+| anything)?",
  'screenshot(?:ted)? (?:it|them|the [a-z]+)',
  '(?:forwarded|reported|sent|passed) (?:it|them|this|that)(?: on)? to (?:7726|action fraud|the police|ceop|report fishing)',
  '(?:like|as) (?:it|the training|security|psd|pds|the security team|they) (?:told|said|advised|asked)(?: us| me)?',
]);
const WARNING = words([
  "(?:do not|don'?t) (?:click|reply|respond|engage|open|share|enter|send|answer)",
  'report (?:it |them |this |the [a-z]+ )?(?:to|via) (?:psd|pds|security|the security team|the service desk|it security|the police)',
  '(?:watch out|beware|be careful)',
  'report (?:it|them|anything suspicious|any approaches?|suspicious) to',
  '(?:be|remain|stay) (?:alert|vigilant|cautious|careful)',
  '(?:phishing|scam|fraud|social engineering|honey ?trap|sextortion|impersonation|spoof(?:ed|ing)?) (?:stor(?:y|ies)|articles?|attempts?|messages?|campaigns?|emails?|texts?|approaches|calls?|sessions?|training|examples?|briefings?|workshops?|awareness|simulations?|exercises?)',
  '(?:examples?|signs|features|tactics) (?:of|include)',
  'typical(?:ly)? (?:signs|features|approaches|these)',
  'security (?:advice|notice|alert|warning|briefing|team|department|officer)',
  'cyber (?:security )?(?:team|advice|warning|alert)',
  '(?:hostile|malicious|criminal) (?:actors?|states?|groups?)',
  'we will never',
  '(?:classic|common|typical) (?:pressure )?(?:tactics|tricks|signs)',
  'pressure tactics',
  "(?:it'?s|that'?s|this is|it is) (?:a |likely a |probably a )?(?:scam|fraud|phishing)",
  'hover (?:over|before)',
  '(?:messaging|texting|targeting|contacting|approaching) (?:mps|members|staff|peers|politicians)',
  'genuine (?:messages|emails|notices|requests) (?:will|would)',
  // How a lure was handled, in the teller's words ("if you don't pay" is the lure's own).
  // At the start of a sentence or clause (a lookbehind: \b cannot sit before a quote mark).
  "(?<=(?:^|[.!?;:,\"')] ))(?:do not|don'?t|never) pay",
  "(?:not to|nobody|no one|no-one|did not|didn'?t) pay|no money was paid|nobody paid",
  '(?:told|advised|asked) (?:mum|mom|dad|him|her|them|the family|the constituent|the parents?) not to',
  '(?:reported|report) (?:it |this |them )?to (?:the police|ceop|action fraud|stopncii|the platform)',
  '(?:the )?police (?:got|are|were|have been) involved',
  'stopncii|ceop|action fraud|7726',
  'sextortion (?:cases?|victims?)',
  'report early',
  "(?:has|have|hasn'?t|haven'?t|we'?ve|i'?ve|he'?s|she'?s) (?:not )?(?:paid|transferred|sent) (?:anything|any money|a penny|them anything)|(?:hasn'?t|haven'?t|not) paid",
  '(?:rung|rang|called|phoned|contacted|told|gone to|went to|reported (?:it )?to) the police',
  '(?:giveaways?|tell-?tale signs?|red flags?)',
  '(?:do|should|can|shall) (?:i|we|she|he|they) (?:go to|call|ring|tell|contact|report (?:it|this|them) to) the police',
  '(?:what (?:are )?(?:my|our|her|his|their) rights|what (?:can|should|do) (?:i|we) do)',
]);

export const securityAdvisory: Rule = {
  id: 'context.security-advisory',
  kind: 'context',
  dampens: ['content', 'payload', 'threat'],
  reason: 'reads as a security notice describing lures',
  evaluate(view) {
    const inst = distinct(view.text.folded, INSTITUTIONAL, 3);
    if (inst.length === 0) return undefined;
    const warn = distinct(view.text.folded, WARNING, 3);
    const cues = inst.length + warn.length;
    if (cues < 3) return undefined;
    // A notice full of warning cues quotes whole lures as examples, every rule firing on them.
    const weight = cues >= 4 ? 0.85 : 0.7;
    return { weight, evidence: [...inst, ...warn].slice(0, 3).map(quote).join(', ') };
  },
};
