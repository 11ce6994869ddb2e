/**
 * Broadcast audit records in the single table. One partition per broadcast, one item per fact,
 * each written once with attribute_not_exists and never updated:
 *
 *   PK BROADCAST#<id>  SK REQUEST      who asked, when, audience, the exact content (GSI2: BROADCASTS/<id>)
 *   PK BROADCAST#<id>  SK APPROVAL     the second officer and when (only when approval is required)
 *   PK BROADCAST#<id>  SK PUBLICATION  the SNS message id and when it went out
 *   PK BROADCAST#RATE  SK SLOT         the rate limiter: when the last broadcast was sent (updated in place)
 */
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type {
  BroadcastApproval,
  BroadcastPublication,
  BroadcastRecord,
  BroadcastRequestRecord,
} from '../../broadcast/broadcast.ts';
import type { BroadcastStore, SendSlot, SlotRefused } from '../../broadcast/ports.ts';

const partition = (id: string) => `BROADCAST#${id}`;
const SLOT_KEY = { PK: 'BROADCAST#RATE', SK: 'SLOT' };
const KEY_ATTRIBUTES = ['PK', 'SK', 'GSI2PK', 'GSI2SK', 'type'];

const strip = (item: Record<string, unknown>) => {
  const rest = { ...item };
  for (const key of KEY_ATTRIBUTES) delete rest[key];
  return rest;
};

export class DynamoBroadcastStore implements BroadcastStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The slot update: refused while the last send is younger than the interval, unless overridden. */
  private slotUpdate(slot: SendSlot) {
    const sentAt = slot.now.getTime();
    return {
      Update: {
        TableName: this.tableName,
        Key: SLOT_KEY,
        UpdateExpression: 'SET lastSentAt = :sentAt, lastBroadcastId = :id, #type = :type',
        ...(slot.override
          ? {}
          : { ConditionExpression: 'attribute_not_exists(lastSentAt) OR lastSentAt <= :cutoff' }),
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: {
          ':sentAt': sentAt,
          ':id': slot.broadcastId,
          ':type': 'broadcast-rate',
          ...(slot.override ? {} : { ':cutoff': sentAt - slot.minIntervalMs }),
        },
      },
    };
  }

  private async refusal(slot: SendSlot): Promise<SlotRefused> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: SLOT_KEY, ConsistentRead: true }),
    );
    const lastSentAt = Number(Item?.lastSentAt ?? 0);
    const waitMs = lastSentAt + slot.minIntervalMs - slot.now.getTime();
    return { outcome: 'rate-limited', retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  /** Which item of a cancelled transaction failed its condition. */
  private static failedAt(error: TransactionCanceledException): number[] {
    return (error.CancellationReasons ?? [])
      .map((reason, index) => (reason.Code === 'ConditionalCheckFailed' ? index : -1))
      .filter((index) => index >= 0);
  }

  async create(request: BroadcastRequestRecord, slot?: SendSlot) {
    const put = {
      Put: {
        TableName: this.tableName,
        Item: {
          PK: partition(request.id),
          SK: 'REQUEST',
          type: 'broadcast',
          GSI2PK: 'BROADCASTS',
          GSI2SK: request.id,
          ...request,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    };
    try {
      await this.db.send(
        new TransactWriteCommand({ TransactItems: slot ? [put, this.slotUpdate(slot)] : [put] }),
      );
      return { outcome: 'created' as const };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const failed = DynamoBroadcastStore.failedAt(error);
      if (failed.includes(0)) return { outcome: 'exists' as const };
      if (slot && failed.includes(1)) return this.refusal(slot);
      throw error;
    }
  }

  async approve(id: string, approval: BroadcastApproval, slot: SendSlot) {
    const put = {
      Put: {
        TableName: this.tableName,
        Item: { PK: partition(id), SK: 'APPROVAL', type: 'broadcast-approval', ...approval },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    };
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: [put, this.slotUpdate(slot)] }));
      return { outcome: 'approved' as const };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const failed = DynamoBroadcastStore.failedAt(error);
      if (failed.includes(0)) return { outcome: 'exists' as const };
      if (failed.includes(1)) return this.refusal(slot);
      throw error;
    }
  }

  async recordPublication(id: string, publication: BroadcastPublication): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { PK: partition(id), SK: 'PUBLICATION', type: 'broadcast-publication', ...publication },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (error) {
      // Already recorded: the first record stands (the audit trail is never rewritten).
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async get(id: string): Promise<BroadcastRecord | undefined> {
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': partition(id) },
        ConsistentRead: true,
      }),
    );
    const bySk = new Map(Items.map((item) => [String(item.SK), strip(item)]));
    const request = bySk.get('REQUEST');
    if (!request) return undefined;
    const approval = bySk.get('APPROVAL') as BroadcastApproval | undefined;
    const publication = bySk.get('PUBLICATION') as BroadcastPublication | undefined;
    return {
      ...(request as unknown as BroadcastRequestRecord),
      ...(approval ? { approval } : {}),
      ...(publication ? { publication } : {}),
    };
  }
}
