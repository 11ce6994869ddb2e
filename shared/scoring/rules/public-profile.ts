/**
 * The stranger who knows who you are from your public life: saw you on Newsnight, heard your
 * voice on the Today programme, matched on a dating app and then recognised you from the news,
 * spotted your pass. Constituents say it too, so it is weak alone; it is how many approaches to
 * politicians open, and beside flirting or a request to meet it is part of the pattern.
 */
import { words } from '../match.ts';
import { phraseRule } from '../phrase-rule.ts';

const MEDIA =
  '(?:the )?(?:tv|telly|television|news|evening news|newsnight|today programme|radio|radio 4|bbc(?: parliament| news| one)?|sky(?: news)?|itv|channel 4|gb news|question time|pmqs|the chamber|youtube|tiktok|twitter|instagram|linkedin|podcast)';

export const publicProfile = phraseRule({
  id: 'honeytrap.public-profile',
  category: 'honeytrap',
  kind: 'content',
  reason: 'a stranger who knows you from your public profile',
  pattern: words([
    `(?:saw|seen|see|watched|watching|spotted|heard|caught) (?:you|your (?:speech|interview|voice|piece|segment|clip|question)) (?:on|in) ${MEDIA}`,
    `(?:your|that) (?:voice|speech|interview|question|questions|appearance|clip) (?:on|in) ${MEDIA}`,
    `(?:recogni[sz]ed|recognise|recognize|knew) you from ${MEDIA}`,
    '(?:looked|look) you up',
    '(?:matched|match) (?:with you )?on (?:hinge|bumble|tinder|raya|feeld|grindr|happn|the apps?|an app|a dating app)',
    '(?:from|on) (?:hinge|bumble|tinder|raya|feeld|grindr|happn|the dating (?:site|app)|a dating (?:site|app))',
    '(?:saw|spotted|noticed) your (?:lanyard|pass|photo|picture|profile)',
    '(?:standing|sitting|sat|stood) (?:behind|next to|beside) (?:the )?(?:chancellor|prime minister|pm|minister|home secretary|foreign secretary|leader)',
  ]),
  weights: [0.14, 0.2],
});
