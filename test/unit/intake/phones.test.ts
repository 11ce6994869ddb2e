import { describe, expect, it } from 'vitest';
import { findPhones, normalisePhone } from '../../../shared/intake/phones.ts';

describe('phone numbers', () => {
  it.each([
    ['+44 7700 900123'],
    ['07700900123'],
    ['0044 7700 900123'],
    ['(07700) 900 123'],
    ['+44 (0)7700 900123'],
    ['07700 900 123'],
    ['+44-7700-900-123'],
    ['\u202a+44 7700 900123\u202c'],
  ])('%s → +447700900123', (raw) => {
    expect(normalisePhone(raw)).toBe('+447700900123');
  });

  it('finds numbers in text and ignores dates, times, amounts and references', () => {
    const text =
      'On 07/03/2024 at 22:15 she paid 4,500 GBP (ref HR-448120) and said ring 07700 900 812 - or +1 202 555 0143.';
    expect(findPhones(text).map((p) => p.e164)).toEqual(['+447700900812', '+12025550143']);
  });

  it('uses the default region for national numbers', () => {
    expect(normalisePhone('020 7219 3000', 'GB')).toBe('+442072193000');
    expect(normalisePhone('06 12 34 56 78', 'FR')).toBe('+33612345678');
  });
});
