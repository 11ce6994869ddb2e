import { randomUUID } from 'node:crypto';
import type { Notifier, Publication } from '../../domain/ports.ts';
import { appendJsonLine } from './jsonl-file.ts';

/** The local stand-in for SNS: every publish becomes a line of outbox.jsonl. */
export class OutboxNotifier implements Notifier {
  constructor(
    private readonly outboxFile: string,
    private readonly log: (line: string) => void = () => {},
  ) {}

  async publish(publication: Publication): Promise<{ messageId: string }> {
    const messageId = randomUUID();
    await appendJsonLine(this.outboxFile, {
      messageId,
      topic: publication.topic,
      subject: publication.subject,
      message: publication.message,
      attributes: publication.attributes,
      ...(publication.perProtocol ? { perProtocol: publication.perProtocol } : {}),
      publishedAt: new Date().toISOString(),
    });
    this.log(`sns ${publication.topic}: ${publication.subject}`);
    return { messageId };
  }
}
