/**
 * Whole-message behaviour on messages written for these tests (not taken from the corpus):
 * paraphrased lures of each family must be flagged, and hard negatives that share their words
 * must not.
 */
import { describe, expect, it } from 'vitest';
import { Assessment } from '../../../shared/domain/report.ts';
import { assess, RULESET_VERSION, topReasons } from '../../../shared/scoring/index.ts';
import { buildView, type ReportLike } from '../../../shared/scoring/view.ts';
import { chat, ctx, mail } from './helpers.ts';

const LURES: Array<[string, ReportLike, string]> = [
  [
    'honey trap by WhatsApp',
    chat([
      "them: Heyyy it's Mia 🙂 we were chatting by the bar at the Tory conference gala?",
      'me: Sorry, who?',
      "them: omg you've forgotten me already 😳 so embarrassing. you were lovely though x",
      'them: <Media omitted>',
      'them: oops wrong chat 🙊 or was it...',
    ]),
    'honeytrap',
  ],
  [
    'honey trap by email with a push to a private channel',
    mail(
      "Dear James, I doubt you'll remember me, but we shared a table at the Burns Night dinner in the Members' Dining Room. I've felt so silly not writing sooner. I'd love a drink, just us - is there a private number I could text? I'd rather your staff didn't read this. Lx",
      'lily.harcourt@fastmail.example',
    ),
    'honeytrap',
  ],
  [
    'honey trap fishing for the diary',
    chat([
      'them: Hi Sam! Priya from the fringe drinks in Brighton, you said to message you 😊',
      'me: Hi Priya',
      "them: You were such a charmer. Don't worry, I won't tell anyone 😉 Is your MP speaking anywhere next week? Where will he be on Thursday?",
    ]),
    'honeytrap',
  ],
  [
    'sextortion by SMS',
    {
      channel: 'sms',
      sender: { phones: ['+447700900555'] },
      text: "I've got screenshots of everything you said. Transfer £2,000 by Friday or they get sent to your wife and the local paper. Don't contact the police.",
    },
    'sextortion',
  ],
  [
    'sextortion for papers',
    chat([
      'them: remember me? I kept the photos you sent',
      'them: It would be a shame if the whips saw them. All I want is the draft report before it is published. Think about it.',
    ]),
    'sextortion',
  ],
  [
    'credential phish from a lookalike domain',
    mail(
      'Your mailbox is full. Verify your account to keep receiving mail: https://parliament-mail-support.example/verify',
      'it-support@parliament-mail.example',
    ),
    'spearphish',
  ],
  [
    'MFA re-registration phish with mismatched link text',
    mail(
      'Parliamentary Digital Service: all staff must re-register your MFA device by Friday.',
      'noreply@pds-notices.example',
      {
        urls: [{ url: 'https://mfa-update.example/r', text: 'https://intranet.parliament.uk/mfa' }],
      },
    ),
    'spearphish',
  ],
  [
    'WhatsApp code takeover',
    chat([
      "them: Hi it's your boss here, new phone. WhatsApp texted you a six digit code by accident, can you send it over quick?",
    ]),
    'spearphish',
  ],
  [
    'journalist impersonation asking for a login and papers',
    mail(
      "Hi Ana, I'm writing up the inquiry. The draft is on our secure review portal - sign in with your work Microsoft account: https://portal-dailyledger.example/d/9. Could you also send over the committee's draft conclusions? Deadline tonight.",
      'editor@daily-ledger.example',
    ),
    'spearphish',
  ],
  [
    'macro attachment from an unknown sender',
    mail('Please review the attached agenda before the meeting.', 'events@unknown-org.example', {
      attachments: [
        { name: 'Agenda.docm', contentType: 'application/vnd.ms-word.document.macroEnabled.12', size: 2000 },
      ],
      auth: { spf: 'softfail', dmarc: 'fail' },
    }),
    'spearphish',
  ],
];

