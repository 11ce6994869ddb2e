/**
 * Paraphrases written apart from the corpus (by the lead, after the rules were tuned): lures the
 * detector has never seen must still be flagged, and ordinary messages that share their words
 * must not. A guard against rules that memorise the corpus's sentences.
 */
import { describe, expect, it } from 'vitest';
import type { Channel } from '../../../shared/domain/report.ts';
import { assess } from '../../../shared/scoring/index.ts';
import { ctx } from './helpers.ts';

const LURES = [
  "Hey Tom, it's Sasha - we chatted at the Labour conference gala dinner in Liverpool. Can't believe you've forgotten me already! I've been thinking about our conversation all week x Are you free for a drink next time you're in town? Just us two",
  "Hello James, I hope you remember me from the APPG reception on Tuesday, I was the one in the green dress. I feel so silly messaging. You were so charming. Could we keep this between ourselves? Here's a photo so you remember 😘",
  "Hi Minister, this is Katya, we met briefly at the embassy reception. I'm embarrassed you may not recall. I would love to discuss your work privately - is there a personal number I can reach you on rather than your office?",
  "Morning! Remember me? Lily from the Red Lion after the vote last Wednesday 🙈 I still have your pen haha. Sent you a little something... don't show anyone 😉",
  "Dear Mr Harris, I'm a researcher and we met at the Conservative fundraiser. So awkward that you didn't recognise me. I have documents on the defence review you should see - can we meet somewhere discreet?",
  'hey handsome, it was amazing meeting u at the party conference bar last nite. u probs dont remember me lol. add me on telegram @lily_x its more private',
  "I have the photos you sent me. Unless you transfer £5,000 by Friday I will send them to your wife and the local paper. Don't test me.",
  'Your Parliament account password expires today. Verify your details at https://parliament-login.secure-verify.example/auth to avoid losing access to email.',
  "Hi it's Jordan from the Spectator summer party!! Sorry to message out of the blue, a friend gave me your number. I'm mortified you don't remember 🙈 fancy a coffee, somewhere quiet?",
  "Sam, it's Ellie from the Terrace Pavilion drinks. I can't stop thinking about you. Delete this after reading? Let's move to Signal, it's safer x",
];

const ORDINARY = [
  "Hi Tom, great to see you at the constituency surgery on Friday. As discussed, I've attached the council's letter about the bus route. Best, Margaret",
  'Dear all, reminder that the APPG on Rare Diseases meets Tuesday 2pm in Committee Room 10. Agenda attached. Kind regards, APPG Secretariat',
  'Hi darling, kids are asleep, lovely photo of you at the conference today! Miss you, see you Thursday xx',
  'Hello James, thank you for attending our reception at Portcullis House. As promised, our briefing is at https://www.carers-uk.example/briefing. Please contact your office to arrange a visit.',
  'Security notice: members may receive unsolicited messages from people claiming to have met them at events. Do not engage, do not send images, forward to the security team.',
  "Hi, it's Dan from the whips office - new number, please save it. Vote at 7pm tonight, three line whip.",
  'Mum: Did you get home ok after the dinner? Call me tomorrow, love you x',
  'Hi Sarah, lovely meeting you at the Women in Parliament breakfast! You might not remember me, I run the food bank in Leeds. Would your office have time for a visit in recess?',
  'Your password for the Parliament network will expire in 5 days. To change it, press Ctrl+Alt+Del on a parliamentary device. The Digital Service will never ask for your password by email.',
  "Pete, great match yesterday. Drinks in Strangers' after the 10pm vote? Bring Jess.",
];

/** Spear phishing, account takeover and sextortion, each with its genuine counterpart. */
const MORE_LURES: Array<[Channel, string]> = [
  [
    'email',
    'From the Office of the Speaker: please review the attached revised seating plan for the State Opening. Sign in with your parliamentary credentials to view: http://speaker-office-docs.example/view',
  ],
  [
    'email',
    'Hi, this is IT support. We detected unusual activity on your account. Reply with the 6-digit code we just texted you so we can secure it.',
  ],
  [
    'whatsapp',
    "Hi Dad, this is my new number, my phone broke. Can you send me the code you just got by text? It's urgent x",
  ],
  [
    'email',
    'Dear Member, your expenses claim has been rejected. Download the attached form (claim_form.html) and log in to resubmit within 24 hours.',
  ],
  [
    'whatsapp',
    "You don't know me but I know what you did at the hotel in Manchester. I have the video. Pay 0.5 BTC to the address below within 48 hours or everyone on your contact list sees it.",
  ],
  [
    'whatsapp',
    'Remember those pictures you sent? It would be a shame if your constituents saw them. My friend wants to meet you about the select committee papers. Your choice.',
  ],
  [
    'sms',
    "Hi gorgeous, it's Mia, we had such a laugh at the Lib Dem conference disco!! You've probably forgotten me already 😢 Can I send you a pic to jog your memory? x",
  ],
  [
    'email',
    'Dear Ms Patel, we met at the Chatham House roundtable last month. I work for a consultancy advising a foreign ministry and would value your private views on the China audit. Perhaps dinner, off the record? Please reply to my personal email.',
  ],
  [
    'whatsapp',
    'Hiya stranger 😊 Nat here - we were squashed together at the bar at the Unite reception in Brighton. You promised me a tour of Parliament! Still on? Just the two of us x',
  ],
  [
    'whatsapp',
    "Is this still Ollie's number? It's Bella, from the SNP conference afterparty. I've been too shy to text until now 🙈 You were the funniest person there. What are you up to this weekend?",
  ],
  [
    'email',
    "Dear Rachel, forgive the personal approach. We spoke at the Policy Exchange launch about your work on the Energy Bill and I found you fascinating. I'd love to continue the conversation privately over dinner - my treat. My mobile is 07700 900811, WhatsApp is best.",
  ],
  [
    'whatsapp',
    "Hey, it's Georgie 👋 we met at the Westminster Arms after the Budget. Sorry if this is weird, your colleague gave me your number. Sending you a selfie so you know who I am 😘",
  ],
  [
    'sms',
    "Hi Alex, Marco here from the Italian embassy drinks. I am a big admirer of your work. Perhaps you could tell me a little about the committee's thinking on the trade deal? Over a quiet drink, of course.",
  ],
  [
    'whatsapp',
    "Can't believe you don't remember our night at the conference hotel bar!! I do 😉 Sent you something to remind you. Delete it after, wouldn't want your wife seeing 🤫",
  ],
  [
    'email',
    "Hello Priya, you may not remember me - Anna, we met at the Chinese New Year reception in the Jubilee Room. I'm putting together a private briefing for a few friends in business and would pay well for your insights on the upcoming defence procurement. Discretion guaranteed.",
  ],
  [
    'whatsapp',
    'hi x its Abi again. you never replied 😢 was it something i said at the pub after pmqs? i sent you a pic... did you like it? you can send one back, no one will ever know',
  ],
];

