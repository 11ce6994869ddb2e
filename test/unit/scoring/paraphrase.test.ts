/**
 * Paraphrases written apart from the corpus (by the lead, after the rules were tuned): lures the
 * detector has never seen must still be flagged, and ordinary messages that share their words
 * must not. A guard against rules that memorise the corpus's sentences.
 */
import { describe, expect, it } from 'vitest';
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

const score = (text: string) =>
  assess({ channel: 'whatsapp', sender: { phones: ['+447700900123'] }, text }, ctx);

describe('paraphrased lures the rules were not tuned on', () => {
  it.each(LURES)('flags: %s', (text) => {
    expect(score(text).verdict).not.toBe('benign');
  });
});

describe('ordinary messages that share a lure’s words', () => {
  it.each(ORDINARY)('passes: %s', (text) => {
    expect(score(text).verdict).toBe('benign');
  });
});
