/** Professed embarrassment or hurt feelings: makes the target feel rude for not engaging. */
import { anyOfSource, register, wordsSource } from '../match.ts';
import { phraseRule } from '../phrase-rule.ts';

const CUES = anyOfSource([
  wordsSource([
    'embarrass(?:ed|ing|ment)',
    'mortif(?:ied|ying)',
    'ashamed',
    'kicking myself',
    'die of (?:shame|embarrassment)',
    '(?:texting|messaging) a random',
    'too (?:shy|nervous) to',
    'cring(?:e|ing|ey|y)',
    'humiliat(?:ed|ing)',
    '(?:gone|going|turned|went|go) (?:bright |so |all )?red',
    'blush(?:ing|es)?',
    'awkward',
    '(?:feel|felt|feeling) (?:so |a bit |really |such |slightly |rather |a little |quite )?(?:stupid|silly|awful|daft|an idiot|like an idiot|a fool|foolish|sheepish|ridiculous)',
    '(?:a (?:bit|little)|slightly|rather|so|very) (?:shy|nervous|sheepish)',
    "i (?:never|don'?t (?:usually|normally|ever)) do (?:this|things like this)",
    'not something i (?:usually|normally|often|ever) do',
    '(?:my )?ego (?:is )?(?:bruised|dented|wounded)',
    'face ?palm',
    "i'?m (?:so |really )?(?:rubbish|terrible|hopeless|useless) at (?:this|these)",
    'lost my nerve',
    'chickened out',
    'plucked up (?:the )?courage',
    '(?:a (?:bit|little) |quite |so )?hurt',
    'crushing',
    'crushed',
    'gutted',
    'wounded',
    'this is (?:so |completely |totally )?(?:mad|random|weird)',
    'kill me now',
    'oh god',
    "i'?m (?:so )?shy",
  ]),
  '[\\u{1f648}\\u{1f64a}\\u{1f633}\\u{1f605}\\u{1fae3}\\u{1f62c}\\u{1f97a}]',
]);

export const embarrassment = phraseRule({
  id: 'honeytrap.embarrassment',
  category: 'honeytrap',
  kind: 'content',
  reason: 'professes embarrassment or hurt at not being remembered',
  pattern: register(new RegExp(CUES, 'gu')),
  weights: [0.1, 0.16, 0.22],
});
