/**
 * Idempotency-Key handling shared by the POST routes: a key is scoped to the principal that sent
 * it, and remembers a hash of the request and the resource it created, so a retry finds the
 * first answer and a different request under the same key is a conflict.
 */
import { createHash } from 'node:crypto';

export interface IdempotencyKeyClaim {
  scope: string;
  key: string;
  requestHash: string;
  /** The resource the first request creates (chosen before creating it, so a crash can resume). */
  resourceId: string;
}

export type IdempotencyClaimResult =
  | { outcome: 'claimed' }
  | { outcome: 'exists'; requestHash: string; resourceId: string };

export interface IdempotencyKeys {
  claim(claim: IdempotencyKeyClaim): Promise<IdempotencyClaimResult>;
  /** Frees a key whose request was refused (rate-limited), so the client may retry it later. */
  release(scope: string, key: string): Promise<void>;
}

export const principalScope = (principalId: string) => `principal:${principalId}`;

/** The route is part of the hash: the same key on another route is another request. */
export const requestHashOf = (route: string, body: string) =>
  createHash('sha256').update(route).update('\n').update(body).digest('hex');
