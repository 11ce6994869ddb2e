import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type {
  IdempotencyClaimResult,
  IdempotencyKeyClaim,
  IdempotencyKeys,
} from '../../usecases/idempotency.ts';

/** Same key layout as the report repository's claims, so one principal's keys live in one namespace. */
const claimKey = (scope: string, key: string) => ({ PK: `IDEMPOTENCY#${scope}#${key}`, SK: 'IDEMPOTENCY' });

/** Idempotency keys for the POST routes other than a single report (which claims in its own transaction). */
export class DynamoIdempotencyKeys implements IdempotencyKeys {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly ttlSeconds = 24 * 3600,
  ) {}

  async claim(claim: IdempotencyKeyClaim): Promise<IdempotencyClaimResult> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...claimKey(claim.scope, claim.key),
            type: 'idempotency',
            requestHash: claim.requestHash,
            resourceId: claim.resourceId,
            // Keys are kept a day, like most payment APIs: long enough for any client's retries.
            ttl: Math.floor(Date.now() / 1000) + this.ttlSeconds,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return { outcome: 'claimed' };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: claimKey(claim.scope, claim.key),
        ConsistentRead: true,
      }),
    );
    if (!Item) return this.claim(claim); // released in between: try again
    return {
      outcome: 'exists',
      requestHash: String(Item.requestHash),
      resourceId: String(Item.resourceId ?? Item.reportId),
    };
  }

  async release(scope: string, key: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: claimKey(scope, key) }));
  }
}
