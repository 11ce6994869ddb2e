import { describe, expect, it } from 'vitest';
import { contentHashOf, toReport } from '../../../shared/domain/draft.ts';
import { deterministicUlid } from '../../../shared/domain/ids.ts';
import { PartnerReportBody, partnerBodyToDraft } from '../../../shared/domain/partner-report.ts';

const source = { kind: 'partner-api' as const, partnerId: 'ncsc' };

describe('toReport', () => {
  it('fills the defaults, a sortable id and the received time', () => {
    const at = new Date('2024-03-14T22:12:00Z');
    const report = toReport(
      { channel: 'sms', sender: {}, targets: {}, text: 'hello' },
      { source, receivedAt: at },
    );
    expect(report).toMatchObject({
      channel: 'sms',
      status: 'received',
      tlp: 'AMBER',
      receivedAt: '2024-03-14T22:12:00.000Z',
      sender: { phones: [], emails: [], aliases: [], replyTo: [] },
      urls: [],
      attachments: [],
    });
    const later = toReport(
      { channel: 'sms', sender: {}, targets: {}, text: 'x' },
      { source, receivedAt: new Date(at.getTime() + 1) },
    );
    expect(later.id > report.id).toBe(true);
  });

  it('keeps an unparseable draft as an unparseable report with the reason', () => {
    const report = toReport(
      { channel: 'email', sender: {}, targets: {}, text: '', unparseable: 'too many MIME parts' },
      { source },
    );
    expect(report.status).toBe('unparseable');
    expect(report.statusReason).toBe('too many MIME parts');
  });

  it('rejects a phone number that is not E.164', () => {
    expect(() =>
      toReport({ channel: 'sms', sender: { phones: ['07700 900123'] }, targets: {}, text: 'x' }, { source }),
    ).toThrow();
  });
});

describe('contentHashOf', () => {
  const base = {
    channel: 'whatsapp' as const,
    sender: { phones: ['+447700900417'] },
    text: 'Hi Ben,  it is Abi',
  };

  it('is the same for the same conversation reported twice, whatever the spacing or case', () => {
    expect(contentHashOf(base)).toBe(contentHashOf({ ...base, text: 'hi ben, it is ABI' }));
  });

  it('differs when the sender or the words differ', () => {
    expect(contentHashOf(base)).not.toBe(contentHashOf({ ...base, sender: { phones: ['+447700900862'] } }));
    expect(contentHashOf(base)).not.toBe(contentHashOf({ ...base, text: 'Hi Tom, it is Abi' }));
  });
});

describe('deterministicUlid', () => {
  it('maps the same seed and time to the same id, and other seeds elsewhere', () => {
    const a = deterministicUlid(1_700_000_000_000, 'ses:abc');
    expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(deterministicUlid(1_700_000_000_000, 'ses:abc')).toBe(a);
    expect(deterministicUlid(1_700_000_000_000, 'ses:abd')).not.toBe(a);
    expect(deterministicUlid(1_700_000_000_001, 'ses:abc') > a).toBe(true);
  });
});

describe('PartnerReportBody', () => {
  it('normalises phone numbers written any common way to E.164', () => {
    const body = PartnerReportBody.parse({
      channel: 'whatsapp',
      sender: { phones: ['07700 900417', '+44 (0)7700 900862', '0044 7700 900123'] },
      text: 'hi',
    });
    expect(body.sender.phones).toEqual(['+447700900417', '+447700900862', '+447700900123']);
    expect(body.tlp).toBe('AMBER');
  });

  it('names the path of each invalid field', () => {
    const result = PartnerReportBody.safeParse({
      channel: 'pigeon',
      sender: { phones: ['not a number'] },
      text: '',
      attachments: [{ size: 10, bytes: 'AAAA' }],
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('/'));
    expect(paths).toEqual(expect.arrayContaining(['channel', 'sender/phones/0', 'attachments/0']));
  });

  it('needs text or messages', () => {
    expect(PartnerReportBody.safeParse({ channel: 'sms', sender: {}, text: '  ' }).success).toBe(false);
    const body = PartnerReportBody.parse({
      channel: 'sms',
      sender: {},
      messages: [
        { author: 'Abi', text: 'remember me?' },
        { author: 'Ben', text: 'no', fromTarget: true },
      ],
    });
    expect(partnerBodyToDraft(body).text).toBe('remember me?');
  });
});
