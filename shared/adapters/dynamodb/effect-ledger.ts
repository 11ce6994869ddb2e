import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  DeleteCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { EffectClaim, EffectLedger } from '../../domain/ports.ts';

const effectKey = (key: string) => ({ PK: `EFFECT#${key}`, SK: 'EFFECT' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Records each side effect once, with conditional writes: the stream may redeliver a batch and
 * a function may be retried, but only one attempt at a time holds a key, and a completed key is
 * never claimed again.
 */
export class DynamoEffectLedger implements EffectLedger {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => number = Date.now,
  ) {}

  async claim(key: string, leaseMs: number): Promise<EffectClaim> {
    const now = this.now();
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...effectKey(key), type: 'effect', state: 'pending', leaseUntil: now + leaseMs },
          ConditionExpression: 'attribute_not_exists(PK) OR (#state = :pending AND leaseUntil < :now)',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':pending': 'pending', ':now': now },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { state: 'claimed' };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const held = error.Item ? unmarshall(error.Item as never) : undefined;
      if (held?.state === 'pending') return { state: 'busy', leaseUntil: Number(held.leaseUntil) };
      return { state: 'done' };
    }
  }

  async complete(key: string, detail: Record<string, string> = {}): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: effectKey(key),
        UpdateExpression: 'SET #state = :done, completedAt = :at, detail = :detail REMOVE leaseUntil',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: {
          ':done': 'done',
          ':at': new Date(this.now()).toISOString(),
          ':detail': detail,
        },
      }),
    );
  }

  async release(key: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: effectKey(key) }));
  }

  /** BatchGetItem of the keys (100 a request): those whose state is done. */
  async completed(keys: readonly string[]): Promise<Set<string>> {
    const unique = [...new Set(keys)];
    const done = new Set<string>();
    for (let i = 0; i < unique.length; i += 100) {
      let pending: Record<string, unknown>[] | undefined = unique.slice(i, i + 100).map(effectKey);
      for (let attempt = 0; pending && pending.length > 0; attempt++) {
        if (attempt > 0) await sleep(Math.min(1000, 20 * 2 ** attempt));
        const result: BatchGetCommandOutput = await this.db.send(
          new BatchGetCommand({
            RequestItems: {
              [this.tableName]: {
                Keys: pending,
                ProjectionExpression: 'PK, #state',
                ExpressionAttributeNames: { '#state': 'state' },
              },
            },
          }),
        );
        for (const item of result.Responses?.[this.tableName] ?? [])
          if (item.state === 'done') done.add(String(item.PK).slice('EFFECT#'.length));
        pending = result.UnprocessedKeys?.[this.tableName]?.Keys;
      }
    }
    return done;
  }
}
