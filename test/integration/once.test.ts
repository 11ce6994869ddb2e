import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoEffectLedger } from '../../shared/adapters/dynamodb/effect-ledger.ts';
import { coalescingLedger, once } from '../../shared/usecases/once.ts';
import { freshTable } from '../support/dynamodb.ts';

describe('once (exactly-once side effects on the DynamoDB ledger)', () => {
  let ledger: DynamoEffectLedger;
  beforeAll(async () => {
    const { db, tableName } = await freshTable('once');
    ledger = new DynamoEffectLedger(db, tableName);
  });

  it('performs an effect once across repeated and concurrent calls', async () => {
    let runs = 0;
    const effect = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 100));
      return { messageId: `m${runs}` };
    };
    const results = await Promise.all([
      once(ledger, 'k1', effect),
      once(ledger, 'k1', effect),
      once(ledger, 'k1', effect),
    ]);
    expect(await once(ledger, 'k1', effect)).toBe(false);
    expect(runs).toBe(1);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('releases the key when the effect fails, so the retry performs it', async () => {
    await expect(once(ledger, 'k2', async () => Promise.reject(new Error('SNS down')))).rejects.toThrow(
      'SNS down',
    );
    let runs = 0;
    expect(
      await once(ledger, 'k2', async () => {
        runs++;
        return {};
      }),
    ).toBe(true);
    expect(runs).toBe(1);
  });

  it('takes over a key whose holder died, once its lease has run out', async () => {
    expect(await ledger.claim('k3', 300)).toEqual({ state: 'claimed' }); // the holder then crashes
    let runs = 0;
    const started = Date.now();
    expect(
      await once(ledger, 'k3', async () => {
        runs++;
        return {};
      }),
    ).toBe(true);
    expect(runs).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('through a coalescing ledger: concurrent calls of one process wait for the holder, none polls', async () => {
    const local = coalescingLedger(ledger);
    let runs = 0;
    const effect = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 100));
      return { messageId: `m${runs}` };
    };
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: 5 }, () => once(local, 'k4', effect)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(runs).toBe(1);
    // The waiters learn of the completion at once (no 200 ms polls of a busy key).
    expect(Date.now() - started).toBeLessThan(1000);
    // Storage agrees, and a remembered key is answered without it.
    expect(await ledger.claim('k4', 1000)).toEqual({ state: 'done' });
    expect(await local.completed!(['k4', 'k-none'])).toEqual(new Set(['k4']));
    expect(await once(local, 'k4', effect)).toBe(false);
  });

  it('through a coalescing ledger: a failed holder lets the next call perform the effect', async () => {
    const local = coalescingLedger(ledger);
    let runs = 0;
    const [first, second] = await Promise.allSettled([
      once(local, 'k5', async () => {
        await new Promise((r) => setTimeout(r, 50));
        throw new Error('SNS down');
      }),
      once(local, 'k5', async () => {
        runs++;
        return {};
      }),
    ]);
    expect(first.status).toBe('rejected');
    expect(second).toEqual({ status: 'fulfilled', value: true });
    expect(runs).toBe(1);
  });

  it('completed() reads which keys are done in one batch', async () => {
    await once(ledger, 'k6', async () => ({}));
    await ledger.claim('k7', 10_000); // pending, not done
    expect(await ledger.completed(['k6', 'k7', 'k8'])).toEqual(new Set(['k6']));
  });
});
