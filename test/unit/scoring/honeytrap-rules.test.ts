import { describe, expect, it } from 'vitest';
import { chat, mail, run } from './helpers.ts';

describe('honeytrap.claimed-meeting', () => {
  it('fires on a claimed encounter at a Westminster venue', () => {
    expect(
      run(
        'honeytrap.claimed-meeting',
        chat(['them: Hiya! We got talking at the Bishops Bar after the statement, remember?']),
      ),
    ).toBeDefined();
    expect(
      run(
        'honeytrap.claimed-meeting',
        mail('You handed me your card at the fringe event on housing, so here I am.'),
      ),
    ).toBeDefined();
    expect(
      run('honeytrap.claimed-meeting', chat(['them: Hi! It is Abi from the conference reception'])),
    ).toBeDefined();
  });
  it('ignores a constituency event and a mere mention of a venue', () => {
    expect(
      run(
        'honeytrap.claimed-meeting',
        mail('So nice to meet you at the village show, my dad loved the chat about buses.'),
      ),
    ).toBeUndefined();
    expect(
      run('honeytrap.claimed-meeting', mail('Reminder: the reception in the Churchill Room starts at 6pm.')),
    ).toBeUndefined();
  });
});

describe('honeytrap.not-remembered', () => {
  it('weighs a reproachful "you don\'t remember me" more than a polite one', () => {
    const hurt = run(
      'honeytrap.not-remembered',
      chat(["them: Wow so you genuinely don't recognise me then"]),
    );
    const polite = run(
      'honeytrap.not-remembered',
      mail('You might not remember me, we sat on the same panel.'),
    );
    expect(hurt?.weight).toBeGreaterThan(polite?.weight ?? 1);
  });
  it('ignores "remember" about other things', () => {
    expect(
      run('honeytrap.not-remembered', mail("If you don't remember the figures, they're in the annex.")),
    ).toBeUndefined();
  });
});

describe('honeytrap.embarrassment', () => {
  it('fires on professed embarrassment', () => {
    expect(
      run('honeytrap.embarrassment', chat(['them: ok I feel like an idiot now, cringe 🙈']))?.weight,
    ).toBeGreaterThan(0.1);
  });
  it('ignores neutral text', () => {
    expect(
      run('honeytrap.embarrassment', mail('Please find attached the minutes of the meeting.')),
    ).toBeUndefined();
  });
});

describe('honeytrap.flirtation', () => {
  it('grows with the number of cues', () => {
    const one = run('honeytrap.flirtation', chat(['them: thanks x']));
    const many = run(
      'honeytrap.flirtation',
      chat(["them: you're so cute 😍 can't stop thinking about you, maybe just the two of us next time x"]),
    );
    expect(many!.weight).toBeGreaterThan(one!.weight);
  });
  it('does not treat "cheeky request" or a business sign-off as flirting', () => {
    expect(
      run(
        'honeytrap.flirtation',
        mail('A cheeky request: could the MP sign our petition? Kind regards, Tom'),
      ),
    ).toBeUndefined();
  });
});

describe('honeytrap.unsolicited-image', () => {
  it('counts chat media from the sender', () => {
    expect(run('honeytrap.unsolicited-image', chat(['them: <Media omitted>']))?.weight).toBeGreaterThan(0.1);
  });
  it("does not count the target's own photos", () => {
    expect(run('honeytrap.unsolicited-image', chat(['them: hi', 'me: <Media omitted>']))).toBeUndefined();
  });
});

describe('honeytrap.image-pretext', () => {
  it('fires on the accidental-send pretext', () => {
    expect(
      run(
        'honeytrap.image-pretext',
        chat(['them: <attached: 00000001-PHOTO.jpg>', 'them: whoops that was NOT meant for you 🙊']),
      )?.weight,
    ).toBe(0.3);
  });
  it('ignores an ordinary photo caption', () => {
    expect(
      run(
        'honeytrap.image-pretext',
        chat(['them: <Media omitted>', 'them: Here is the group photo from the visit']),
      ),
    ).toBeUndefined();
  });
});

describe('honeytrap.explicit-image', () => {
  it('fires on a description of explicit imagery', () => {
    expect(
      run('honeytrap.explicit-image', mail('She then sent a topless selfie, which I deleted.')),
    ).toBeDefined();
  });
  it('ignores ordinary photos', () => {
    expect(run('honeytrap.explicit-image', mail('Two photos of the apprentices attached.'))).toBeUndefined();
  });
});

