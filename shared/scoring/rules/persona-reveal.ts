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
  reason: 'drops the persona or threatens your family or career outright',
  pattern: words([
    'there (?:is|was) no [a-z]+[.!]',
    "(?:i'?m|i am) not (?:really )?[a-z]+[.!,] (?:there (?:is|was) no|never was|she|he)",
    '(?:did|do) (?:you|u) (?:really |honestly |actually )?(?:think|believe) (?:i was|she was|he was|this was) (?:real|genuine|who i said)',
    "(?:she|he) (?:doesn'?t|does not|never) (?:exist|existed)",
    `before (?:your|ur) ${CLOSE} (?:does|do|sees? (?:it|them)|finds? out|hears? about it)`,
    '(?:whether|if) (?:your|ur) (?:career|marriage|seat|job) (?:survives|is over|ends|lasts)',
    '(?:your|ur) (?:career|marriage) (?:is|will be) over',
  ]),
  weights: [0.35],
});
