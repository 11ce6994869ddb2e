import { randomUUID } from 'node:crypto';
import type { Mailer, OutboundMail } from '../../domain/ports.ts';
import { appendJsonLine } from './jsonl-file.ts';

/** The local stand-in for outbound SES: every email becomes a line of sent-mail.jsonl. */
export class FileMailer implements Mailer {
  constructor(
    private readonly file: string,
    private readonly fromAddress: string,
    private readonly log: (line: string) => void = () => {},
  ) {}

  async send(mail: OutboundMail): Promise<{ messageId: string }> {
    const messageId = randomUUID();
    await appendJsonLine(this.file, {
      messageId,
      from: this.fromAddress,
      ...mail,
      sentAt: new Date().toISOString(),
    });
    this.log(`ses to ${mail.to.join(', ')}: ${mail.subject}`);
    return { messageId };
  }
}
