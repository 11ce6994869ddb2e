import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileMailer } from '../../../shared/adapters/local/file-mailer.ts';
import { FileRawMailStore } from '../../../shared/adapters/local/file-raw-mail-store.ts';
import { OutboxNotifier } from '../../../shared/adapters/local/outbox-notifier.ts';

const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

describe('local adapters', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lw-local-'));

  it('appends every publish to outbox.jsonl with the contract fields, whole lines even when concurrent', async () => {
    const outbox = join(dir, 'outbox.jsonl');
    const notifier = new OutboxNotifier(outbox);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        notifier.publish({
          topic: 'officer-alerts',
          subject: `s${i}`,
          message: `{"n":${i}}`,
          attributes: { kind: 'k' },
        }),
      ),
    );
    const written = lines(outbox);
    expect(written).toHaveLength(50);
    for (const line of written) {
      expect(Object.keys(line)).toEqual(
        expect.arrayContaining(['topic', 'subject', 'message', 'attributes', 'publishedAt']),
      );
    }
    expect(new Set(written.map((l) => l.subject)).size).toBe(50);
  });

  it('appends outbound mail to sent-mail.jsonl', async () => {
    const file = join(dir, 'sent-mail.jsonl');
    const { messageId } = await new FileMailer(file, 'no-reply@lurewatch.example').send({
      to: ['a@parliament.uk'],
      subject: 'Thanks',
      text: 't',
      html: '<p>t</p>',
    });
    expect(lines(file)).toEqual([
      expect.objectContaining({
        messageId,
        from: 'no-reply@lurewatch.example',
        to: ['a@parliament.uk'],
        subject: 'Thanks',
      }),
    ]);
  });

  it('stores raw mail under its key and refuses keys that climb out of the store', async () => {
    const store = new FileRawMailStore(join(dir, 'raw'));
    await store.put('inbound/m1', new TextEncoder().encode('raw mail'));
    expect(new TextDecoder().decode(await store.get('inbound/m1'))).toBe('raw mail');
    await expect(store.put('../../etc/evil', new Uint8Array())).rejects.toThrow(/invalid raw-mail key/);
    await expect(store.get('missing')).rejects.toThrow();
  });
});
