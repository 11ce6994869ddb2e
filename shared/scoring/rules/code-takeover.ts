/**
 * Account takeover by verification code: "WhatsApp sent a 6 digit code to you by mistake, can
 * you send it over?". Whoever has the code owns the account.
 */
import { isProtectedHost } from '../domains.ts';
import { firstAffirmed, firstMatch, quote, register, words } from '../match.ts';
import type { Rule } from '../rule.ts';

// "Text" the verb, not "a text": "you'll get a text with a code" asks nothing.
const TEXT_VERB = '(?<!\\b(?:a|the|your|my|that|this) )text';

const CODE = words([
  `(?:send|forward|share|give|tell|read|${TEXT_VERB}|pass|screenshot)\\b[^.?!]{0,40}\\b(?:code|pin|otp|passcode)`,
  '(?:code|pin|otp)[^.?!]{0,40}(?:sent to you|to you by mistake|by mistake|to your phone|in the next|expires|from whatsapp)',
  '(?:\\d|six)[- ]?digit (?:code|number|pin)',
  "(?:it'?ll|it will|should) (?:be|come) from whatsapp",
  'verification code',
  '(?:verification|security|confirmation|one-time|activation) (?:text|sms|message|code)[^.?!]{0,60}(?:share|send|forward|read|pass|screenshot) (?:it|that|this|them)',
  // "tap Approve in the Authenticator app": the push a thief's sign-in sent.
  '(?:tap|press|click|hit|select) (?:approve|accept|allow|yes)(?: on| in)? (?:the )?(?:authenticator|prompt|notification|request|app)',
  '(?:approve|authori[sz]e|accept) the (?:link|request) (?:sent|we sent|i sent|in|on)',
  '(?:approve|accept|confirm) the (?:prompt|push|sign-?in request|login request|notification|mfa request|authentication request)',
  '(?:reply|respond|text back|answer) with (?:the|that|this) (?:code|pin)',
  '(?:get|receive|got|received) a code[^.?!]{0,80}(?:send|forward|pass|share|read) (?:it|them|that)(?: over| to me| back| on)?',
]);

// Found through the literal scan, like the phrase patterns: most texts hold none of their words.
const DELIVERS_CODE = register(/\b(?:code|pin|otp|passcode)\b[^.\d]{0,50}?(?:\bis|:)?\s?\d{4,8}\b/g);
// Lazy gap: each ask is its own match, so a negated one ("don't share it") does not swallow
// the next ("just send it to me").
const ASKS_TO_PASS_ON = register(
  new RegExp(
    `\\b(?:send|forward|share|give|tell|read|${TEXT_VERB}|pass|screenshot|reply)\\b[^.?!]{0,40}?\\b(?:code|pin|otp|it|that|this)\\b`,
    'g',
  ),
);
const WARNS_NOT_TO_SHARE = register(
  /\b(?:don'?t|do not|never) (?:share|give|tell|send|forward)\b|\bwill never ask\b/g,
);

export const codeTakeover: Rule = {
  id: 'spearphish.code-takeover',
  category: 'spearphish',
  kind: 'payload',
  reason: 'asks for a verification code (account takeover)',
  evaluate(view, ctx) {
    // The code arriving is not someone asking for it: "Your verification code is 482913. Don't
    // share it with anyone." is the service's own text, which a member may forward to ask.
    const t = view.text.plain;
    if (
      firstMatch(t, DELIVERS_CODE) &&
      (firstMatch(t, WARNS_NOT_TO_SHARE) || !firstMatch(t, ASKS_TO_PASS_ON))
    )
      return undefined;
    // "You'll get a code – don't send it to me, type it in yourself": told not to pass it on,
    // and asked to nowhere else.
    if (firstMatch(t, WARNS_NOT_TO_SHARE) && !firstAffirmed(t, ASKS_TO_PASS_ON)) return undefined;
    const hit = firstAffirmed(view.text.plain, CODE) ?? firstAffirmed(view.text.folded, CODE);
    if (hit === undefined) return undefined;
    const ours =
      view.senderDomains.length > 0 &&
      view.senderDomains.every((d) => isProtectedHost(d, ctx.protectedDomains));
    return { weight: ours ? 0.12 : 0.5, evidence: quote(hit) };
  },
};
