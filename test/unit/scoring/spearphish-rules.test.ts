import { describe, expect, it } from 'vitest';
import { chat, mail, run } from './helpers.ts';

describe('spearphish.lookalike-domain', () => {
  it('fires on lookalike senders and links', () => {
    expect(run('spearphish.lookalike-domain', mail('hi', 'it@parliament-uk.example'))?.weight).toBe(0.6);
    expect(run('spearphish.lookalike-domain', mail('hi', 'it@parlaiment.uk'))).toBeDefined();
    expect(run('spearphish.lookalike-domain', mail('hi', 'it@xn--prliament-0yh.uk'))).toBeDefined();
    expect(run('spearphish.lookalike-domain', mail('see https://pds-secure-login.example/x'))).toBeDefined();
  });
  it("ignores the services' own sending domains", () => {
    expect(
      run(
        'spearphish.lookalike-domain',
        mail('Kate shared a file: https://parlcouk.sharepointonline.com/x', 'no-reply@sharepointonline.com'),
      ),
    ).toBeUndefined();
  });
  it('ignores our own domains and unrelated ones', () => {
    expect(
      run('spearphish.lookalike-domain', mail('see https://intranet.parliament.uk/news', 'it@parliament.uk')),
    ).toBeUndefined();
    expect(
      run('spearphish.lookalike-domain', mail('see https://www.bbc.example/news', 'a@charity.example')),
    ).toBeUndefined();
  });
});

describe('spearphish.link-imitates-sender', () => {
  it("fires on a link imitating the sender's own domain", () => {
    expect(
      run(
        'spearphish.link-imitates-sender',
        mail('Read it: https://files-acmepolicy.example/x', 'jo@acme-policy.example'),
      ),
    ).toBeDefined();
  });
  it("ignores links to the sender's own site and subdomains", () => {
    expect(
      run(
        'spearphish.link-imitates-sender',
        mail(
          'Read it: https://www.acmepolicy.example/x https://news.acmepolicy.example',
          'jo@acmepolicy.example',
        ),
      ),
    ).toBeUndefined();
  });
});

describe('spearphish.link-text-mismatch', () => {
  it('fires when the shown address differs from the target', () => {
    const r = mail('click', 'a@b.example', {
      urls: [{ url: 'https://evil.example/login', text: 'https://intranet.parliament.uk/mfa' }],
    });
    expect(run('spearphish.link-text-mismatch', r)).toBeDefined();
  });
  it('ignores descriptive link text and matching addresses', () => {
    const r = mail('click', 'a@b.example', {
      urls: [
        { url: 'https://www.b.example/report', text: 'Read our report' },
        { url: 'https://www.b.example/x', text: 'www.b.example/x' },
      ],
    });
    expect(run('spearphish.link-text-mismatch', r)).toBeUndefined();
  });
});

describe('spearphish.display-name-impersonation', () => {
  it('fires on a near copy of a roster name or a service from outside', () => {
    expect(
      run(
        'spearphish.display-name-impersonation',
        mail('hi', 'n.hammond@freemail.example', {
          sender: { displayName: 'Nei1 Hammond', emails: ['n.hammond@freemail.example'] },
        }),
      ),
    ).toBeDefined();
    expect(
      run('spearphish.display-name-impersonation', {
        channel: 'sms',
        sender: { aliases: ['PARL-IT-SUPPORT'] },
        text: 'hi',
      }),
    ).toBeDefined();
  });
  it('ignores the real person on our domain and unrelated names', () => {
    expect(
      run(
        'spearphish.display-name-impersonation',
        mail('hi', 'neil.hammond.mp@parliament.uk', {
          sender: { displayName: 'HAMMOND, Neil', emails: ['neil.hammond.mp@parliament.uk'] },
        }),
      ),
    ).toBeUndefined();
    expect(
      run(
        'spearphish.display-name-impersonation',
        mail('hi', 'x@y.example', { sender: { displayName: 'Jo Bloggs', emails: ['x@y.example'] } }),
      ),
    ).toBeUndefined();
  });
});

