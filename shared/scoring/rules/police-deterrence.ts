/** Telling the target not to go to the police: no genuine contact ever needs to say it. */
import { words } from '../match.ts';
import { phraseRule } from '../phrase-rule.ts';

export const policeDeterrence = phraseRule({
  id: 'sextortion.police-deterrence',
  category: 'sextortion',
  kind: 'threat',
  reason: 'warns you off going to the police or reporting it',
  pattern: words([
    "(?:do not|don'?t|never) (?:involve|contact|call|tell|go to|speak to|ring) (?:the )?police",
    '(?:involving|calling|telling|contacting) the police (?:will|would)',
    'nobody (?:has|needs) to report anything',
    "(?:no need|don'?t need) to report",
    "(?:don'?t|do not) (?:report|block) (?:this|me)",
    'least of all (?:the police|your (?:wife|husband|party|whips?|office))',
    '(?:would|will|could) force my hand',
  ]),
  weights: [0.3],
});
