import type { EffectClaim, EffectLedger } from '../domain/ports.ts';

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

type Settled = 'done' | 'released' | 'timeout';

/**
 * The ledger as seen by one process: a claim on a key that another call in this process is
 * claiming or holding waits for that call to complete (then: done) or to let go (then: claims as
 * usual), instead of finding it busy in storage and polling. Many reports of one campaign then
 * announce a change once between them without a storm of conditional writes and waits. Claims
 * held by other processes are found in storage as before; a local holder that neither completes
 * nor releases is waited for at most one lease, then storage decides. Keys seen completed are
 * remembered (completed is final): they are answered without a read or a write.
 */
export function coalescingLedger(ledger: EffectLedger, options: { remember?: number } = {}): EffectLedger {
  const local = new Map<string, { settled: Promise<Settled>; settle: (s: Settled) => void }>();
  const done = new Set<string>();
  const remember = options.remember ?? 100_000;
  const isDone = (key: string) => {
    if (done.size >= remember) done.clear();
    done.add(key);
  };
  const letGo = (key: string, how: Settled) => {
    if (how === 'done') isDone(key);
    const entry = local.get(key);
    local.delete(key);
    entry?.settle(how);
  };
  return {
    async claim(key: string, leaseMs: number): Promise<EffectClaim> {
      for (;;) {
        if (done.has(key)) return { state: 'done' };
        const held = local.get(key);
        if (held) {
          let timer: NodeJS.Timeout | undefined;
          const timeout = new Promise<Settled>((resolve) => {
            timer = setTimeout(() => resolve('timeout'), leaseMs);
          });
          const how = await Promise.race([held.settled, timeout]);
          clearTimeout(timer);
          if (how === 'done') return { state: 'done' };
          if (how === 'timeout') return ledger.claim(key, leaseMs);
          continue;
        }
        let settle: (s: Settled) => void = () => {};
        const settled = new Promise<Settled>((resolve) => {
          settle = resolve;
        });
        local.set(key, { settled, settle });
        let claim: EffectClaim;
        try {
          claim = await ledger.claim(key, leaseMs);
        } catch (error) {
          letGo(key, 'released');
          throw error;
        }
        if (claim.state === 'done') letGo(key, 'done');
        else if (claim.state === 'busy') letGo(key, 'released');
        return claim;
      }
    },
    async complete(key: string, detail?: Record<string, string>): Promise<void> {
      try {
        await ledger.complete(key, detail);
      } catch (error) {
        letGo(key, 'released'); // not recorded: others go to storage (and find the lease)
        throw error;
      }
      letGo(key, 'done');
    },
    async release(key: string): Promise<void> {
      try {
        await ledger.release(key);
      } finally {
        letGo(key, 'released');
      }
    },
    async completed(keys: readonly string[]): Promise<Set<string>> {
      const unknown = keys.filter((key) => !done.has(key));
      const found =
        unknown.length > 0 && ledger.completed ? await ledger.completed(unknown) : new Set<string>();
      for (const key of found) isDone(key);
      return new Set(keys.filter((key) => done.has(key) || found.has(key)));
    },
  };
}
