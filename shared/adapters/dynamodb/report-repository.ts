import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { CreateResult, IdempotencyClaim, ReportRepository } from '../../domain/ports.ts';
import { type Assessment, Report } from '../../domain/report.ts';

const KEY_ATTRIBUTES = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'type', 'ttl'] as const;

export const reportKey = (id: string) => ({ PK: `REPORT#${id}`, SK: 'REPORT' });

/** Who a report belongs to, for "partners see only their own" and "reports from this reporter". */
export const sourceKey = (report: Report) =>
  report.source.kind === 'partner-api' ? `PARTNER#${report.source.partnerId}` : `REPORTER#${report.source.reporter}`;

export function toItem(report: Report): Record<string, unknown> {
  return {
    ...reportKey(report.id),
    // The stream filter scores only items of this type inserted with status "received".
    type: 'report',
    GSI1PK: sourceKey(report),
    GSI1SK: report.id,
    GSI2PK: 'REPORTS',
    GSI2SK: report.id,
    ...report,
  };
}

export function fromItem(item: Record<string, unknown>): Report {
  const rest = { ...item };
  for (const key of KEY_ATTRIBUTES) delete rest[key];
  return Report.parse(rest);
}

export class DynamoReportRepository implements ReportRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(report: Report, idempotency?: IdempotencyClaim): Promise<CreateResult> {
    if (idempotency) return this.createClaimed(report, idempotency);
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: toItem(report),
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return { outcome: 'created' };
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return { outcome: 'exists', reportId: report.id };
      throw error;
    }
  }

  /** The report and its idempotency record in one transaction: both or neither. */
  private async createClaimed(report: Report, claim: IdempotencyClaim): Promise<CreateResult> {
    const claimKey = { PK: `IDEMPOTENCY#${claim.scope}#${claim.key}`, SK: 'IDEMPOTENCY' };
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...claimKey, type: 'idempotency', reportId: report.id, requestHash: claim.requestHash },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            { Put: { TableName: this.tableName, Item: toItem(report), ConditionExpression: 'attribute_not_exists(PK)' } },
          ],
        }),
      );
      return { outcome: 'created' };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const { Item } = await this.db.send(
        new GetCommand({ TableName: this.tableName, Key: claimKey, ConsistentRead: true }),
      );
      if (!Item) throw error;
      return { outcome: 'exists', reportId: String(Item.reportId), requestHash: String(Item.requestHash) };
    }
  }

  async get(id: string): Promise<Report | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: reportKey(id) }));
    return Item ? fromItem(Item) : undefined;
  }

  async saveAssessment(id: string, assessment: Assessment): Promise<Assessment> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: reportKey(id),
          UpdateExpression: 'SET assessment = :a, #status = :scored',
          // Only the first scoring counts: a redelivered record finds the verdict already there.
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(assessment)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':a': assessment, ':scored': 'scored' },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return assessment;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException && error.Item) {
        const existing = fromItem(unmarshall(error.Item as never)).assessment;
        if (existing) return existing;
      }
      throw error;
    }
  }
}
