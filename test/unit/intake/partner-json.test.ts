import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../shared/intake/parse-file.ts';

const json = (o: unknown) => new TextEncoder().encode(JSON.stringify(o));

describe('partner JSON reports', () => {
  it('validates and normalises a partner body', async () => {
    const { draft, kind } = await parseFile(
      'partner.json',
      json({
        channel: 'whatsapp',
        sender: {
          phones: ['07700 900417'],
          emails: ['Abi@Lure.Test'],
          aliases: ['Abi'],
          displayName: 'Abi',
        },
        targets: { names: ['Ben Carrow'], emails: [], phones: [] },
        subject: 'seen by police',
        text: "It's Abi",
        urls: ['https://lure.test/x'],
        attachments: [{ name: 'p.jpg', contentType: 'image/jpeg', size: 10, isImage: true }],
      }),
    );
    expect(kind).toBe('partner-json');
    expect(draft.unparseable).toBeUndefined();
    expect(draft.sender.phones).toEqual(['+447700900417']);
    expect(draft.sender.emails).toEqual(['abi@lure.test']);
    expect(draft.urls).toEqual([{ url: 'https://lure.test/x' }]);
  });

  it('rejects a phone number it cannot read, naming the field', async () => {
    const { draft } = await parseFile(
      'partner.json',
      json({ channel: 'sms', sender: { phones: ['not a number'] }, text: 'x' }),
    );
    expect(draft.unparseable).toMatch(/invalid partner report: sender.phones.0/);
  });

  it('rejects an invalid body as unparseable with the reason', async () => {
    const { draft } = await parseFile('partner.json', json({ channel: 'fax', text: 'x' }));
    expect(draft.unparseable).toMatch(/invalid partner report: channel/);
  });
});
