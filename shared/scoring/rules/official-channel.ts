/**
 * Context: the sender routes things through the office, the clerk or official email, or offers
 * ways to verify them. Lures pull the other way, towards private channels.
 */
import { first, quote, words } from '../match.ts';
import type { Rule } from '../rule.ts';

const OFFICIAL = words([
  '(?:to|at|via|through|on|from) (?:your|the) (?:office|parliament(?:ary)?|work|official|constituency) (?:email|e-mail|address|inbox|account|line)',
  '(?:email|send|forward|copy)(?: it| this| them| the (?:details|invite|invitation|dates))?(?: over)? (?:to|in) (?:your|the) (?:office|team|diary secretary|caseworker)',
  '(?:through|via) the (?:clerk|committee clerk|office|diary secretary|press office|whips office|secretariat)',
  "(?:so|and) (?:it'?s|it is|it goes|it can go) in the diary",
  'register of (?:all-party|interests|appgs)',
  "(?:check|verify|confirm) (?:that )?i'?m who i say",
  '(?:ring|call|check with) (?:the|our) (?:newsdesk|switchboard|office)',
]);

export const officialChannel: Rule = {
  id: 'context.official-channel',
  kind: 'context',
  dampens: ['content'],
  reason: 'routes contact through the office or offers a way to verify them',
  evaluate(view) {
    const hit = first(view.text.folded, OFFICIAL);
    return hit === undefined ? undefined : { weight: 0.35, evidence: quote(hit) };
  },
};
