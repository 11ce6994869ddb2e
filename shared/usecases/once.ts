import type { EffectLedger } from '../domain/ports.ts';

/** How long one attempt may hold an effect: longer than a publish or send can take (SDK timeouts). */
export const EFFECT_LEASE_MS = 10_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs a side effect (an alert, an email) exactly once per key across retries, redeliveries and
 * crashes: a completed key is skipped; a key held by another attempt is waited for (its lease
 * runs out if that attempt died); a failed effect releases the key and rethrows for the retry.
 * Returns true when this call performed the effect.
 */
export async function once(
  ledger: EffectLedger,
  key: string,
  effect: () => Promise<Record<string, string>>,
  leaseMs = EFFECT_LEASE_MS,
): Promise<boolean> {
  // Wait a little longer than one lease for a holder to finish or for its lease to lapse.
  const deadline = Date.now() + leaseMs * 1.5;
  for (;;) {
    const claim = await ledger.claim(key, leaseMs);
    if (claim.state === 'done') return false;
    if (claim.state === 'busy') {
      if (Date.now() > deadline) throw new Error(`effect ${key} is still held by another attempt`);
      await sleep(Math.min(200, Math.max(20, claim.leaseUntil - Date.now() + 20)));
      continue;
    }
    let detail: Record<string, string>;
    try {
      detail = await effect();
    } catch (error) {
      await ledger.release(key);
      throw error;
    }
    // The effect happened: recording that is worth a few tries, since giving up would let a
    // retry repeat it once the lease lapses.
    for (let attempt = 1; ; attempt++) {
      try {
        await ledger.complete(key, detail);
        return true;
      } catch (error) {
        if (attempt >= 5) throw error;
        await sleep(50 * 2 ** attempt);
      }
    }
  }
}
