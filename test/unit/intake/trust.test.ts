import { describe, expect, it } from 'vitest';
import { decideTrust } from '../../../shared/intake/trust.ts';

const config = { reporterDomains: ['parliament.uk'] };
const pass = { spf: 'PASS', dkim: 'PASS', dmarc: 'PASS', virus: 'PASS', spam: 'PASS' };

describe('decideTrust', () => {
  it('accepts a member forward whose SPF or DKIM passes', () => {
    expect(decideTrust({ reporterAddress: 'megan.price@parliament.uk', sesVerdicts: pass }, config)).toEqual({
      accepted: true,
    });
    expect(
      decideTrust(
        { reporterAddress: 'Megan <megan.price@PARLIAMENT.UK>', sesVerdicts: { ...pass, spf: 'FAIL' } },
        config,
      ),
    ).toEqual({ accepted: true });
    expect(
      decideTrust(
        { reporterAddress: 'a@mail.parliament.uk', sesVerdicts: { ...pass, dkim: 'GRAY' } },
        config,
      ),
    ).toEqual({ accepted: true });
  });

  it('quarantines when neither SPF nor DKIM passes', () => {
    const d = decideTrust(
      { reporterAddress: 'megan.price@parliament.uk', sesVerdicts: { ...pass, spf: 'FAIL', dkim: 'GRAY' } },
      config,
    );
    expect(d).toEqual({
      accepted: false,
      reason: expect.stringMatching(/neither SPF \(FAIL\) nor DKIM \(GRAY\)/),
    });
  });

  it('quarantines other domains, lookalikes included', () => {
    for (const a of [
      'x@gmail.test',
      'x@parliament.uk.evil.test',
      'x@fakeparliament.uk',
      'x@parliament-uk.example',
    ]) {
      const d = decideTrust({ reporterAddress: a, sesVerdicts: pass }, config);
      expect(d.accepted, a).toBe(false);
      if (!d.accepted) expect(d.reason).toMatch(/not one of the trusted reporter domains/);
    }
  });

  it('trusts an address on the roster outside the reporter domains, still only with SPF or DKIM', () => {
    const roster = new Set(['dana.pike@news.example']);
    const from = (reporterAddress: string, sesVerdicts = pass) =>
      decideTrust({ reporterAddress, sesVerdicts }, config, roster);
    expect(from('Dana Pike <Dana.Pike@news.example>')).toEqual({ accepted: true });
    // Her colleague is not on the roster; the roster does not open her whole domain.
    expect(from('sam.lee@news.example').accepted).toBe(false);
    expect(from('dana.pike@news.example', { ...pass, spf: 'FAIL', dkim: 'FAIL' })).toEqual({
      accepted: false,
      reason: expect.stringMatching(/neither SPF/),
    });
  });

  it('quarantines a virus verdict of FAIL before anything else', () => {
    const d = decideTrust(
      { reporterAddress: 'megan.price@parliament.uk', sesVerdicts: { ...pass, virus: 'FAIL' } },
      config,
    );
    expect(d).toEqual({ accepted: false, reason: expect.stringMatching(/virus/) });
  });

  it('quarantines an address that is not one', () => {
    expect(decideTrust({ reporterAddress: 'parliament.uk', sesVerdicts: pass }, config).accepted).toBe(false);
    expect(decideTrust({ reporterAddress: '', sesVerdicts: pass }, config).accepted).toBe(false);
  });
});
