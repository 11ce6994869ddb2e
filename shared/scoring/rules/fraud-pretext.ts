/**
 * The everyday scam pretexts that reach members' phones like anyone's: a refund or rebate to
 * claim, an order or payment "to cancel" by calling a number, a fee to release a parcel, an
 * account "used" or "locked" with a number to ring at once. Each names money or an account and
 * hands the reader a link or a number that is not the service's own.
 */
import { words } from '../match.ts';
import { phraseRule } from '../phrase-rule.ts';

export const fraudPretext = phraseRule({
  id: 'spearphish.fraud-pretext',
  category: 'spearphish',
  kind: 'payload',
  reason: 'a refund, cancellation or fee pretext that sends you to a link or number',
  form: 'plain',
  pattern: words([
    // A bank that tells you not to use the number on your card is not your bank.
    "(?:don'?t|do not) (?:use|call|ring) the number on (?:the back of )?(?:your|the) card",
    'not you\\?,? (?:please )?(?:call|ring|phone|text|reply|click|tap|visit)',
    '(?:pay|settle) (?:a |an |the )?(?:\\u00a3\\s?\\d[\\d.]* )?(?:small |admin |administration |handling |release |redelivery |processing )fee',
    'add (?:a|your) (?:card|payment card|bank card|debit card|credit card)(?: details)? to (?:hold|secure|keep|confirm)',
    '(?:eligible|entitled|due|approved) (?:for|to) (?:a |an )?(?:tax |council tax |energy |overpayment )?(?:rebate|refund|reimbursement|payment)',
    '(?:rebate|refund) of (?:\\u00a3|\\$)\\s?\\d[\\d,.]*',
    "(?:if|unless) (?:you )?(?:did not|didn'?t|do not|don'?t) (?:place|make|authori[sz]e|request|recogni[sz]e|order|buy)[a-z ]{0,30},? (?:please )?(?:call|ring|phone|contact|text|reply)",
    '(?:call|ring|phone) (?:the |our )?(?:duty officer|fraud team|fraud department|security team|security desk|helpline|cancellation line|customer team) (?:on|at|immediately|urgently|now)',
    '(?:redelivery|re-delivery|delivery|customs|postage|shipping|handling|release) (?:fee|charge|payment) (?:of |due|is due|outstanding|required|needed)',
    "(?:parcel|package|delivery|item) (?:could not|couldn'?t|cannot|can'?t|was unable to) be (?:delivered|dispatched)",
    "(?:if )?(?:this|it) (?:wasn'?t|was not) you,? (?:please )?(?:call|ring|phone|contact|text|reply|click|tap|visit|cancel|stop|block|secure|report)",
    '(?:fee|charge|payment) (?:to|for) (?:rebook|redeliver|reschedule|release|deliver)',
    '(?:temporarily )?(?:suspended|locked|frozen|blocked|restricted)[^.?!]{0,40}(?:verify|confirm|update|reactivate)',
    '(?:claim|rebook|reschedule) (?:it |your [a-z]+ )?(?:before|by|within|today|now|here|at|via)',
  ]),
  weights: [0.2, 0.4],
});
