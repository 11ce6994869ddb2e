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
      "\\b(?:you|u)\\b[^.?!\\n]{0,25}?\\b(?:don'?t|do not|didn'?t|did not|won'?t|wouldn'?t|will not|never|can'?t|cannot|not|no longer)\\b[^.?!\\n]{0,20}?\\b(?:remember(?:ing)?|recogni[sz]e[ds]?|recall|place)\\b(?: me| who i am| my face| then| at all| (?:lol|haha|ha|tbh|x|anyway|obviously|though|but)\\b|\\s*[.?!,)]|\\s*$)",
      '\\b(?:forgot(?:ten)?) (?:me|all about me|who i am|(?:the|that|this) (?:girl|guy|woman|man|lady|one|person) (?:from|at))\\b',
      '\\b(?:a )?remind(?:er)?(?: you)? of who i am\\b',
      "\\b(?:you'?ve|you have|you) (?:already |totally |completely |clearly )?forg(?:ot|otten)(?: me| already| about me| who i am|\\s*[.?!,]|\\s*$)",
      '\\b(?:no|not the (?:faintest|slightest)) (?:idea|clue) who (?:i am|i was|this is|this was)\\b',
      "\\b(?:doubt|don'?t think|not sure) i made (?:much of |a great |a big |any )?(?:an )?impression\\b",
      '\\bremember me\\?',
      "\\b(?:not|doesn'?t|don'?t|isn'?t|if (?:i'?m|it'?s) not) ring(?:ing|s)? (?:any |a )?bells?\\b",
      "\\b(?:doubt|bet|expect|imagine|suspect) (?:you|u) (?:don'?t |won'?t |wouldn'?t |didn'?t )?(?:remember|recall|recogni[sz]e|place)\\b",
      "\\b(?:wouldn'?t|won'?t|don'?t) blame you (?:if|for) (?:not )?(?:remembering|recalling|forgetting)\\b",
      '\\b(?:slipped|slip) your mind\\b',
      '\\b(?:stuck|stayed|lodged|registered) in your (?:memory|mind|head)\\b',
      '\\bnot as memorable as\\b',
      "\\b(?:i'?m|i am|i must be|clearly i'?m|obviously i'?m) (?:not (?:very |that )?memorable|(?:very |so |that )?forgettable|easy to forget)\\b",
      '\\byou (?:must )?(?:meet|met|see|saw) (?:so many|hundreds of|loads of|a lot of|thousands of) (?:people|faces)\\b',
      "\\b(?:in case|if) (?:you'?re|you are) wondering who (?:this is|i am)\\b",
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
