/**
 * The turn: the persona drops its mask ("There is no Abi", "did you really think I was real?")
 * or the next move is put as a threat to the target's life ("before your wife does", "whether
 * your career survives the week"). Often the first message of the extortion, before any
 * material or sum is named.
 */
import { words } from '../match.ts';
import { phraseRule } from '../phrase-rule.ts';

const CLOSE =
  '(?:wife|husband|partner|family|kids|children|boss|editor|constituents|party|whips?|colleagues|office)';

export const personaReveal = phraseRule({
  id: 'sextortion.persona-reveal',
  category: 'sextortion',
  kind: 'threat',
  reason: 'drops the persona or threatens you outright',
  pattern: words([
    'there (?:is|was) no [a-z]+[.!]',
    "(?:i'?m|i am) not (?:really )?[a-z]+[.!,] (?:there (?:is|was) no|never was|she|he)",
    '(?:did|do) (?:you|u) (?:really |honestly |actually )?(?:think|believe) (?:i was|she was|he was|this was) (?:real|genuine|who i said)',
    "(?:she|he) (?:doesn'?t|does not|never) (?:exist|existed)",
    `before (?:your|ur) ${CLOSE} (?:does|do|sees? (?:it|them)|finds? out|hears? about it)`,
    '(?:whether|if) (?:your|ur) (?:career|marriage|seat|job) (?:survives|is over|ends|lasts)',
    '(?:your|ur) (?:career|marriage) (?:is|will be) over',
    // The bare ultimatum: "Reply or I post", "the email to your chairman is already written".
    "(?:reply|pay|answer|respond)(?: now| me)? or (?:i|we)(?:'ll| will)? (?:post|send|share|publish|tell|leak|release|forward)",
    '(?:the )?(?:email|message|letter|post|dm|text) to (?:your|ur) [a-z ]{1,30} is (?:already )?(?:written|drafted|ready|queued|scheduled|sitting)',
    "don'?t be (?:stupid|silly|foolish|an idiot) about (?:this|it)",
    // The veiled form: "It would be a pity if she got an envelope".
    "(?:it would|it'?d|would) be a (?:pity|shame) if (?:she|he|they|your [a-z]+|anyone|someone|the [a-z]+) (?:got|received|saw|found out|heard|were to)",
  ]),
  weights: [0.35],
});
