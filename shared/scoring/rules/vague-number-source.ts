/**
 * How they got your number, vaguely: "a mutual friend", "asked around", "the conference app",
 * "the parliament website". Genuine contacts name the person who passed it on.
 */
import { words } from '../match.ts';
import { phraseRule } from '../phrase-rule.ts';

export const vagueNumberSource = phraseRule({
  id: 'honeytrap.vague-number-source',
  category: 'honeytrap',
  kind: 'content',
  reason: 'got your number or address in a vague or harvested way',
  pattern: words([
    '(?:a|one of your|our|some) (?:mutual )?friends?(?: of (?:yours|ours))?[^.?!]{0,40}(?:number|email|details|contact)',
    '(?:number|email|details|contact)[^.?!]{0,40}(?:from|off|via|through) (?:a|one of your|our|some) (?:mutual )?friend',
    'mutual friend',
    "(?:i'?m|i am) a friend of [a-z]+",
    '(?:your|a|one of your) (?:colleague|friend|researcher|staffer|assistant|mate|contact)s?(?: of yours)? (?:gave|passed|shared|sent|forwarded) me your (?:number|details|email|contact)',
    'asked around',
    'found you (?:through|via|on|in) (?:the |a |your )?[a-z ]{1,30}(?:group|app|directory|list|linkedin|network)',
    'asked (?:the|a|my) [a-z]+ (?:for (?:your|ur) (?:number|name|details)|who (?:you|u) (?:were|are|was))',
    "(?:said|says|reckons|told me) (?:you'?re|ur|you are|you work) (?:a |an )?(?:peer|mp|minister|in government|in parliament|at parliament|at the commons|for (?:an|the) mp)",
    '(?:conference|delegate|event|party) (?:app|list|profile|directory|website)',
    'found your (?:number|email|details|profile) (?:on|online|in|through|via)',
    '(?:got|took|found|grabbed|pinched) your (?:number|email|details) (?:off|from|on) (?:the|a|your) (?:app|website|list|directory|linkedin|instagram|facebook|twitter|internet|web|site)',
    'not a stalker',
    "don'?t be (?:cross|mad|angry|annoyed) with (?:them|me)",
    'a friend in your (?:party|office|team)',
  ]),
  weights: [0.22],
});
