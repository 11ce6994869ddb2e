/**
 * The local stand-in for SES inbound: an SMTP server that accepts mail for the report address,
 * stores the raw message where the S3 action would, and invokes ses-inbound asynchronously
 * (SES's "Event" invocation: two retries, then the dead-letter file) — never losing a message.
 */
import { randomBytes } from 'node:crypto';
import type { Context, SESEvent } from 'aws-lambda';
import { SMTPServer } from 'smtp-server';
import { RAW_MAIL_PREFIX } from '../../functions/ses-inbound/handler.ts';
import { appendJsonLine } from '../../shared/adapters/local/jsonl-file.ts';
import type { RawMailStore } from '../../shared/domain/ports.ts';
import { type LocalVerdicts, sesReceiptEvent } from './ses-event.ts';

/** SES accepts messages up to 40 MB. */
const MAX_MESSAGE_BYTES = 40 * 1024 * 1024;
const ASYNC_RETRIES = 2;

export interface SmtpIntakeOptions {
  reportAddress: string;
  rawMail: RawMailStore;
  handler: (event: SESEvent, context: Context) => Promise<void>;
  context: () => Context;
  deadLetterFile: string;
  /** SES computes these; locally they are configured (LUREWATCH_LOCAL_SES_VERDICT). */
  verdicts: LocalVerdicts;
  log?: (line: string) => void;
  retryDelayMs?: number;
}

/** SES message ids are 20–40 lowercase alphanumerics. */
const sesMessageId = () => randomBytes(20).toString('hex').slice(0, 32);

export class SmtpIntake {
  readonly server: SMTPServer;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly options: SmtpIntakeOptions) {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      size: MAX_MESSAGE_BYTES,
      banner: 'lurewatch local intake',
      logger: false,
      onRcptTo: (address, _session, callback) => {
        // The receipt rule only covers the report address; SES would reject the rest.
        if (address.address.toLowerCase() !== options.reportAddress.toLowerCase()) {
          const error = new Error(
            `5.1.1 no such mailbox here; send reports to ${options.reportAddress}`,
          ) as Error & {
            responseCode: number;
          };
          error.responseCode = 550;
          return callback(error);
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', async () => {
          if (stream.sizeExceeded) {
            const error = new Error('5.3.4 message too big') as Error & { responseCode: number };
            error.responseCode = 552;
            return callback(error);
          }
          const raw = Buffer.concat(chunks);
          const messageId = sesMessageId();
          try {
            await options.rawMail.put(`${RAW_MAIL_PREFIX}${messageId}`, raw);
          } catch (error) {
            const failure = new Error(
              `4.3.0 could not store the message: ${(error as Error).message}`,
            ) as Error & {
              responseCode: number;
            };
            failure.responseCode = 451;
            return callback(failure);
          }
          const mailFrom = session.envelope.mailFrom;
          const event = sesReceiptEvent({
            messageId,
            envelopeFrom: mailFrom ? mailFrom.address : '',
            recipients: session.envelope.rcptTo.map((r) => r.address),
            raw,
            verdicts: options.verdicts,
            receivedAt: new Date(),
            functionArn: 'arn:aws:lambda:local:000000000000:function:ses-inbound',
          });
          this.track(this.invokeWithRetries(event, messageId));
          callback(null, `2.0.0 Ok: queued as ${messageId}`);
        });
      },
    });
  }

  private track(work: Promise<void>) {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private async invokeWithRetries(event: SESEvent, messageId: string): Promise<void> {
    let lastError: unknown;
    for (let attempt = 0; attempt <= ASYNC_RETRIES; attempt++) {
      try {
        await this.options.handler(event, this.options.context());
        this.options.log?.(`smtp ${messageId} processed`);
        return;
      } catch (error) {
        lastError = error;
        await new Promise((r) => setTimeout(r, (this.options.retryDelayMs ?? 500) * (attempt + 1)));
      }
    }
    // The on-failure destination: the raw mail stays in the store, the event is kept for replay.
    await appendJsonLine(this.options.deadLetterFile, {
      source: 'ses-inbound',
      reason: (lastError as Error)?.message ?? String(lastError),
      event,
      failedAt: new Date().toISOString(),
    });
    this.options.log?.(`smtp ${messageId} failed after retries: dead-lettered`);
  }

  listen(port: number, host = '127.0.0.1'): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
  }

  /** Stops accepting mail and waits for the messages already accepted to be processed. */
  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await Promise.allSettled([...this.inFlight]);
  }
}