describe('spearphish.credential-lure', () => {
  it('fires on a sign-in request with an outside link', () => {
    expect(
      run(
        'spearphish.credential-lure',
        mail('Please log in with your parliamentary account to view: https://view.example/d'),
      )?.weight,
    ).toBeGreaterThanOrEqual(0.5);
  });
  it('ignores "no login required" and weighs our own IT notices low', () => {
    expect(
      run('spearphish.credential-lure', mail('The data is public, no login required: https://data.example')),
    ).toBeUndefined();
    const own = run(
      'spearphish.credential-lure',
      mail('You will be prompted to sign in at https://intranet.parliament.uk/mfa', 'pds@parliament.uk'),
    );
    expect(own?.weight ?? 0).toBeLessThan(0.2);
  });
});

describe('spearphish.code-takeover', () => {
  it('fires on a request for a verification code', () => {
    expect(
      run(
        'spearphish.code-takeover',
        chat(['them: hey its me, a code just went to your phone by mistake, can you forward it?']),
      ),
    ).toBeDefined();
  });
  it('ignores advice never to share codes', () => {
    expect(
      run('spearphish.code-takeover', mail('Never share your verification code with anyone.')),
    ).toBeUndefined();
    // The negation governs a longer clause: a bank's list of what it never asks.
    expect(
      run(
        'spearphish.code-takeover',
        chat(["them: NatWest: We'll never ask you to move money or share a one-time passcode."]),
      ),
    ).toBeUndefined();
  });
  it('reads "but" as the end of the negated clause', () => {
    expect(
      run(
        'spearphish.code-takeover',
        chat(["them: I don't know why but please share the code that just came to your phone"]),
      ),
    ).toBeDefined();
  });
});

describe('spearphish.document-share-lure', () => {
  it('fires on a shared-document wrapper around an outside link', () => {
    expect(
      run(
        'spearphish.document-share-lure',
        mail('Alex shared a file with you: https://docs-view.example/f/1'),
      ),
    ).toBeDefined();
  });
  it('ignores shares on our own systems', () => {
    expect(
      run(
        'spearphish.document-share-lure',
        mail('Alex shared a file with you: https://intranet.parliament.uk/f/1'),
      ),
    ).toBeUndefined();
  });
});

describe('spearphish.new-number', () => {
  it('fires on "new number" impersonation', () => {
    expect(
      run('spearphish.new-number', chat(['them: Hi love, lost my phone so this is my new number, save it'])),
    ).toBeDefined();
  });
  it('ignores ordinary phone talk', () => {
    expect(
      run('spearphish.new-number', chat(['them: my phone battery is dying, call you later'])),
    ).toBeUndefined();
  });
});

describe('spearphish.risky-attachment', () => {
  it('fires on executables, macros, HTML and disk images', () => {
    const r = mail('see attached', 'a@b.example', {
      attachments: [{ name: 'Minutes.pdf.exe', contentType: 'application/octet-stream', size: 10 }],
    });
    expect(run('spearphish.risky-attachment', r)?.weight).toBe(0.6);
    expect(
      run(
        'spearphish.risky-attachment',
        mail('x', 'a@b.example', { attachments: [{ name: 'Budget.xlsm', size: 1 }] }),
      ),
    ).toBeDefined();
    expect(
      run('spearphish.risky-attachment', chat(['them: <attached: 00000002-invoice.iso>'])),
    ).toBeDefined();
  });
  it('ignores PDFs and photos', () => {
    expect(
      run(
        'spearphish.risky-attachment',
        mail('x', 'a@b.example', {
          attachments: [
            { name: 'brief.pdf', size: 1 },
            { name: 'IMG_1.jpg', size: 1 },
          ],
        }),
      ),
    ).toBeUndefined();
  });
});

