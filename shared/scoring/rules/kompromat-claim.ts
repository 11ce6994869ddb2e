/** Claims to hold compromising material: kept chats, screenshots, a recording, "what you sent me". */
import { words } from '../match.ts';
import { phraseRule } from '../phrase-rule.ts';

export const kompromatClaim = phraseRule({
  id: 'sextortion.kompromat-claim',
  category: 'sextortion',
  kind: 'threat',
  reason: 'claims to hold compromising messages, images or recordings',
  pattern: words([
    '(?:come|came) into (?:the )?possession of',
    '(?:recordings?|footage|video|audio) of (?:your|our|the) (?:conversation|call|evening|night|meeting|time together|visit)',
    "(?:i'?ve|i have|we have|we'?ve|i kept|i saved|i still have|i took|i made)(?: got| kept| saved)? (?:all |copies of |screenshots of |a copy of |a recording of |the recording of |the video of |recordings of |all of )?(?:our|your|every|all (?:our|your|the)) (?:chats?|messages?|conversations?|screenshots|texts|calls?|video calls?|photos?|pictures?|pics|images?|video|recording)",
    'copies of (?:everything|every|all|our|your)',
    '(?:video call|call|chat|conversation|session)[a-z ]{0,20} (?:was|were|has been|have been) (?:recorded|filmed|captured|saved)',
    '(?:in (?:my |our )?possession of|possess|holding|obtained|acquired) (?:some |certain )?(?:intimate|compromising|private|explicit|sensitive|personal) (?:material|images?|photos?|photographs|videos?|content|messages|footage|recordings?)',
    '(?:intimate|compromising|explicit) (?:material|images?|photos?|photographs|videos?|content|footage|recordings?) (?:of|involving|featuring|showing) you',
    'screenshots (?:included|say|show|prove|of (?:our|your|everything|the chat))',
    '(?:photo|photograph|picture|pic|video|messages?|nudes?|selfie) you sent(?: me)?',
    'what you sent me',
    '(?:hacked|infected|got into|have access to|gained access to|took control of) your (?:device|phone|computer|laptop|webcam|camera|account|email|icloud|cloud)',
    '(?:recorded|filmed|captured) (?:you|a video of you)',
    '(?:produced|made|created|generated|have|got) (?:a|this|the|some) (?:video|film|photos?|images?|pictures?|clip)s? of you',
    '(?:made|created|generated|produced|done) (?:this|it|them|these) (?:with|using|in) (?:ai|an ai|an app)',
    'deep ?fakes?',
    '(?:via|through|using) your (?:webcam|camera)',
    'recording of (?:you|your)',
    '(?:i|we) (?:have|got|kept) (?:the|a|your) (?:video|recording|footage|tape|photos?|pictures?)',
    '(?:i|we) know what you (?:did|do|were doing|got up to)',
    '(?:i|we) (?:recorded|screenshotted|screen ?recorded|saved) (?:you|the call|our|it all|everything)',
  ]),
  weights: [0.28],
});
