/**
 * The SES path: the raw .eml a member forwarded to the report address. The reporter is the
 * forward's From; the envelope is returned so the handler can decide trust and acknowledge.
 * Never throws.
 */
import { analyseMail } from './mail/analyse-mail.ts';
import { resolveOptions } from './options.ts';
import type { IntakeOptions, ParsedMessage } from './types.ts';

export async function parseRawMail(raw: Uint8Array, options?: IntakeOptions): Promise<ParsedMessage> {
  try {
    return await analyseMail(raw, resolveOptions(options), 'report');
  } catch (e) {
    return {
      draft: {
        channel: 'email',
        sender: {},
        targets: {},
        text: '',
        unparseable: `intake failed: ${(e as Error)?.message ?? String(e)}`.slice(0, 1000),
      },
      kind: 'unknown',
    };
  }
}
