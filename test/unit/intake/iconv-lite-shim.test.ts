import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode } from '../../../shared/intake/mail/iconv-lite-shim.ts';

describe('the iconv-lite stand-in used in the Lambda bundles', () => {
  it('decodes the ANSI code pages Outlook .msg files use exactly as iconv-lite does', () => {
    const samples: Array<[string, string]> = [
      ['windows-1252', 'Café — “quoted” £5 €'],
      ['windows-1251', 'Привет, это Аби'],
      ['windows-1250', 'Zażółć gęślą jaźń'],
      ['shift_jis', 'こんにちは'],
    ];
    for (const [encoding, text] of samples) {
      const bytes = iconv.encode(text, encoding);
      expect(decode(bytes, encoding)).toBe(iconv.decode(bytes, encoding));
    }
  });

  it('falls back to latin1 for an encoding it does not know instead of throwing', () => {
    expect(decode(new Uint8Array([0x41, 0xe9]), 'x-no-such-charset')).toBe('Aé');
  });
});
