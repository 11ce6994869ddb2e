import { type SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import type { Mailer, OutboundMail } from '../../domain/ports.ts';

export class SesMailer implements Mailer {
  constructor(
    private readonly ses: SESClient,
    private readonly fromAddress: string,
  ) {}

  async send(mail: OutboundMail): Promise<{ messageId: string }> {
    const result = await this.ses.send(
      new SendEmailCommand({
        Source: this.fromAddress,
        Destination: { ToAddresses: mail.to },
        Message: {
          Subject: { Data: mail.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: mail.text, Charset: 'UTF-8' }, Html: { Data: mail.html, Charset: 'UTF-8' } },
        },
      }),
    );
    if (!result.MessageId) throw new Error('SES returned no MessageId');
    return { messageId: result.MessageId };
  }
}
