/** "It's me, new number": the impersonation opener for account takeover and fraud. */
import { words } from '../match.ts';
import { phraseRule } from '../phrase-rule.ts';

export const newNumberClaim = phraseRule({
  id: 'spearphish.new-number',
  category: 'spearphish',
  kind: 'content',
  reason: 'claims to be someone you know on a new number',
  pattern: words([
    'new (?:number|phone|mobile|work mobile|work phone|whatsapp)',
    '(?:old|my) (?:phone|mobile|one)(?: has| is| was| got)? (?:died|broke|broken|stolen|dead|lost|smashed)',
    'lost my (?:phone|mobile)',
    // The mail analogue: "his email's down, send them to …"
    "(?:my|his|her|their|the) (?:work |office |parliamentary )?email(?:'s| is| has)? (?:down|not working|playing up|broken|locked|gone down)",
    'save (?:this|my new|the new) (?:one|number)',
    '(?:your|ur) boss(?:!| here)',
  ]),
  weights: [0.2],
});
