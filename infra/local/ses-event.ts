/**
 * Builds the event SES's Lambda action sends after its S3 action has stored the message:
 * metadata and verdicts only, never the body.
 */
import type { SESEvent, SESReceiptStatus } from 'aws-lambda';

export interface LocalVerdicts {
  spf: SESReceiptStatus['status'];
  dkim: SESReceiptStatus['status'];
  dmarc: SESReceiptStatus['status'];
  virus: SESReceiptStatus['status'];
  spam: SESReceiptStatus['status'];
}

/** The few headers SES puts in commonHeaders, read from the header block only. */
export function commonHeadersOf(raw: Buffer) {
  const end = raw.indexOf('\r\n\r\n') >= 0 ? raw.indexOf('\r\n\r\n') : raw.indexOf('\n\n');
  const head = raw
    .subarray(0, end >= 0 ? Math.min(end, 64 * 1024) : 64 * 1024)
    .toString('latin1')
    .replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(head)?.[1]?.trim();
  return {
    from: header('From') ? [header('From')!] : [],
    to: header('To') ? [header('To')!] : [],
    subject: header('Subject'),
    messageId: header('Message-ID'),
    date: header('Date'),
  };
}

export function sesReceiptEvent(input: {
  messageId: string;
  envelopeFrom: string;
  recipients: string[];
  raw: Buffer;
  verdicts: LocalVerdicts;
  receivedAt: Date;
  functionArn: string;
}): SESEvent {
  const common = commonHeadersOf(input.raw);
  const timestamp = input.receivedAt.toISOString();
  return {
    Records: [
      {
        eventSource: 'aws:ses',
        eventVersion: '1.0',
        ses: {
          mail: {
            timestamp,
            source: input.envelopeFrom,
            messageId: input.messageId,
            destination: input.recipients,
            headersTruncated: false,
            headers: [],
            commonHeaders: {
              returnPath: input.envelopeFrom,
              from: common.from,
              to: common.to,
              date: common.date ?? timestamp,
              messageId: common.messageId ?? '',
              subject: common.subject ?? '',
            },
          },
          receipt: {
            timestamp,
            processingTimeMillis: 0,
            recipients: input.recipients,
            spamVerdict: { status: input.verdicts.spam },
            virusVerdict: { status: input.verdicts.virus },
            spfVerdict: { status: input.verdicts.spf },
            dkimVerdict: { status: input.verdicts.dkim },
            dmarcVerdict: { status: input.verdicts.dmarc },
            dmarcPolicy: 'none',
            action: { type: 'Lambda', functionArn: input.functionArn, invocationType: 'Event' },
          },
        },
      },
    ],
  } as SESEvent;
}