describe('honeytrap.private-channel', () => {
  it('fires on a push to a private channel', () => {
    expect(
      run(
        'honeytrap.private-channel',
        mail("Easier to chat on Signal? Add me on Signal, or what's your personal number?"),
      ),
    ).toBeDefined();
    expect(run('honeytrap.private-channel', chat(['them: do your staff see these messages?']))).toBeDefined();
  });
  it('is not silenced by a negation in an earlier, unpunctuated part of a chat message', () => {
    expect(
      run(
        'honeytrap.private-channel',
        chat(['them: so embarrassed you do not remember me x add me on signal']),
      ),
    ).toBeDefined();
  });
  it('ignores routing to the office and negated forms', () => {
    expect(
      run('honeytrap.private-channel', mail('I will send this to your office email so it is on record.')),
    ).toBeUndefined();
    expect(
      run(
        'honeytrap.private-channel',
        mail('There is no need for your personal number, the office line is fine.'),
      ),
    ).toBeUndefined();
  });
});

describe('honeytrap.diary-request', () => {
  it("fires on fishing for the principal's movements", () => {
    expect(
      run('honeytrap.diary-request', chat(['them: so where will your boss be on Friday? 😉'])),
    ).toBeDefined();
  });
  it('ignores putting an event in the diary', () => {
    expect(
      run('honeytrap.diary-request', mail('I will send the invitation so it can go in the diary.')),
    ).toBeUndefined();
  });
});

describe('honeytrap.meeting-request', () => {
  it('fires on pressing for drinks', () => {
    expect(
      run('honeytrap.meeting-request', chat(['them: fancy grabbing a drink after the vote?'])),
    ).toBeDefined();
  });
  it('ignores a formal meeting request', () => {
    expect(
      run(
        'honeytrap.meeting-request',
        mail('Would the Member have 20 minutes for a briefing in the week of 4 March?'),
      ),
    ).toBeUndefined();
  });
});

describe('honeytrap.vague-number-source', () => {
  it('fires on a vague source for the number', () => {
    expect(
      run(
        'honeytrap.vague-number-source',
        chat(["them: don't be mad, I got your number off the delegate list"]),
      ),
    ).toBeDefined();
  });
  it('ignores a named introducer', () => {
    expect(
      run(
        'honeytrap.vague-number-source',
        chat(['them: Hi, Sam from the food bank, Jo gave me your number for the rota.']),
      ),
    ).toBeUndefined();
  });
});

describe('honeytrap.cold-open', () => {
  it('fires when an unsaved number opens the chat', () => {
    expect(run('honeytrap.cold-open', chat(['them: hi!', 'me: who is this?']))).toBeDefined();
  });
  it('ignores a chat the target opened', () => {
    expect(run('honeytrap.cold-open', chat(['me: hi, is this the plumber?', 'them: yes']))).toBeUndefined();
  });
});

describe('honeytrap.public-profile', () => {
  it('fires on a stranger who knows the target from the news or a dating app', () => {
    expect(
      run('honeytrap.public-profile', chat(['them: Your voice on the Today programme this morning 😍'])),
    ).toBeDefined();
    expect(
      run(
        'honeytrap.public-profile',
        chat(["them: Matched with you on Hinge and then saw you on the news, what's the job like?"]),
      )?.weight,
    ).toBe(0.2);
  });
  it('ignores talk of the news that is not about the target', () => {
    expect(
      run(
        'honeytrap.public-profile',
        mail('Did you see the news about the bypass? The council is consulting.'),
      ),
    ).toBeUndefined();
  });
});

describe('honeytrap.private-venue', () => {
  it('fires on a hotel room by number, a flat on a given night, coming alone', () => {
    expect(
      run('honeytrap.private-venue', chat(["them: I'm in 412 at St Ermin's till tomorrow 😘"])),
    ).toBeDefined();
    expect(
      run('honeytrap.private-venue', chat(['them: My flat, Saturday, 8pm. Come alone, it is better.']))
        ?.weight,
    ).toBe(0.3);
  });
  it('ignores ordinary room bookings and addresses', () => {
    expect(
      run('honeytrap.private-venue', mail('The committee meets in Committee Room 14 on Tuesday at 10am.')),
    ).toBeUndefined();
    expect(
      run('honeytrap.private-venue', mail('Our office address is 1 Parliament Street.')),
    ).toBeUndefined();
  });
});

