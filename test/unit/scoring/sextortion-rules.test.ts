import { describe, expect, it } from 'vitest';
import { chat, mail, run } from './helpers.ts';

describe('sextortion.exposure-threat', () => {
  it('fires on a conditional threat to tell the family or press', () => {
    expect(
      run('sextortion.exposure-threat', chat(['them: Pay up or the pictures get sent to your husband.']))
        ?.weight,
    ).toBe(0.5);
    expect(
      run(
        'sextortion.exposure-threat',
        chat(["them: unless you reply, I'll send them to your husband and the tabloids"]),
      )?.weight,
    ).toBe(0.5);
  });
  it('ignores a loving "sending it to your mum"', () => {
    expect(
      run(
        'sextortion.exposure-threat',
        chat(['them: Lovely photo of us. Sending it to your mum, she asked for one']),
      ),
    ).toBeUndefined();
  });
});

describe('sextortion.kompromat-claim', () => {
  it('fires on a claim to hold compromising material', () => {
    expect(
      run('sextortion.kompromat-claim', mail('I have screenshots of our chats and the video you sent me.')),
    ).toBeDefined();
  });
  it('ignores a constituent offering photos of damp', () => {
    expect(
      run('sextortion.kompromat-claim', mail('I have photos of the mould if you need them.')),
    ).toBeUndefined();
  });
});

describe('sextortion.demand', () => {
  it('fires on a payment demand', () => {
    expect(
      run(
        'sextortion.demand',
        mail('Send 0.1 BTC to the wallet address below and you will never hear from me again.'),
      ),
    ).toBeDefined();
  });
  it('reads a sum of several digits to its end ("pay £2500 or …")', () => {
    // The patterns end at a word boundary: "£2" inside "£2500" is not one.
    expect(run('sextortion.demand', chat(['them: Pay £2500 or they go on your page']))).toBeDefined();
    expect(run('sextortion.demand', chat(['them: Pay £2 500 or they go on your page']))).toBeDefined();
  });
  it('ignores a donation request', () => {
    expect(run('sextortion.demand', mail('You can donate to the appeal on our website.'))).toBeUndefined();
    expect(run('sextortion.demand', mail('The ticket is £25, pay at the door.'))).toBeUndefined();
  });
});

describe('sextortion.police-deterrence', () => {
  it('fires on warning off the police', () => {
    expect(
      run('sextortion.police-deterrence', chat(["them: don't go to the police, it will only get worse"])),
    ).toBeDefined();
  });
  it('ignores advice to contact the police', () => {
    expect(
      run('sextortion.police-deterrence', mail('If you feel unsafe, contact the police on 999.')),
    ).toBeUndefined();
  });
});

describe('sextortion in more of its forms', () => {
  it('a crypto sum, a page or office as the audience, a deadline that raises the price', () => {
    expect(
      run('sextortion.demand', chat(['them: Your video is on my computer. Delete cost 0.05 BTC.'])),
    ).toBeDefined();
    expect(
      run(
        'sextortion.exposure-threat',
        chat([
          'them: 12 hours left. After that the price doubles and the first clip goes to your constituency office and your Facebook page.',
        ]),
      ),
    ).toBeDefined();
    expect(
      run(
        'sextortion.demand',
        chat(['them: We have photos. Table the amendment we send you and this stays buried.']),
      ),
    ).toBeDefined();
  });
  it('ignores a constituent describing a threat made to their son', () => {
    expect(
      run(
        'sextortion.exposure-threat',
        mail(
          'Someone is demanding £500 from my son or they will send the photos to his friends. Can you help?',
        ),
      ),
    ).toBeUndefined();
  });
});

describe('a sum written with its currency sign after a space', () => {
  // `\b` before "£" needed a letter or digit right before it: "is £500 in bitcoin" went unread.
  it('is read as a demand, and as the demand beside held material', () => {
    expect(run('sextortion.demand', chat(['them: It is £500 in bitcoin by Friday.']))?.evidence).toContain(
      '£500 in bitcoin',
    );
    expect(
      run('sextortion.demand', chat(['them: You know what I have. $8,000, or the video goes to your wife.'])),
    ).toBeDefined();
    expect(
      run(
        'sextortion.coercion',
        chat(['them: I have the recording of our call. Unless you send £900 it goes to your party chair.']),
      )?.evidence,
    ).toContain('£900');
  });
  it('is not a demand in an invoice', () => {
    expect(
      run('sextortion.demand', mail('The balance of £420 is due by the 30th; thank you.')),
    ).toBeUndefined();
  });
});

describe('sextortion.persona-reveal', () => {
  it('reads the mask dropped and the threat put to family or career', () => {
    for (const text of [
      "I'm not Abi. There is no Abi. Listen carefully.",
      'Did you really think I was real? Check your email. Now.',
      "Check WhatsApp. You'll want to see what I sent before your wife does.",
      'What you do next decides whether your career survives the week.',
    ])
      expect([text, run('sextortion.persona-reveal', chat([`them: ${text}`]))?.weight]).toEqual([text, 0.35]);
  });
  it('ignores a friend saying there is no rush, or asking after a career', () => {
    expect(
      run('sextortion.persona-reveal', chat(['them: There is no rush. Hope your career is going well!'])),
    ).toBeUndefined();
  });
});

describe('the bare ultimatum, and a sum with its unit', () => {
  it('reads "Reply or I post", a message already written, "copies of everything"', () => {
    expect(run('sextortion.persona-reveal', chat(['them: Reply or I post. Last warning.']))).toBeDefined();
    expect(
      run(
        'sextortion.persona-reveal',
        chat(['them: The email to your association chairman is already written.']),
      ),
    ).toBeDefined();
    expect(
      run('sextortion.kompromat-claim', chat(['them: I have copies of everything you sent Lena.'])),
    ).toBeDefined();
  });
  it('keeps "£5k" a sum: a number with its unit is not leetspeak', () => {
    expect(
      run('sextortion.coercion', chat(['them: I know about Friday night. So will your constituents. £5k.']))
        ?.evidence,
    ).toContain('£5k');
  });
});

describe('the veiled threat and the favour', () => {
  it('reads "it would be a pity if she got an envelope", "one small favour and it never happens", "force my hand"', () => {
    const text =
      'them: Your wife seems lovely. It would be a pity if she got an envelope. One small favour and it never happens.';
    expect(run('sextortion.persona-reveal', chat([text]))).toBeDefined();
    expect(run('sextortion.demand', chat([text]))).toBeDefined();
    expect(
      run(
        'sextortion.police-deterrence',
        chat(['them: Discuss this with no one, least of all the police; that would force my hand.']),
      ),
    ).toBeDefined();
  });
  it('reads material come into possession of, and recordings of the evening', () => {
    expect(
      run('sextortion.kompromat-claim', mail('I have come into possession of video from that evening.')),
    ).toBeDefined();
    expect(
      run('sextortion.kompromat-claim', mail('She shared some recordings of your conversation in her room.')),
    ).toBeDefined();
  });
});