const HARD_NEGATIVES: Array<[string, ReportLike]> = [
  [
    'genuine reception follow-up from an organisation',
    mail(
      "Dear Sam, lovely to meet you at our reception in the Jubilee Room on Tuesday - you may not remember me, it was busy! As promised, our briefing is here: https://www.youthcharity.example/briefing. We'd welcome a meeting through the office when convenient.",
      'policy@youthcharity.example',
      { auth: { spf: 'pass', dkim: 'pass', dmarc: 'pass' } },
    ),
  ],
  [
    'security notice that describes lures',
    mail(
      "Fresh cyber security warning. We have received reports of members and staff being contacted on WhatsApp by people claiming to have met them at a reception or in Strangers' Bar, who say they are embarrassed you don't remember them, flirt, and send unsolicited explicit images. Some then threaten to send screenshots to your family unless you pay. If you receive such a message, do not reply and report it to the security team. We will never ask for your password.",
      'security@parliament.uk',
      { auth: { spf: 'pass', dkim: 'pass', dmarc: 'pass' } },
    ),
  ],
  [
    'security officer quoting a lure',
    mail(
      "Colleagues - for awareness. We are aware of a message circulating that reads: \"Hey you, it's Abi from the Sports and Social, I'm so embarrassed you don't remember me x\". If you are contacted like this, please report it to the Parliamentary Security Department and do not engage.",
      'psd@parliament.uk',
    ),
  ],
  [
    'spouses',
    (() => {
      const r = chat([
        'them: Miss you. Kids asleep, the dog ate a sock 🙄 x',
        'me: Ha, poor dog. Miss you too, back Thursday after the vote x',
        "them: Can't wait 😘",
        'them: <Media omitted>',
      ]);
      for (const m of r.messages ?? []) if (!m.fromTarget) m.author = 'Ruth ❤️';
      return r;
    })(),
  ],
  [
    'colleague called Charlie and drinks in Strangers',
    mail(
      "Hi team, drinks for Charlie's birthday in Strangers' after the 7pm vote on Wednesday - don't tell Charlie! Guests without passes: let me know by Tuesday.",
      'office.manager@parliament.uk',
    ),
  ],
  [
    'old friend, not sure you remember',
    chat([
      "them: Not sure you'll remember me - Tom, we shared a flat in Cardiff in 2009! Saw you on the news",
      'me: Tom!! Of course I remember. How are you?',
      "them: Good thanks, married, two kids. Beers on me if you're ever in Swansea",
    ]),
  ],
  [
    'genuine IT notice with our own links',
    mail(
      'The Parliamentary Digital Service is upgrading MFA. You will be asked to sign in with your parliamentary account and re-register your authenticator at https://intranet.parliament.uk/mfa. We will never ask for your password by email.',
      'pds.notices@parliament.uk',
      { auth: { spf: 'pass', dkim: 'pass', dmarc: 'pass' } },
    ),
  ],
  [
    'journalist request with a deadline',
    mail(
      'Hi Megan, we are running a story on bus funding tomorrow. Could the minister give us a line by 5pm today? My mobile is 07700 900321 if easier. Thanks, Luke',
      'luke@regionalpaper.example',
      { auth: { dkim: 'pass', dmarc: 'pass' } },
    ),
  ],
  [
    'constituent with photos after a fete',
    mail(
      'So lovely to meet you at the summer fete! My husband took a photo of us, attached. The bus still only comes twice a day - please help. Jan xx',
      'jan@homeisp.example',
      {
        attachments: [{ name: 'IMG_2231.jpg', contentType: 'image/jpeg', size: 30000, isImage: true }],
      },
    ),
  ],
  [
    'staffer forwards to the office after an APPG event',
    chat(
      [
        "them: Hi Dan, it's Leah from Sight Matters - we met at the APPG drop-in today. Here's the photo",
        'them: <Media omitted>',
        'me: Great to meet you, thanks!',
        "them: I'll email the visit details to your parliament address so it's in the diary",
      ],
      'Leah (Sight Matters)',
    ),
  ],
];

