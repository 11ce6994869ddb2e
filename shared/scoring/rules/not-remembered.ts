/**
 * "You don't remember me": the lure presses on the target's politeness. Hedged, courteous forms
 * ("you may not remember me", "not sure you'll remember") are common in genuine follow-ups and
 * weigh much less than the reproachful ones ("can't believe you don't remember me").
 */
import { matches, quote, register, wordsSource } from '../match.ts';
import type { Rule } from '../rule.ts';

const NOT_REMEMBERED = register(
  new RegExp(
    [
      "\\b(?:you|u)\\b[^.?!\\n]{0,25}?\\b(?:don'?t|do not|didn'?t|did not|won'?t|wouldn'?t|will not|never|can'?t|cannot|not|no longer)\\b[^.?!\\n]{0,20}?\\b(?:remember(?:ing)?|recogni[sz]e[ds]?|recall|place)\\b(?: me| who i am| my face| then| at all|\\s*[.?!,)]|\\s*$)",
      '\\b(?:forgot(?:ten)?) (?:me|all about me|who i am)\\b',
      "\\b(?:you'?ve|you have|you) (?:already |totally |completely |clearly )?forg(?:ot|otten)(?: me| already| about me| who i am|\\s*[.?!,]|\\s*$)",
      '\\bno idea who i am\\b',
      // "can't believe you don't remember our night": the shared moment instead of "me".
      "\\b(?:you|u) (?:don'?t|do not|didn'?t|can'?t|cannot) (?:even )?remember (?:our|that|the) (?:night|evening|chat|conversation|dance|kiss|drinks?|time|dinner)\\b",
      "\\b(?:do|don'?t|did|didn'?t) you (?:even |still )?remember me\\b",
      '\\b(?:walked|went|breezed|walk) (?:straight |right )?past me\\b',
      "\\b(?:not sure|don'?t know|unsure) (?:if |whether )?(?:you'?ll|you will|you'?d|you would|you) (?:remember|recogni[sz]e)",
    ].join('|'),
    'g',
  ),
);
const HEDGE = new RegExp(
  wordsSource(['may', 'might', 'not sure', "don'?t know", 'unsure', 'sorry if', 'in case', 'apologies if']),
  'g',
);

export const notRemembered: Rule = {
  id: 'honeytrap.not-remembered',
  category: 'honeytrap',
  kind: 'content',
  reason: 'presses you about not remembering them',
  evaluate(view) {
    const text = view.text.folded;
    const it = matches(text, NOT_REMEMBERED);
    let hedged: string | undefined;
    let hits = 0;
    for (let m = it.next(); m && hits < 20; m = it.next(), hits++) {
      const around = text.slice(Math.max(0, m.index - 20), m.index + m[0].length);
      HEDGE.lastIndex = 0;
      if (!HEDGE.test(around)) return { weight: 0.22, evidence: quote(m[0]) };
      hedged ??= m[0];
    }
    return hedged === undefined ? undefined : { weight: 0.08, evidence: `${quote(hedged)} (polite form)` };
  },
};
