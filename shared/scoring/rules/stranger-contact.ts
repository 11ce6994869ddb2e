/**
 * The stranger who knows they are one: "you don't know me but…", "sorry, this is out of the
 * blue", "I've been debating whether to text". Genuine cold contacts say it too (a charity, a
 * constituent), so it weighs little alone; beside a claimed meeting or flirting it is the
 * approach's opening.
 */
import { words } from '../match.ts';
import { phraseRule } from '../phrase-rule.ts';

export const strangerContact = phraseRule({
  id: 'honeytrap.stranger-contact',
  category: 'honeytrap',
  kind: 'content',
  reason: 'a stranger who admits to writing out of the blue',
  pattern: words([
    "you (?:don'?t|do not) (?:really )?know me",
    "you won'?t know (?:me|who this is)",
    'out of the blue',
    "i'?m not usually like this",
    'glad i finally messaged',
    "(?:don'?t laugh|this is awkward) but",
    "(?:sorry|apologies),? (?:this is|this'?s|if this is) (?:a bit |so )?(?:awkward|random|weird|strange)",
    '(?:sorry|apologies)(?: for the| for this)? random (?:message|text)',
    "(?:hope|hoping) you don'?t mind me (?:messaging|texting|writing|getting in touch)",
    '(?:forgive|excuse|pardon) (?:my|the|me for) (?:writing|messaging|texting|the informality|informality|the direct approach|getting in touch)',
    '(?:i )?apologi[sz]e for the informality',
    '(?:this is|sorry for the|apologies for the|bit of a|a bit) random(?: message| text)?',
    "(?:hope|hoping) (?:this|that) (?:isn'?t|is not|wasn'?t) (?:too )?(?:forward|weird|strange|creepy|random)",
    "(?:don'?t|do not|please don'?t) (?:freak out|be weirded out|think i'?m (?:weird|mad|crazy|a stalker))",
    'is (?:this|that) (?:weird|strange|too forward|creepy)\\??',
    '(?:debating|deliberating|wondering|agonising|agonizing|plucking up (?:the )?courage) (?:for [a-z ]{1,20})?(?:whether|if|about whether) to (?:text|message|write|get in touch|say hi|reach out)',
    'finally (?:plucked up|worked up|got up) the (?:courage|nerve)',
    '(?:sorry|apologies) (?:to|for) (?:message|messaging|text|texting|write|writing|contact|contacting) (?:you )?(?:out of the blue|like this|so late|randomly)',
  ]),
  weights: [0.12, 0.18],
});