describe('assess', () => {
  it.each(LURES)('flags a lure: %s', (name, report, category) => {
    const a = assess(report, ctx);
    if (process.env.SHOW_SCORES) console.log(a.score, name);
    expect(a.verdict, JSON.stringify(a.indicators, null, 1)).not.toBe('benign');
    expect(a.category).toBe(category);
  });

  it.each(HARD_NEGATIVES)('does not flag a hard negative: %s', (name, report) => {
    const a = assess(report, ctx);
    if (process.env.SHOW_SCORES)
      console.log(a.score, name, a.indicators.map((i) => `${i.id} ${i.weight}`).join('; '));
    expect(a.verdict, JSON.stringify(a.indicators, null, 1)).toBe('benign');
    expect(a.category).toBe('none');
  });

  it('produces a valid Assessment with reasons, version and time', () => {
    const a = assess(LURES[0]![1], ctx);
    expect(() => Assessment.parse(a)).not.toThrow();
    expect(a.rulesetVersion).toBe(RULESET_VERSION);
    expect(a.scoredAt).toBe('2024-05-01T12:00:00.000Z');
    expect(a.reasons).toHaveLength(3);
    expect(a.reasons[0]).toMatch(/^[A-Z]/);
    expect(topReasons(a, 1)).toEqual(a.reasons.slice(0, 1));
  });

  it('counts co-occurring signals for more than any one', () => {
    const one = assess(chat(["them: ok now I'm embarrassed"]), ctx).score;
    const two = assess(chat(["them: ok now I'm embarrassed you don't remember me"]), ctx).score;
    const three = assess(
      chat(["them: it's Abi from Strangers' bar! ok now I'm embarrassed you don't remember me"]),
      ctx,
    ).score;
    expect(two).toBeGreaterThan(one);
    expect(three).toBeGreaterThan(two);
  });

  it("never uses the target's own words against the sender", () => {
    const a = assess(
      chat([
        'them: Hello, is that Sam?',
        "me: We met at the Red Lion, you don't remember me? I'm so embarrassed, send me a photo x",
      ]),
      ctx,
    );
    expect(a.score).toBeLessThan(20);
  });

  it('scores an empty report as benign', () => {
    expect(assess({}, ctx)).toMatchObject({ score: 0, verdict: 'benign', category: 'none', indicators: [] });
  });

  it('keeps evidence short', () => {
    const long = `We met at the conference bar ${'and then '.repeat(200)} you don't remember me`;
    for (const i of assess(mail(long), ctx).indicators) expect(i.evidence.length).toBeLessThanOrEqual(500);
  });
});

describe('quoted replies', () => {
  it("does not read a reply's quoted lure as the sender's words", () => {
    const reply = mail(
      "Thanks for flagging this. Please don't reply to the number and keep it blocked; we'll add it to the other reports and let you know if we need anything else from you.\n\nOn Tue, 5 Mar 2024 at 10:00, Sam <sam@parliament.uk> wrote:\n> it's Abi from Strangers' bar! I'm so embarrassed you don't remember me x\n> fancy a drink?",
      'officer@parliament.uk',
    );
    expect(assess(reply, ctx).verdict).toBe('benign');
  });
  it('still reads a lure that is nothing but a quote', () => {
    const quoted = mail(
      "> it's Abi from Strangers' bar! I'm so embarrassed you don't remember me x\n> <Media omitted>\n> oops wrong chat... or was it",
      'x@y.example',
    );
    expect(assess(quoted, ctx).verdict).not.toBe('benign');
  });
});

describe('chat notices in the scoring view', () => {
  it('reads a message that mentions leaving, and drops the notice "Abi left"', () => {
    const view = buildView({
      channel: 'whatsapp',
      messages: [
        { author: 'Abi', text: 'you left your water bottle again lol, fancy a drink?' },
        { author: 'Abi', text: 'Abi left' },
      ],
    });
    expect(view.text.folded).toBe('you left your water bottle again lol, fancy a drink?');
  });
});
