/**
 * Pushing the conversation somewhere the office cannot see: a personal number or address,
 * an encrypted app, "does your office read these?". Genuine contacts route to the office.
 */
import { words } from '../match.ts';
import { phraseRule } from '../phrase-rule.ts';

export const privateChannel = phraseRule({
  id: 'honeytrap.private-channel',
  category: 'honeytrap',
  kind: 'content',
  reason: 'pushes you to a private or encrypted channel away from your office',
  pattern: words([
    // Away from the lines that are kept: "don't use the switchboard, it's being monitored".
    "(?:don'?t|do not|never) (?:use|call|ring|go through) (?:the|your) (?:switchboard|office line|main line|work (?:line|email|phone)|official (?:email|line|channels?))",
    '(?:message|text|add|find|reach|contact|call|msg|dm|ping|chat to|talk to|see|follow) me on (?:whatsapp|signal|telegram|snap(?:chat)?|insta(?:gram)?|wickr|threema|wire|viber|session|kik)',
    "(?:whatsapp|signal|telegram|snapchat|insta)(?:'s| is) (?:best|easier|easiest|better|quicker|safer)",
    '(?:switch|move|go|come) (?:over )?(?:to|onto) (?:whatsapp|signal|telegram|snapchat)',
    // "Can we talk? Not on here": off the channel the message came on.
    '(?:talk|chat|speak)[?!.,]* not (?:on|over) (?:here|this|text|whatsapp)',
    // "Are you on Signal? I'd rather chat there": asked before the move.
    '(?:are|r) (?:you|u) on (?:signal|telegram|snap(?:chat)?|wickr|threema|session|kik)',
    "(?:i'?d|i would) (?:rather|prefer to) (?:chat|talk|message|text) (?:there|on (?:signal|telegram|whatsapp|snap(?:chat)?|insta(?:gram)?))",
    "what you'?re missing on",
    '(?:is there|have you got|do you have|got|is this|give me|send me) (?:a |an |your )?(?:personal|private|non-work|other|own|home) (?:email|e-mail|number|mobile|phone|account|address|line)',
    'your (?:personal|private|own|home|non-work) (?:email|e-mail|number|mobile|phone|account|address)',
    'rather than (?:through |via |on )?(?:any |the |your )?(?:official|work|office|parliamentary) (?:channels?|email|address|account|number)',
    '(?:not|never|instead of|rather than|avoid(?:ing)?) (?:through|via|on|to|using) (?:any |the |your |my )?(?:official|work|office|parliament(?:ary)?) (?:channels?|email|e-mail|address|account|number|inbox)',
    '(?:reply|write|respond|email|e-mail|message|text|contact me)(?: me)? (?:to|on|at|via) my (?:personal|private|own|home|other) (?:email|e-mail|address|number|mobile|phone|account)',
    'off the record',
    '(?:work|the office|they|security|it) (?:reads?|monitors?|checks?) my (?:whatsapp|messages|phone|email)',
    '(?:send|forward) it (?:straight )?to (?:her|his|my) (?:personal|private|own) (?:address|email|account)',
    '(?:send|give|text|ping) me your (?:personal|private|own|other|non-work) (?:one|number|email|mobile)',
    "(?:don'?t|do not|please don'?t) (?:reply|respond|message|write|answer)(?: me)? (?:on|to|via) (?:teams|slack|your (?:parliamentary|work|office|official) (?:email|account|phone|mobile))",
    '(?:your )?(?:caseworkers?|staff|office|researchers?|team) (?:can|could|might|will) (?:read|see)',
    '(?:using|on) my (?:own|personal|private) (?:phone|email|number|mobile|account)',
    'email (?:it|them|this|that) to [a-z0-9._-]+@',
    '(?:send|chat|talk|message|share)(?: it| this| them)? (?:over|on|via) (?:telegram|signal|wickr|snap(?:chat)?|threema|session)',
    '(?:moving|switching|going|coming) (?:over )?(?:to|onto) (?:whatsapp|signal|telegram|snapchat|wickr)',
    "(?:i'?m|i am) on my (?:personal|private|own|home) (?:account|email|phone|mobile)",
    'reply (?:to )?(?:this|my) (?:address|number|email) only',
    '(?:continue|carry on|chat|talk|move this|take this) (?:on|to|over to|onto) (?:whatsapp|signal|telegram|snap(?:chat)?|wickr|threema|wire|session)',
    'my (?:wickr|signal|telegram|snap(?:chat)?|threema|session) (?:username|handle|id|is)',
    '(?:send|forward|email) (?:it|them|this|that|the [a-z]+|a copy) to my (?:personal|private|own|home|other|gmail|hotmail|outlook) (?:email|e-mail|address|account|inbox)',
    '(?:rather than|instead of|not) (?:the|my) (?:department|office|work|official|parliamentary) (?:one|address|email|account)',
    "(?:your )?office (?:can'?t|won'?t|doesn'?t|didn'?t|wouldn'?t|not|never) (?:see|read|know|check)",
    '(?:does|do) (?:your|the) (?:office|staff|team|assistants?|researchers?|caseworkers?) (?:read|see|check|monitor)',
    "(?:rather|prefer) (?:your|the) (?:office|staff|team) (?:didn'?t|not|don'?t|never)",
    'disappearing messages',
    "(?:what'?s|can i (?:have|get)|could i (?:have|get)|send me|give me|text me|drop me|ping me) your (?:personal |private |mobile |own )?(?:number|mobile|digits|whatsapp|snap|insta)",
    'somewhere (?:quieter|more private|private)',
  ]),
  weights: [0.25],
  affirmedOnly: true,
});
