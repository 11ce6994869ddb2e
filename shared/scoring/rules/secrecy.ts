/** Asking for secrecy about the contact itself: "between us", "nobody would ever know". */
import { words } from '../match.ts';
import { phraseRule } from '../phrase-rule.ts';

export const secrecy = phraseRule({
  id: 'lure.secrecy',
  kind: 'content',
  reason: 'asks you to keep the contact secret',
  // The shushing-face emoji says "keep it quiet" on its own.
  pattern: new RegExp(
    `${
      words([
        // Kept out of the diary and away from the office.
        "(?:don'?t|do not|maybe don'?t|better not) (?:put|add|write|mention) (?:me|this|it|us|our [a-z]+) (?:in|into|on) (?:your|the) diary",
        '(?:your|the) office (?:will|would) (?:only |just )?(?:gossip|talk|ask questions)',
        "(?:i'?m|i am) (?:very |totally |completely )?discreet",
        'between (?:us|you and me|ourselves)',
        'our (?:little )?secret',
        "(?:don'?t|do not|never) (?:tell|mention (?:this|it) to|show (?:this |it |them |these )?to|show) (?:anyone|anybody|a soul|your (?:wife|husband|partner|office|staff|boss|team|colleagues|friends|whips?|mp))",
        "(?:delete|clear|wipe) (?:this|that|it|them) (?:after|once) (?:reading|you(?:'ve)? (?:read|seen))",
        '(?:nobody|no ?one|no-one) (?:would|will|needs to|has to|ever has to)(?: ever)? (?:know|find out|see)',
        'keep (?:this|it|us|that) (?:quiet|between|to yourself|secret|private|discreet|hush)',
        '(?:be|stay|keep it|somewhere|something) discreet',
        '(?:westminster|office|lobby) gossip',
        '(?:hear|talk|discuss|chat|meet|speak)[a-z ,]{0,25}(?:privately|in private|off the record)',
        '(?:rather|prefer) (?:this|it) (?:stayed|stays|remained|remains) (?:between|private|quiet)',
        "(?:rather|prefer) (?:your|the) (?:office|staff|team|wife|husband|partner) (?:didn'?t|not|don'?t|never)",
        '(?:delete|clear|wipe) (?:the|this|these|our|my) (?:chat|messages|texts|conversation|thread)',
        'without (?:your|the) (?:office|staff|wife|husband|partner) (?:knowing|seeing)',
        "i'?d never live it down",
        '(?:delete|clear|wipe) (?:it|this|them|that) (?:after|afterwards|once)',
        "(?:wouldn'?t|would not|don'?t|do not) want (?:your )?(?:wife|husband|partner|office|staff|whips?|boss)(?: to)? (?:seeing|see|know|knowing|find out|finding out|reading)",
        'discretion (?:guaranteed|assured|is (?:guaranteed|assured))',
        'just (?:the two of us|us two|you and me|you and i|us)',
        'for (?:discretion|the sake of discretion|privacy)',
        '(?:nothing|none of it|never) (?:would|will) be attributed',
        'non-?attributable',
        '(?:will|would|can|could) you delete (?:these|this|them|it|our)',
        "(?:don'?t|do not) copy (?:the )?(?:department|office|team|private office) in",
        'pinky promise',
        'no (?:press|phones|cameras|photos|agenda|speeches)(?:,| and| or) (?:no )?(?:press|phones|cameras|photos|agenda|speeches)',
        '(?:nothing|none of it) (?:is|will be|gets) (?:ever )?repeated',
        '(?:never|not) (?:be )?repeated outside',
        "(?:don'?t|do not) (?:discuss|share|mention) (?:this |it |that )?with (?:anyone|anybody|colleagues|your colleagues|your office|the office|staff|your staff|your team)",
        "(?:won'?t|will not|never) tell a (?:soul|single soul|living soul)",
        '(?:no one|nobody|no-one) (?:would|will) (?:ever )?(?:have|need) to know',
        '(?:nobody|no one|no-one) asks (?:any )?questions',
        "(?:don'?t|do not) open (?:it|this) in front of",
        '(?:done|handled|dealt with|sorted) discreetly',
        "(?:i'?d|i would) die (?:of shame|of embarrassment) if",
        "(?:never|won'?t|wouldn'?t|will not|would not) (?:say|tell anyone|reveal|let on) where (?:it|this|they) came from",
        "(?:don'?t|do not) mention (?:it|this|anything) to (?:the|your) (?:office|team|staff|private office)",
        '(?:quickly|quietly) and discreetly',
        '(?:it )?came from you',
      ]).source
    }|\\u{1f92b}`,
    'gu',
  ),
  weights: [0.2],
});