describe('spearphish.auth-failure', () => {
  it('fires on a DMARC failure', () => {
    expect(
      run('spearphish.auth-failure', mail('x', 'a@b.example', { auth: { spf: 'fail', dmarc: 'fail' } }))
        ?.weight,
    ).toBeGreaterThan(0.4);
  });
  it('ignores passes and missing results', () => {
    expect(
      run('spearphish.auth-failure', mail('x', 'a@b.example', { auth: { spf: 'pass', dkim: 'none' } })),
    ).toBeUndefined();
  });
});

describe('spearphish.reply-to-mismatch', () => {
  it('fires when replies go to another domain', () => {
    expect(
      run(
        'spearphish.reply-to-mismatch',
        mail('x', 'a@charity.example', {
          sender: { emails: ['a@charity.example'], replyTo: ['a.charity@gmail.com'] },
        }),
      )?.weight,
    ).toBe(0.35);
  });
  it('ignores a reply-to on the same organisation', () => {
    expect(
      run(
        'spearphish.reply-to-mismatch',
        mail('x', 'a@charity.example', {
          sender: { emails: ['a@charity.example'], replyTo: ['office@lists.charity.example'] },
        }),
      ),
    ).toBeUndefined();
  });
});

describe('spearphish.payment-redirection', () => {
  const notice =
    'Following our audit we have moved our banking. Please make payment for invoice 2041 to the new account below, not to our previous account. Sort code 23-05-80, account number 41927736.';
  it('fires on changed bank details with the new ones beside them', () => {
    expect(run('spearphish.payment-redirection', mail(notice))?.weight).toBe(0.45);
    expect(
      run(
        'spearphish.payment-redirection',
        mail('Please note our updated bank details for all future invoices.'),
      )?.weight,
    ).toBe(0.15);
  });
  it('ignores bank details without a change, and ordinary finance mail', () => {
    expect(
      run('spearphish.payment-redirection', mail('Your refund goes to sort code 12-34-56 as before.')),
    ).toBeUndefined();
    expect(
      run('spearphish.payment-redirection', mail('The invoice is attached; payment terms are 30 days.')),
    ).toBeUndefined();
  });
});

describe('spearphish.named-attachment', () => {
  it('fires on a risky file named anywhere in the words', () => {
    const hit = run(
      'spearphish.named-attachment',
      mail('My scanner saves them as a web page, please open in the browser: Case_documents_HomeOffice.html'),
    );
    expect(hit?.evidence).toMatch(/HTML file named: case_documents_homeoffice\.html/);
  });
  it('fires on a locked archive sent with its password', () => {
    expect(
      run(
        'spearphish.named-attachment',
        mail("It's attached as an encrypted archive (password: TIMES2024). Deadline 6pm."),
      )?.weight,
    ).toBe(0.4);
  });
  it('ignores file names inside links and a password without a locked file', () => {
    expect(
      run(
        'spearphish.named-attachment',
        mail('See https://www.gov.example/guidance/index.html for details.'),
      ),
    ).toBeUndefined();
    expect(
      run('spearphish.named-attachment', mail('Your password must have 12 characters.')),
    ).toBeUndefined();
  });
});

describe('spearphish.fraud-pretext', () => {
  it('fires on a rebate to claim, an order to cancel by phone, a fee to release a parcel', () => {
    expect(
      run(
        'spearphish.fraud-pretext',
        chat([
          'them: HMRC: You are eligible for a tax rebate of £284.10. Claim before 23:59 today: hmrc-rebate.example',
        ]),
      )?.weight,
    ).toBe(0.4);
    expect(
      run(
        'spearphish.fraud-pretext',
        chat([
          'them: Your order of an iPhone is being dispatched. If you did not place this order call 01632 960215',
        ]),
      ),
    ).toBeDefined();
    expect(
      run(
        'spearphish.fraud-pretext',
        chat(['them: Your parcel could not be delivered, a £1.45 redelivery fee is due.']),
      ),
    ).toBeDefined();
  });
  it('ignores an ordinary delivery note and a refund already made', () => {
    expect(
      run('spearphish.fraud-pretext', chat(['them: Your parcel was delivered to your safe place at 10:42.'])),
    ).toBeUndefined();
    expect(
      run('spearphish.fraud-pretext', mail('We have refunded £12.50 to your card; no action is needed.')),
    ).toBeUndefined();
  });
});

