import { describe, expect, it } from 'vitest';
import { chat, mail, run } from './helpers.ts';

describe('context.established-relationship', () => {
  it('fires when the target plainly knows the sender', () => {
    expect(
      run('context.established-relationship', chat(['them: miss you x', 'me: miss you too, home Friday'])),
    ).toBeDefined();
    const saved = chat(['them: dinner?']);
    for (const m of saved.messages ?? []) m.author = 'Alex 💕';
    expect(run('context.established-relationship', saved)).toBeDefined();
  });
  it('ignores a polite but wary target', () => {
    expect(
      run(
        'context.established-relationship',
        chat(['them: hey you!', "me: Sorry, I'm not sure who this is?"]),
      ),
    ).toBeUndefined();
  });
});

describe('context.professional-contact', () => {
  it('fires for an authenticated organisation linking to its own site', () => {
    const r = mail('Our briefing: https://www.charity.example/brief', 'policy@charity.example', {
      auth: { dkim: 'pass', dmarc: 'pass' },
    });
    expect(run('context.professional-contact', r)).toBeDefined();
  });
  it('ignores free-mail senders and lookalikes of ours', () => {
    expect(
      run(
        'context.professional-contact',
        mail('https://x.example', 'abi@gmail.com', { auth: { dkim: 'pass' } }),
      ),
    ).toBeUndefined();
    expect(
      run('context.professional-contact', mail('x', 'it@parliament-uk.example', { auth: { dkim: 'pass' } })),
    ).toBeUndefined();
  });
});

describe('context.official-channel', () => {
  it('fires when the sender routes things through the office', () => {
    expect(
      run(
        'context.official-channel',
        chat(["them: I'll email the details to your office email so it's in the diary"]),
      ),
    ).toBeDefined();
  });
  it('ignores a push away from the office', () => {
    expect(
      run('context.official-channel', chat(["them: I'd rather your office didn't see this"])),
    ).toBeUndefined();
  });
});

describe('context.security-advisory', () => {
  it('fires on a security notice describing lures', () => {
    const notice =
      'We have received reports of WhatsApp messages to members and staff from people claiming to have met them. If you receive one, do not reply and report it to the security team.';
    expect(run('context.security-advisory', mail(notice, 'security@parliament.uk'))).toBeDefined();
  });
  it('ignores a lure that merely mentions security', () => {
    expect(
      run(
        'context.security-advisory',
        mail('Security alert: secure your account within 24 hours: https://x.example'),
      ),
    ).toBeUndefined();
  });
});

describe('context.official-channel: the office copied in', () => {
  it("fires when the sender brings the target's office in", () => {
    expect(
      run(
        'context.official-channel',
        mail("We'd like you to open our centre; I've copied your diary secretary."),
      )?.weight,
    ).toBe(0.35);
    expect(run('context.official-channel', mail('Happy to arrange it through your office.'))).toBeDefined();
  });
  it('ignores a sender who keeps the office out', () => {
    expect(
      run('context.official-channel', chat(["them: don't copy your office in, let's keep this between us"])),
    ).toBeUndefined();
  });
});

describe('context.security-advisory: someone telling of a lure they or another were sent', () => {
  it('reads a colleague passing on a smishing text, and a caseworker describing a threat', () => {
    expect(
      run(
        'context.security-advisory',
        chat([
          'them: ha, guess what I got this morning: "Royal Mail: your parcel is held, pay £1.99 at royal-mail-fee.info". Sent it to 7726 as IT told us. Lunch?',
        ]),
      ),
    ).toBeDefined();
    expect(
      run(
        'context.security-advisory',
        mail(
          'A constituent in her seventies has been sent texts saying "pay £300 or I send your photos to your family". We have told her not to pay and to report it to the police, who are now involved.',
        ),
      ),
    ).toBeDefined();
  });
  it('does not read the lure itself, even one that names the police', () => {
    expect(
      run(
        'context.security-advisory',
        chat([
          "them: If you don't pay by Friday the video goes to your wife. Don't even think of the police.",
        ]),
      ),
    ).toBeUndefined();
  });
});

describe('context.official-channel, negated', () => {
  it('does not count "not through the parliamentary email": that is a private channel', () => {
    const report = chat([
      'them: Please confirm to me directly, not through the parliamentary email, it is simpler.',
    ]);
    expect(run('context.official-channel', report)).toBeUndefined();
    expect(run('honeytrap.private-channel', report)).toBeDefined();
  });
});

describe('context.security-advisory: notices and heads-ups in more words', () => {
  it('reads "we have seen a rise in …" with its advice, and a heads-up reported to security', () => {
    expect(
      run(
        'context.security-advisory',
        mail(
          'We have seen a rise in blackmail emails claiming a webcam recording, e.g. "pay $900 or the video goes to your contacts". Do not pay. Report it to the security team.',
          'security@party.example',
        ),
      ),
    ).toBeDefined();
    expect(
      run(
        'context.security-advisory',
        chat([
          "them: heads up, just had one of these 'so embarrassed you don't remember me' texts. Reported to security. Watch out",
        ]),
      ),
    ).toBeDefined();
  });
});

describe('context.security-advisory: pleas for help and checks with the real person', () => {
  it('reads a parent quoting the threat their child received', () => {
    expect(
      run(
        'context.security-advisory',
        mail(
          'My son (16) got this on Instagram: "send £200 or your pics go to your whole school". He has not paid. Do we go to the police? What should we do?',
        ),
      ),
    ).toBeDefined();
  });
  it('reads a colleague checking with the supposed sender', () => {
    expect(
      run(
        'context.security-advisory',
        chat([
          'them: Did you send me a WhatsApp from a new number asking me to pay an invoice?',
          "me: No! Don't pay anything",
          'them: Thought so, forwarding it to IT security now. Is this one of those scams?',
        ]),
      ),
    ).toBeDefined();
  });
});

describe('context.official-channel: the office offered as the route', () => {
  it('reads "if your office would rather set it up"', () => {
    expect(
      run(
        'context.official-channel',
        mail('Coffee one morning? If your office would rather set it up, my number is below.'),
      ),
    ).toBeDefined();
  });
});