const MORE_ORDINARY: Array<[Channel, string]> = [
  [
    'email',
    'Dear Ms Patel, thank you for speaking at the Chatham House roundtable. The transcript is attached for your approval before publication. Best wishes, Events Team',
  ],
  [
    'email',
    'Reminder: the parliamentary IT team will never ask you to share a verification code. If someone does, report it to the service desk.',
  ],
  ['whatsapp', "Hi Dad, phone died, using Jake's phone - home by 10, don't wait up x"],
  [
    'email',
    'Your expenses claim for March has been approved and will be paid on the 28th. No action is needed.',
  ],
  [
    'whatsapp',
    "Great to see you at the Lib Dem conference disco! Pictures from the night are on the party's Flickr, tag yourself if you like. See you at group on Tuesday.",
  ],
  [
    'email',
    "Hi Mark, it's Claire from the Disability Rights charity - we met at the APPG drop-in. Here is the evidence we promised for the committee inquiry (public report attached). Happy to brief your caseworker.",
  ],
  [
    'sms',
    "Hi Ben, it's Alex from the whips' office. Urgent: you're needed in the division lobby in 8 minutes.",
  ],
  [
    'email',
    "Dear colleague, the security team is aware of a campaign of WhatsApp messages from people claiming to have met members at the conference. Please don't reply and forward any such messages to report@lurewatch.example.",
  ],
  [
    'whatsapp',
    "Hiya! Lovely to see you at the Unite reception in Brighton. As promised, here's the link to our report on bus workers' pay. Can we set up a meeting with your caseworker?",
  ],
  [
    'email',
    'Dear Rachel, thank you for speaking at the Policy Exchange launch on the Energy Bill. The recording is now on our website. Please pass on our thanks to your office.',
  ],
  [
    'whatsapp',
    "Hey it's Georgie from your old uni halls! Saw you on Question Time, you were brilliant. Let's catch up next time you're in Leeds - bring the kids!",
  ],
  [
    'sms',
    'Hi Alex, Marco from the Italian embassy here. Thank you for attending the reception. Our ambassador would like to invite the committee to a formal briefing; I will send the details to your office.',
  ],
  [
    'email',
    "Hello Priya, you may not remember me - Anna Lewis from the Chamber of Commerce. We met at the business breakfast. We'd like to invite you to open our new training centre; I've copied your diary secretary.",
  ],
  [
    'whatsapp',
    "Babe I'm at the conference hotel bar with the team, come down when you're done with the speech x love you",
  ],
  [
    'whatsapp',
    "Hi Tom, it's the office. Your 3pm with the Sheffield Housing Trust is moved to 4pm, same room. Papers in the red folder.",
  ],
  [
    'email',
    'Dear Minister, I am writing as your constituent about the closure of our local library. You met me at the surgery in May. I would be grateful for a reply.',
  ],
];

const score = (text: string, channel: Channel = 'whatsapp') =>
  assess(
    channel === 'email'
      ? { channel, sender: { emails: ['someone@example.test'] }, text }
      : { channel, sender: { phones: ['+447700900123'] }, text },
    ctx,
  );

describe('paraphrased lures the rules were not tuned on', () => {
  it.each(LURES)('flags: %s', (text) => {
    expect(score(text).verdict).not.toBe('benign');
  });
});

describe('more unseen lures, over email, SMS and WhatsApp', () => {
  it.each(MORE_LURES)('flags (%s): %s', (channel, text) => {
    expect(score(text, channel).verdict).not.toBe('benign');
  });
});

describe('their genuine counterparts', () => {
  it.each(MORE_ORDINARY)('passes (%s): %s', (channel, text) => {
    expect(score(text, channel).verdict).toBe('benign');
  });
});

describe('ordinary messages that share a lure’s words', () => {
  it.each(ORDINARY)('passes: %s', (text) => {
    expect(score(text).verdict).toBe('benign');
  });
});
