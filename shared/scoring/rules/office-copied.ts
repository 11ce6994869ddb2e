/**
 * Context: the sender brings the target's office in: "I've copied your diary secretary",
 * "cc'ing your caseworker", "happy to go through your office". A lure isolates its target;
 * someone who copies the staff who keep the diary is doing the opposite, so wording signals
 * (a claimed meeting, "you may not remember me") weigh less. Threats and technical signals
 * are untouched.
 */
import { first, quote, words } from '../match.ts';
import type { Rule } from '../rule.ts';

const STAFF =
  '(?:diary (?:secretary|manager)|office|caseworkers?|case ?work team|pa|private office|private secretary|chief of staff|researcher|parliamentary assistant|senior parliamentary assistant|team|staff|scheduler|constituency office)';

const COPIED = words([
  `(?:i'?ve|i have|we'?ve|we have|i'?m|we'?re|i am|we are) (?:also )?(?:copied|copying|cc'?d|cc'?ing|cced|ccing|included|including|looped in|looping in)(?: in)? (?:your|the) ${STAFF}`,
  `(?:copied|cc'?d|cced) (?:to|in) (?:your|the) ${STAFF}`,
  `(?:happy|glad|pleased) to (?:go|arrange (?:it|this|things)|work|liaise) (?:through|with|via) (?:your|the) ${STAFF}`,
  `(?:via|through) (?:your|the) ${STAFF} (?:if|as|is|would) (?:easier|better|best|preferred|simpler)`,
]);

export const officeCopied: Rule = {
  id: 'context.office-copied',
  kind: 'context',
  dampens: ['content'],
  reason: 'the sender brings your office in, as a lure would not',
  evaluate(view) {
    const hit = first(view.text.folded, COPIED);
    return hit === undefined ? undefined : { weight: 0.35, evidence: quote(hit) };
  },
};
