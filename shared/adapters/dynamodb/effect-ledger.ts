import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { EffectLedger } from '../../domain/ports.ts';

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

  async claim(key: string, leaseMs = 60_000): Promise<boolean> {
    const now = this.now();
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...effectKey(key), type: 'effect', state: 'pending', leaseUntil: now + leaseMs },
          ConditionExpression: 'attribute_not_exists(PK) OR (#state = :pending AND leaseUntil < :now)',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':pending': 'pending', ':now': now },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async complete(key: string, detail: Record<string, string> = {}): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: effectKey(key),
        UpdateExpression: 'SET #state = :done, completedAt = :at, detail = :detail REMOVE leaseUntil',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':done': 'done', ':at': new Date(this.now()).toISOString(), ':detail': detail },
      }),
    );
  }

  async release(key: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: effectKey(key) }));
  }
}
