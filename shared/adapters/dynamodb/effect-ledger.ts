import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { EffectClaim, EffectLedger } from '../../domain/ports.ts';

const effectKey = (key: string) => ({ PK: `EFFECT#${key}`, SK: 'EFFECT' });

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
}
