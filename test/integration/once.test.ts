import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoEffectLedger } from '../../shared/adapters/dynamodb/effect-ledger.ts';
import { once } from '../../shared/usecases/once.ts';
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
});