describe('patient approaches', () => {
  it('a photo chased up, travel fished for, a gathering with no press and no phones', () => {
    expect(
      run('honeytrap.image-pretext', chat(['them: I sent you a photo on WhatsApp, did you get it? 🙈'])),
    ).toBeDefined();
    expect(
      run(
        'honeytrap.diary-request',
        chat(["them: Heard you're off to Brussels with the committee next month, small world!"]),
      ),
    ).toBeDefined();
    expect(
      run(
        'lure.secrecy',
        mail('A small private salon: champagne, no press and no phones. Reply for the address.'),
      ),
    ).toBeDefined();
  });
  it('ignores a colleague sharing their own travel and an event that welcomes the press', () => {
    expect(
      run('honeytrap.diary-request', mail("I'm off to Brussels on Monday, back Thursday; Sian is covering."))
        ?.weight,
    ).toBeUndefined();
    expect(run('lure.secrecy', mail('Press and photographers are welcome at the launch.'))).toBeUndefined();
  });
});

describe('honeytrap: the conference hotel and the undeclared gift', () => {
  it('reads the lobby, the room and who comes up to whom', () => {
    expect(
      run('honeytrap.private-venue', chat(["them: I'm in the hotel lobby now. u come down or i come up?"])),
    ).toBeDefined();
    expect(
      run(
        'honeytrap.private-venue',
        chat(['them: Which room number are you in? I can bring the leaflets up to your room']),
      ),
    ).toBeDefined();
    expect(
      run(
        'honeytrap.private-venue',
        chat(['them: The conference hotel has a lovely lobby bar, see you at the drinks']),
      ),
    ).toBeUndefined();
  });
  it('reads a gift with no need to declare it', () => {
    expect(
      run(
        'lure.cultivation-offer',
        chat(["them: A case of claret is on its way to you. No need to declare it, it's between friends"]),
      ),
    ).toBeDefined();
    expect(
      run(
        'lure.cultivation-offer',
        mail('Please remember to declare the hospitality on the register within 28 days.'),
      ),
    ).toBeUndefined();
  });
});

describe('cultivation in more words', () => {
  it('reads a day rate for insights, a trip to keep from the party, non-public papers', () => {
    expect(
      run(
        'lure.cultivation-offer',
        chat(['them: Our client pays £900/day for policy insights, just dinner once a month']),
      ),
    ).toBeDefined();
    expect(
      run(
        'lure.cultivation-offer',
        chat(['them: A week in Shanghai, all on us. No need to inform your party or register it.']),
      ),
    ).toBeDefined();
    expect(
      run(
        'lure.sensitive-request',
        chat(['them: and could you send me the odd non-public briefing paper if you see one?']),
      ),
    ).toBeDefined();
  });
  it('does not read a rate card or a reminder to register', () => {
    expect(
      run(
        'lure.cultivation-offer',
        mail('Room hire is £40/hour; please register the booking with the Pass Office.'),
      ),
    ).toBeUndefined();
  });
});

describe('the quieter asks of a patient honey trap', () => {
  it('reads the diary kept clear of the office, the switchboard avoided, the bar no one from Westminster goes to', () => {
    expect(
      run('lure.secrecy', chat(["them: Maybe don't put me in your diary, your office will only gossip 😉"])),
    ).toBeDefined();
    expect(
      run(
        'honeytrap.private-channel',
        chat(["them: Call me back on this number. Don't use the switchboard, it's being monitored"]),
      ),
    ).toBeDefined();
    expect(
      run(
        'honeytrap.private-venue',
        chat(["them: There's a hotel bar in Bloomsbury nobody from Westminster goes to. Thurs?"]),
      ),
    ).toBeDefined();
    expect(
      run('honeytrap.diary-request', chat(['them: which days are you in the constituency? just curious'])),
    ).toBeDefined();
  });
  it('does not take a polite "yes, I remember" as knowing the sender', () => {
    expect(
      run(
        'context.established-relationship',
        chat(["them: It's Clara, from the housing fringe!", 'me: Ha, hello Clara. Yes I remember.']),
      ),
    ).toBeUndefined();
  });
});
