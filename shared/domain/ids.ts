import { createHash } from 'node:crypto';
import { encodeTime } from 'ulid';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A ULID whose random part is derived from a seed (an SES message id, a partner's
 * Idempotency-Key): a redelivered event or a retried request maps to the same report id, so the
 * conditional write sees the duplicate instead of storing a second report.
 */
export function deterministicUlid(timeMs: number, seed: string): string {
  const digest = createHash('sha256').update(seed).digest();
  let random = '';
  for (let i = 0; i < 16; i++) random += CROCKFORD[digest[i]! % 32];
  return encodeTime(timeMs, 10) + random;
}
