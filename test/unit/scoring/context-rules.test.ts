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
