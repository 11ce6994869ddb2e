import { describe, expect, it } from 'vitest';
import { chat, mail, run } from './helpers.ts';

describe('lure.secrecy', () => {
  it('fires on secrecy about the contact', () => {
    expect(
      run('lure.secrecy', chat(["them: let's keep this between us, no one has to know x"])),
    ).toBeDefined();
  });
  it('ignores a surprise-party "don\'t tell Sam"', () => {
    expect(
      run('lure.secrecy', mail("Leaving drinks on Friday - please don't tell Sam, it's a surprise.")),
    ).toBeUndefined();
  });
});

describe('lure.out-of-band-contact', () => {
  it('fires on a personal number offered in an email body', () => {
    expect(run('lure.out-of-band-contact', mail('Text me on 07700 900111 if that is easier.'))).toBeDefined();
  });
  it('ignores a signature line', () => {
    expect(
      run('lure.out-of-band-contact', mail('Best wishes\nJo Smith\nMobile: 07700 900111')),
    ).toBeUndefined();
  });
});

describe('lure.sensitive-request', () => {
  it('fires on a request for restricted papers', () => {
    expect(
      run(
        'lure.sensitive-request',
        mail('Could you forward the committee papers for the closed session? Only for background.'),
      ),
    ).toBeDefined();
  });
  it('ignores offering public material', () => {
    expect(
      run('lure.sensitive-request', mail('I attach our published report; the data are open.')),
    ).toBeUndefined();
  });
});

describe('lure.deadline', () => {
  it('fires on time pressure', () => {
    expect(
      run('lure.deadline', mail('You must act within 48 hours or your account will be closed.')),
    ).toBeDefined();
  });
  it('ignores a date without pressure', () => {
    expect(run('lure.deadline', mail('The conference is on 14 March in Manchester.'))).toBeUndefined();
  });
});

describe('lure.cultivation-offer', () => {
  it('fires on an unsolicited paid offer', () => {
    expect(
      run(
        'lure.cultivation-offer',
        mail('I represent a client who would value your insights; a consultancy fee and all expenses paid.'),
      ),
    ).toBeDefined();
  });
  it('ignores an unpaid invitation', () => {
    expect(
      run(
        'lure.cultivation-offer',
        mail('We would be delighted if you could speak at our AGM. Tea and biscuits provided.'),
      ),
    ).toBeUndefined();
  });
});

describe('lure.out-of-band-contact (international form)', () => {
  it('fires on a +44 number', () => {
    expect(
      run('lure.out-of-band-contact', mail('My number is +44 7700 900111, WhatsApp is easiest.')),
    ).toBeDefined();
  });
});