describe('public bodies and bare links in smishing', () => {
  it('reads a hyphenated host the reader is sent to as a link, and a public body in its labels', () => {
    expect(
      run(
        'spearphish.lookalike-domain',
        chat(['them: IPSA: your card is suspended. Verify your details at ipsa-cardholder.uk today']),
      )?.evidence,
    ).toMatch(/ipsa-cardholder\.uk imitates ipsa/);
    expect(
      run('spearphish.lookalike-domain', mail('Register here: https://ncsc-gov.uk/parliament/register'))
        ?.weight,
    ).toBe(0.3);
  });
  it("ignores a genuine body's own domain as sender, and a phishing domain a notice only names", () => {
    expect(
      run('spearphish.lookalike-domain', mail('Your appointment is confirmed.', 'clinic@nhs-leeds.example')),
    ).toBeUndefined();
    expect(
      run('spearphish.lookalike-domain', mail('The link pointed to ipsa-refund.example; do not click it.')),
    ).toBeUndefined();
  });
});

describe('more payloads', () => {
  it('a verification text passed on, a push prompt approved, a callback, coaching past Office', () => {
    expect(
      run(
        'spearphish.code-takeover',
        chat(["them: You'll get a verification text shortly, could you share it with me here please?"]),
      ),
    ).toBeDefined();
    expect(
      run(
        'spearphish.code-takeover',
        chat(['them: please approve the prompt on your phone so the box loads']),
      ),
    ).toBeDefined();
    expect(
      run(
        'spearphish.fraud-pretext',
        chat(["them: HSBC: a new payee was added. If this wasn't you, call us now on 0203 769 4418."]),
      ),
    ).toBeDefined();
    expect(
      run(
        'spearphish.named-attachment',
        mail('I attach my briefing. Please enable editing and content when prompted so the tables show.'),
      )?.weight,
    ).toBe(0.35);
  });
});

describe("a service's own name on a reserved documentation domain", () => {
  it('reads ipsa.example as IPSA itself, ipsa-refund.example still as a lookalike', () => {
    expect(
      run('spearphish.lookalike-domain', mail('Your claim has been paid.', 'notices@ipsa.example')),
    ).toBeUndefined();
    expect(
      run(
        'spearphish.lookalike-domain',
        mail('Your refund is waiting: https://ipsa-refund.example/claim', 'notices@ipsa-refund.example'),
      )?.evidence,
    ).toMatch(/imitates ipsa/);
    // Naming the service with no link or file to carry a payload: more likely its own domain.
    expect(
      run(
        'spearphish.lookalike-domain',
        mail('Log in to the IPSA system in the usual way.', 'notices@ipsa-standards.example'),
      ),
    ).toBeUndefined();
  });
});

describe('spearphish.credential-lure: sign-in requests in other words', () => {
  it('reads "log in … using your … number and password" and "sign in with your organisational account"', () => {
    expect(
      run(
        'spearphish.credential-lure',
        mail(
          'Please log in here using your membership number and password: https://members-verify.example/x',
          'support@members-verify.example',
        ),
      )?.weight,
    ).toBeGreaterThanOrEqual(0.5);
    expect(
      run(
        'spearphish.credential-lure',
        mail(
          'Before joining you may need to sign in with your organisational account. https://meet-now.example/j/1',
        ),
      ),
    ).toBeDefined();
  });
  it("weighs a service's own sign-in notice, linking only to that service, low", () => {
    const notice = mail(
      'We noticed a new sign-in to your Google Account on a Windows device. If this was you, you do not need to do anything. Check activity at https://myaccount.google.com/notifications',
      'no-reply@accounts.google.com',
    );
    expect(run('spearphish.credential-lure', notice)?.weight ?? 0).toBeLessThan(0.2);
    // The same words from elsewhere, or linking elsewhere, are not the service's.
    expect(
      run(
        'spearphish.credential-lure',
        mail(
          'We noticed a new sign-in to your Google Account. Secure your account at https://google-account-check.example/s',
          'no-reply@accounts.google.com',
        ),
      )?.weight,
    ).toBeGreaterThanOrEqual(0.5);
  });
});

