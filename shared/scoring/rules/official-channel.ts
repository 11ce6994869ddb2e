/**
 * Context: the sender routes things through the office, the clerk or official email, copies the
 * target's staff in, or offers ways to verify them. Lures pull the other way, towards private
 * channels.
 */
import { firstAffirmed, quote, words } from '../match.ts';
import type { Rule } from '../rule.ts';

/** The people who keep the diary: a sender who copies them in is not isolating the target. */
const STAFF =
  '(?:diary (?:secretary|manager)|office|caseworkers?|case ?work team|pa|private office|private secretary|chief of staff|researcher|parliamentary assistant|senior parliamentary assistant|team|staff|scheduler|constituency office)';

const OFFICIAL = words([
  '(?:to|at|via|through|on|from) (?:your|the) (?:office|parliament(?:ary)?|work|official|constituency) (?:email|e-mail|address|inbox|account|line)',
  '(?:email|send|forward|copy)(?: it| this| them| the (?:details|invite|invitation|dates))?(?: over)? (?:to|in) (?:your|the) (?:office|team|diary secretary|caseworker)',
  '(?:through|via) the (?:clerk|committee clerk|office|diary secretary|press office|whips office|secretariat)',
  "(?:so|and) (?:it'?s|it is|it goes|it can go) in the diary",
  'register of (?:all-party|interests|appgs)',
  "(?:check|verify|confirm) (?:that )?i'?m who i say",
  '(?:ring|call|check with) (?:the|our) (?:newsdesk|switchboard|office)',
  // "I've copied your diary secretary", "happy to go through your office"
  `(?:i'?ve|i have|we'?ve|we have|i'?m|we'?re|i am|we are) (?:also )?(?:copied|copying|cc'?d|cc'?ing|cced|ccing|included|including|looped in|looping in)(?: in)? (?:your|the) ${STAFF}`,
  `(?:copied|cc'?d|cced) (?:to|in) (?:your|the) ${STAFF}`,
  `(?:happy|glad|pleased) to (?:go|arrange (?:it|this|things)|work|liaise) (?:through|with|via) (?:your|the) ${STAFF}`,
  `(?:via|through) (?:your|the) ${STAFF} (?:if|as|is|would) (?:easier|better|best|preferred|simpler)`,
  // "If your office would rather set it up": the sender offers the diary's own route.
  `your ${STAFF} (?:would rather|would prefer to|prefers? to|wants? to|can) (?:set|arrange|organise|book|fix) (?:it|this|that|something|a time)(?: up)?`,
]);

export const officialChannel: Rule = {
  id: 'context.official-channel',
  kind: 'context',
  dampens: ['content'],
  reason: 'routes contact through the office or offers a way to verify them',
  evaluate(view) {
    // "Not through the parliamentary email" pulls the other way: only an affirmed route counts.
    const hit = firstAffirmed(view.text.folded, OFFICIAL);
    return hit === undefined ? undefined : { weight: 0.35, evidence: quote(hit) };
  },
};
