import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { CreateResult, IdempotencyClaim, ReportRepository } from '../../domain/ports.ts';
import { type Assessment, Report } from '../../domain/report.ts';
import type { ReportListing, ReportListQuery, ReportPage } from '../../usecases/list-reports.ts';

const KEY_ATTRIBUTES = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'type', 'ttl'] as const;

export const reportKey = (id: string) => ({ PK: `REPORT#${id}`, SK: 'REPORT' });

/** Who a report belongs to, for "partners see only their own" and "reports from this reporter". */
export const sourceKey = (report: Report) =>
  report.source.kind === 'partner-api'
    ? `PARTNER#${report.source.partnerId}`
    : `REPORTER#${report.source.reporter}`;

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

/** Filters map to top-level attributes and the stored assessment. */
const FILTER_ATTRIBUTES = {
  verdict: ['assessment', 'verdict'],
  category: ['assessment', 'category'],
  channel: ['channel'],
  status: ['status'],
  campaignId: ['campaignId'],
} as const;

/** How many items one listing request may read before it answers with what it found (bounded cost). */
const MAX_ITEMS_EVALUATED = 1000;

export class DynamoReportRepository implements ReportRepository, ReportListing {
  constructor(
    /** Public so other adapters of the same table (broadcasts, idempotency keys) can share the client. */
    readonly db: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}

  /**
   * Newest first from GSI1 (one partner's reports) or GSI2 (all reports); ULID sort keys are
   * time order. Filters are applied by DynamoDB after reading, so a page is read in steps until
   * it is full or the evaluation budget is spent; the cursor is the last id looked at.
   */
  async list(query: ReportListQuery): Promise<ReportPage> {
    const byPartner = query.partnerId !== undefined;
    const [index, pkName, skName, pkValue] = byPartner
      ? (['GSI1', 'GSI1PK', 'GSI1SK', `PARTNER#${query.partnerId}`] as const)
      : (['GSI2', 'GSI2PK', 'GSI2SK', 'REPORTS'] as const);
    const names: Record<string, string> = { '#pk': pkName };
    const values: Record<string, unknown> = { ':pk': pkValue };
    const conditions: string[] = [];
    for (const [filter, path] of Object.entries(FILTER_ATTRIBUTES)) {
      const value = query.filters[filter as keyof typeof FILTER_ATTRIBUTES];
      if (value === undefined) continue;
      path.forEach((part) => {
        names[`#${part}`] = part;
      });
      values[`:${filter}`] = value;
      conditions.push(`${path.map((part) => `#${part}`).join('.')} = :${filter}`);
    }
    const startAt = (id: string) => ({ [pkName]: pkValue, [skName]: id, ...reportKey(id) });
    const input: QueryCommandInput = {
      TableName: this.tableName,
      IndexName: index,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ...(conditions.length ? { FilterExpression: conditions.join(' AND ') } : {}),
      ScanIndexForward: false,
    };
    const reports: Report[] = [];
    let exclusiveStartKey: Record<string, unknown> | undefined = query.after
      ? startAt(query.after)
      : undefined;
    let evaluated = 0;
    let lastSeen: string | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          ...input,
          ExclusiveStartKey: exclusiveStartKey,
          // Without filters a page is exactly what is asked for; with filters read more per step.
          Limit: conditions.length
            ? Math.min(200, MAX_ITEMS_EVALUATED - evaluated)
            : query.limit - reports.length + 1,
        }),
      );
      evaluated += page.ScannedCount ?? 0;
      for (const item of page.Items ?? []) {
        if (reports.length === query.limit) return { reports, after: lastSeen };
        reports.push(fromItem(item));
        lastSeen = String(item[skName]);
      }
      exclusiveStartKey = page.LastEvaluatedKey;
      if (exclusiveStartKey) lastSeen = String(exclusiveStartKey[skName]);
    } while (exclusiveStartKey && reports.length < query.limit && evaluated < MAX_ITEMS_EVALUATED);
    return { reports, ...(exclusiveStartKey ? { after: lastSeen } : {}) };
  }

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
                Item: {
                  ...claimKey,
                  type: 'idempotency',
                  reportId: report.id,
                  requestHash: claim.requestHash,
                },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: toItem(report),
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
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
