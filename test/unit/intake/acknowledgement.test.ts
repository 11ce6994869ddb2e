import { describe, expect, it } from 'vitest';
import { composeAcknowledgement } from '../../../shared/intake/acknowledgement.ts';

describe('composeAcknowledgement', () => {
  it('gives the reference, the verdict in plain words and the advice, in text and HTML', () => {
    const a = composeAcknowledgement({
      reportId: '01HQ3Z9M2K8V7T6R5P4N3M2K1J',
      verdict: 'malicious',
      category: 'honeytrap',
      channel: 'whatsapp',
    });
    expect(a.subject).toContain('01HQ3Z9M2K8V7T6R5P4N3M2K1J');
    for (const body of [a.text, a.html]) {
      expect(body).toContain('01HQ3Z9M2K8V7T6R5P4N3M2K1J');
      expect(body).toMatch(/deliberate attempt/);
      expect(body).toMatch(/Do not reply or engage/);
      expect(body).toMatch(/Never send images/);
      expect(body).toMatch(/Block the number/);
      expect(body).toMatch(/What happens next/);
    }
    expect(a.html).not.toMatch(/<a\b|<img\b|https?:/i);
    expect(a.text).not.toMatch(/https?:/);
  });

  it('says so when the report could not be read', () => {
    const a = composeAcknowledgement({ reportId: 'X1', channel: 'email' });
    expect(a.text).toMatch(/could not read it automatically/);
  });

  it('escapes and cleans whatever it is given', () => {
    const a = composeAcknowledgement({ reportId: '<img src=x onerror=alert(1)>"', channel: 'other' });
    expect(a.html).not.toContain('<img');
    expect(a.text).not.toContain('<img');
    expect(a.html).not.toMatch(/onerror=alert\(1\)"/);
  });
});
