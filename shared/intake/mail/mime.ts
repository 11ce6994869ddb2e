/**
 * The MIME parser behind the intake: postal-mime (no dependencies, runs in Lambda and in the
 * browser, measured faster than mailparser on the corpus — see test/bench/intake.bench.ts).
 * Every message/rfc822 part comes back as an attachment so that we open the original
 * ourselves, with our own depth limit, and keep its headers apart from the forward's.
 */
import PostalMime, { type Email } from 'postal-mime';
import type { IntakeLimits } from '../limits.ts';

export type { Email };

export class IntakeLimitError extends Error {}

/** Lines that look like MIME boundaries ("--xyz"): a cheap count before the real parse. */
export function countBoundaryLines(raw: Uint8Array, stopAt: number): number {
  let n = 0;
  for (let i = 0; i + 2 < raw.length; i++) {
    const next = raw[i + 3];
    // "\n--x": a delimiter; "\n-- " (a signature separator) is not.
    if (
      raw[i] === 0x0a &&
      raw[i + 1] === 0x2d &&
      raw[i + 2] === 0x2d &&
      next !== 0x20 &&
      next !== 0x0d &&
      next !== 0x0a
    ) {
      if (++n > stopAt) return n;
    }
  }
  return n;
}

export async function parseMime(raw: Uint8Array, limits: IntakeLimits): Promise<Email> {
  if (raw.byteLength > limits.maxMessageBytes) {
    throw new IntakeLimitError(
      `message is ${raw.byteLength} bytes, over the ${limits.maxMessageBytes}-byte limit`,
    );
  }
  // Each part opens with one delimiter line; some slack for text lines that start with "--".
  const boundaries = countBoundaryLines(raw, limits.maxParts + 20);
  if (boundaries > limits.maxParts + 20) {
    throw new IntakeLimitError(`message has more than ${limits.maxParts} MIME parts`);
  }
  return PostalMime.parse(raw, {
    forceRfc822Attachments: true,
    attachmentEncoding: 'arraybuffer',
    maxNestingDepth: limits.maxMimeDepth,
    maxHeadersSize: limits.maxHeaderBytes,
    maxRfc822NestingDepth: 0,
  });
}

/** Only the header section, for a message we refuse to parse: who sent it is still useful. */
export async function parseHeadersOnly(raw: Uint8Array, limits: IntakeLimits): Promise<Email | undefined> {
  const max = Math.min(raw.byteLength, limits.maxHeaderBytes);
  let end = max;
  for (let i = 0; i + 3 < max; i++) {
    if (raw[i] === 0x0a && (raw[i + 1] === 0x0a || (raw[i + 1] === 0x0d && raw[i + 2] === 0x0a))) {
      end = i + 1;
      break;
    }
  }
  try {
    // The header block alone, with a neutral body: no boundary to chase, no part to decode.
    const head = new TextDecoder('latin1')
      .decode(raw.subarray(0, end))
      .replace(/^content-type:.*(\r?\n[ \t].*)*$/gim, '');
    return await PostalMime.parse(`${head.trimEnd()}\r\nContent-Type: text/plain\r\n\r\n`, {
      maxHeadersSize: limits.maxHeaderBytes,
    });
  } catch {
    return undefined;
  }
}

export const headerValue = (email: Email, key: string) => email.headers.find((h) => h.key === key)?.value;

export function bodyText(email: Email): string {
  return (email.text ?? '').replace(/\r\n/g, '\n');
}

export function attachmentBytes(content: ArrayBuffer | Uint8Array | string): Uint8Array {
  if (typeof content === 'string') return new TextEncoder().encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}