describe('what a bank says it will never ask', () => {
  it('governs the rest of its sentence, however long', () => {
    const notice = mail(
      "We'll never ask you to move money to a safe account or share a passcode we've sent you. If someone does, it's a scam.",
      'alerts@bank.example',
    );
    expect(run('spearphish.code-takeover', notice)).toBeUndefined();
  });
  it('unless the sentence turns round', () => {
    expect(
      run(
        'spearphish.code-takeover',
        chat([
          "them: We'll never ask for your password, but please send the verification code we just texted you",
        ]),
      ),
    ).toBeDefined();
  });
});

describe('spearphish.code-takeover: told not to pass the code on', () => {
  it('ignores "you will get a text with a code: do not send it to me, type it in yourself"', () => {
    expect(
      run(
        'spearphish.code-takeover',
        chat([
          "them: You'll get a text with a code in a minute. DON'T send it to me, just type it in yourself.",
        ]),
      ),
    ).toBeUndefined();
  });
  it('still reads "do not share it with anyone else, just send it to me"', () => {
    expect(
      run(
        'spearphish.code-takeover',
        chat(["them: You'll get a 6 digit code. Don't share it with anyone else, just send it to me here"]),
      ),
    ).toBeDefined();
  });
});

describe('registering with the account itself, and the push approved', () => {
  it('reads "register via our secure portal using your Microsoft 365 account"', () => {
    expect(
      run(
        'spearphish.credential-lure',
        mail(
          'All guests must register via our secure portal using their Microsoft 365 account: https://embassy-events.example/rsvp',
          'events@embassy-events.example',
        ),
      )?.weight,
    ).toBeGreaterThanOrEqual(0.5);
  });
  it('reads "tap Approve in the Authenticator app"', () => {
    expect(
      run(
        'spearphish.code-takeover',
        chat(['them: Microsoft: tap Approve in the Authenticator app now to avoid lockout']),
      ),
    ).toBeDefined();
  });
});

describe('more sign-in asks and a page dressed as a PDF', () => {
  it('reads "use your work email to sign in" and "verify your email to open this file"', () => {
    expect(
      run(
        'spearphish.credential-lure',
        mail('The memo is behind a login: use your work email to sign in. https://drop.example/m'),
      ),
    ).toBeDefined();
    expect(
      run(
        'spearphish.credential-lure',
        mail("You'll need to verify your email to open this file: https://share.example/s/1"),
      ),
    ).toBeDefined();
  });
  it('names a double extension in an attachment line', () => {
    expect(
      run(
        'spearphish.named-attachment',
        mail('Attachment: Arctic_Draft_v3.pdf.html – the password is in my next email'),
      )?.evidence,
    ).toContain('disguised double extension');
  });
});

describe('smishing tells and a service code passed back', () => {
  it('reads a bank that says not to use the number on your card, "Not you? Call", an admin fee, a card to hold a place', () => {
    for (const text of [
      "NatWest: a new payee was added. Call our fraud team now on 0330 012 4477 - don't use the number on your card, it's being updated.",
      'PDS Alert: new MFA device added to your account. Not you? Call 020 3884 1120 to cancel.',
      'Party HQ: your conference pass is ready. Confirm and pay £2 admin fee: conf-pass.example/p/1',
      'To finalise your booking please add a card to hold your place.',
    ])
      expect([text, run('spearphish.fraud-pretext', chat([`them: ${text}`])) !== undefined]).toEqual([
        text,
        true,
      ]);
  });
  it('reads "reply with the code" even under the code itself', () => {
    expect(
      run(
        'spearphish.code-takeover',
        chat([
          "them: Your Microsoft verification code is 482913. Reply with the code to confirm it's you - Service Desk",
        ]),
      ),
    ).toBeDefined();
  });
});
