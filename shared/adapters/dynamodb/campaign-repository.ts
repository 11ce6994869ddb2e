/**
 * Campaigns in the single table (item layout in campaign-items.ts). The read side is the
 * CampaignRepository port the API uses; the rest is what correlation needs: conditional claims
 * on identifiers, version-checked campaign writes, and joins/merges as transactions.
 */
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  BatchWriteCommand,
  type BatchWriteCommandOutput,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Campaign } from '../../campaigns/campaign.ts';
import {
  type Identifier,
  type IdentifierKind,
  identifierKey,
  normaliseAlias,
} from '../../campaigns/identifiers.ts';
import { toE164 } from '../../campaigns/roster.ts';
import {
  type CorrelationStore,
  type IdentifierOwner,
  MAX_JOIN_ITEMS,
  type Membership,
  type ReportLink,
} from '../../campaigns/store.ts';
import type { Page, PageOptions } from '../../domain/ports.ts';
import { CHANNELS } from '../../domain/report.ts';
import {
  campaignFromItem,
  campaignKey,
  campaignMembersPk,
  campaignToItem,
  decodeCursor,
  encodeCursor,
  identifierPk,
  incidentKey,
  LISTED_CAMPAIGNS,
  linkFromItem,
  linkKey,
  linkToItem,
  memberSk,
  ownerFromItem,
  ownerKey,
  ownerToItem,
  postingToItem,
} from './campaign-items.ts';

const MAX_PAGE = 100;
const MAX_MERGE_HOPS = 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const chunks = <T>(xs: readonly T[], n: number) =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));
/** The report item itself (report-repository.ts), where markReport notes the campaign. */
const reportItemKey = (reportId: string) => ({ PK: `REPORT#${reportId}`, SK: 'REPORT' });
const pageSize = (limit: number | undefined) => Math.min(Math.max(1, limit ?? 25), MAX_PAGE);

export class DynamoCampaignRepository implements CorrelationStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  // --- read side (the CampaignRepository port) ---

  async get(id: string): Promise<Campaign | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: campaignKey(id) }));
    return Item ? campaignFromItem(Item) : undefined;
  }

  async resolve(id: string): Promise<Campaign | undefined> {
    let campaign = await this.get(id);
    for (let hop = 0; campaign?.mergedInto && hop < MAX_MERGE_HOPS; hop++)
      campaign = await this.get(campaign.mergedInto);
    return campaign;
  }

  async list(options: PageOptions = {}): Promise<Page<Campaign>> {
    const result = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :p',
        ExpressionAttributeValues: { ':p': LISTED_CAMPAIGNS },
        ScanIndexForward: false,
        Limit: pageSize(options.limit),
        ExclusiveStartKey: decodeCursor<Record<string, unknown>>(options.cursor),
      }),
    );
    return {
      items: (result.Items ?? []).map(campaignFromItem),
      cursor: result.LastEvaluatedKey ? encodeCursor(result.LastEvaluatedKey) : undefined,
    };
  }

  /** Walks the campaign's own reports, then those of each campaign merged into it. */
  async reportIdsOf(campaignId: string, options: PageOptions = {}): Promise<Page<string>> {
    const campaign = await this.get(campaignId);
    if (!campaign) return { items: [] };
    const partitions = [campaign.id, ...campaign.mergedFrom];
    const start = decodeCursor<{ p: number; k?: Record<string, unknown> }>(options.cursor) ?? { p: 0 };
    const limit = pageSize(options.limit);
    const items: string[] = [];
    let p = start.p;
    let key = start.k;
    while (p < partitions.length && items.length < limit) {
      const result = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :p',
          ExpressionAttributeValues: { ':p': campaignMembersPk(partitions[p]!) },
          Limit: limit - items.length,
          ExclusiveStartKey: key,
        }),
      );
      items.push(...(result.Items ?? []).map((i) => String(i.reportId)));
      key = result.LastEvaluatedKey;
      if (!key) p++;
    }
    return { items, cursor: p < partitions.length ? encodeCursor({ p, k: key }) : undefined };
  }

  async reportIdsBySenderIdentifier(kind: IdentifierKind, value: string): Promise<string[]> {
    const ids: string[] = [];
    for (const id of lookupKeys(kind, value)) {
      let key: Record<string, unknown> | undefined;
      do {
        const result = await this.db.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: 'PK = :p AND begins_with(SK, :r)',
            ExpressionAttributeValues: { ':p': identifierPk(id), ':r': 'REPORT#' },
            ExclusiveStartKey: key,
          }),
        );
        ids.push(...(result.Items ?? []).map((i) => String(i.reportId)));
        key = result.LastEvaluatedKey;
      } while (key && ids.length < 10_000);
    }
    return [...new Set(ids)].sort();
  }

  // --- correlation ---

  async getCampaign(id: string): Promise<Campaign | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: campaignKey(id), ConsistentRead: true }),
    );
    return Item ? campaignFromItem(Item) : undefined;
  }

  async getLink(reportId: string): Promise<ReportLink | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: linkKey(reportId), ConsistentRead: true }),
    );
    return Item ? linkFromItem(Item) : undefined;
  }

  async links(reportIds: readonly string[]): Promise<ReportLink[]> {
    const items = await this.batchGet([...new Set(reportIds)].map(linkKey));
    return items.map(linkFromItem);
  }

  async saveLink(link: ReportLink): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: linkToItem(link),
          // A link that already joined a campaign keeps it.
          ConditionExpression: 'attribute_not_exists(campaignId)',
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async createLink(link: ReportLink, identifiers: readonly Identifier[]): Promise<ReportLink | undefined> {
    const postings = [...new Map(identifiers.map((i) => [identifierPk(i), i])).values()];
    if (postings.length < 100) {
      try {
        await this.db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: this.tableName,
                  Item: linkToItem(link),
                  ConditionExpression: 'attribute_not_exists(PK)',
                  ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
                },
              },
              ...postings.map((i) => ({
                Put: { TableName: this.tableName, Item: postingToItem(i, link.reportId) },
              })),
            ],
          }),
        );
        return undefined;
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const held = error.CancellationReasons?.[0];
        if (held?.Code === 'ConditionalCheckFailed' && held.Item)
          return linkFromItem(unmarshall(held.Item as never));
        // A conflict, or no copy of the stored link: read, then write as two steps.
      }
    }
    const existing = await this.getLink(link.reportId);
    if (!existing) {
      await Promise.all([this.saveLink(link), this.index(link.reportId, postings)]);
    }
    return existing;
  }

  async index(reportId: string, identifiers: readonly Identifier[]): Promise<void> {
    const unique = [...new Map(identifiers.map((i) => [identifierKey(i), i])).values()];
    await this.batchWrite(unique.map((i) => postingToItem(i, reportId)));
  }

  async postings(identifier: Identifier, limit: number): Promise<string[]> {
    const result = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :p AND begins_with(SK, :r)',
        ExpressionAttributeValues: { ':p': identifierPk(identifier), ':r': 'REPORT#' },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map((i) => String(i.reportId));
  }

  async owners(identifiers: readonly Identifier[]): Promise<Map<string, IdentifierOwner>> {
    const byPk = new Map(identifiers.map((i) => [identifierPk(i), i]));
    const items = await this.batchGet([...byPk.values()].map(ownerKey), true);
    const out = new Map<string, IdentifierOwner>();
    for (const item of items) {
      const id = byPk.get(String(item.PK));
      if (id) out.set(identifierKey(id), ownerFromItem(item));
    }
    return out;
  }

  async claim(identifier: Identifier, owner: IdentifierOwner): Promise<IdentifierOwner | undefined> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: ownerToItem(identifier, owner),
          ConditionExpression: 'attribute_not_exists(PK)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return undefined;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      if (error.Item) return ownerFromItem(unmarshall(error.Item as never));
      const { Item } = await this.db.send(
        new GetCommand({ TableName: this.tableName, Key: ownerKey(identifier), ConsistentRead: true }),
      );
      if (!Item) throw error;
      return ownerFromItem(Item);
    }
  }

  async claimIncident(conversation: string, incidentId: string): Promise<string> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...incidentKey(conversation), type: 'incident-claim', incidentId },
          ConditionExpression: 'attribute_not_exists(PK)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return incidentId;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      if (error.Item) return String(unmarshall(error.Item as never).incidentId);
      const { Item } = await this.db.send(
        new GetCommand({ TableName: this.tableName, Key: incidentKey(conversation), ConsistentRead: true }),
      );
      if (!Item) throw error;
      return String(Item.incidentId);
    }
  }

  async commitJoin(
    next: Campaign,
    expectedVersion: number,
    links: Membership | readonly Membership[],
    claims: ReadonlyArray<{ identifier: Identifier; owner: IdentifierOwner }> = [],
  ): Promise<boolean> {
    const members: readonly Membership[] = Array.isArray(links) ? links : [links as Membership];
    // One item per identifier: a transaction may not touch an item twice.
    const unique = [...new Map(claims.map((c) => [identifierPk(c.identifier), c])).values()];
    if (unique.length + 1 + 2 * members.length > MAX_JOIN_ITEMS)
      throw new Error(`a join writes at most ${MAX_JOIN_ITEMS} items`);
    const join = [
      ...unique.map(({ identifier, owner }) => ({
        Put: {
          TableName: this.tableName,
          Item: ownerToItem(identifier, owner),
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      })),
      this.campaignPut(next, expectedVersion),
      ...members.map((link) => ({
        Update: {
          TableName: this.tableName,
          Key: linkKey(link.reportId),
          UpdateExpression: 'SET campaignId = :c, incidentId = :i, GSI1PK = :p, GSI1SK = :s',
          // Each report is counted once, however often it is processed.
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(campaignId)',
          ExpressionAttributeValues: {
            ':c': next.id,
            ':i': link.incidentId,
            ':p': campaignMembersPk(next.id),
            ':s': memberSk(link.receivedAt, link.reportId),
          },
        },
      })),
    ];
    const marks = members.map((link) => ({
      Update: {
        TableName: this.tableName,
        Key: reportItemKey(link.reportId),
        UpdateExpression: 'SET campaignId = :c',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':c': next.id },
      },
    }));
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: [...join, ...marks] }));
      return true;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      // Cancelled only by reports' own conditions: those reports are not stored (markReport would
      // do nothing either), so join without noting it on them. Anything else: lost to a
      // concurrent writer.
      const reasons = error.CancellationReasons ?? [];
      const failed = (i: number) => !!reasons[i]?.Code && reasons[i]?.Code !== 'None';
      const joinFailed = join.some((_, i) => failed(i));
      const missing = marks.filter((_, i) => failed(join.length + i));
      if (joinFailed || missing.length === 0) return false;
      if (
        !marks.every(
          (_, i) => !failed(join.length + i) || reasons[join.length + i]?.Code === 'ConditionalCheckFailed',
        )
      )
        return false;
      return this.transact([...join, ...marks.filter((_, i) => !failed(join.length + i))]);
    }
  }

  async commitMerge(
    survivor: Campaign,
    survivorVersion: number,
    absorbed: Campaign,
    absorbedVersion: number,
  ): Promise<boolean> {
    return this.transact([
      this.campaignPut(survivor, survivorVersion),
      this.campaignPut(absorbed, absorbedVersion),
    ]);
  }

  async markReport(reportId: string, campaignId: string): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: reportItemKey(reportId),
          UpdateExpression: 'SET campaignId = :c',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':c': campaignId },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  // --- helpers ---

  /** Version 0 creates; otherwise the stored version must match and the campaign be live. */
  private campaignPut(c: Campaign, expectedVersion: number) {
    return {
      Put: {
        TableName: this.tableName,
        Item: campaignToItem({ ...c, version: expectedVersion + 1 }),
        ConditionExpression:
          expectedVersion === 0
            ? 'attribute_not_exists(PK)'
            : 'version = :v AND attribute_not_exists(mergedInto)',
        ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ':v': expectedVersion } }),
      },
    };
  }

  private async transact(
    items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>,
  ) {
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items }));
      return true;
    } catch (error) {
      // Lost to a concurrent writer (a condition failed or a transaction conflicted): go round again.
      if (error instanceof TransactionCanceledException) return false;
      throw error;
    }
  }

  private async batchGet(keys: ReadonlyArray<Record<string, string>>, consistent = false) {
    const out: Record<string, unknown>[] = [];
    for (const chunk of chunks(keys, 100)) {
      let pending: Record<string, unknown>[] | undefined = [...chunk];
      for (let attempt = 0; pending && pending.length > 0; attempt++) {
        if (attempt > 0) await sleep(Math.min(1000, 20 * 2 ** attempt));
        const result: BatchGetCommandOutput = await this.db.send(
          new BatchGetCommand({
            RequestItems: { [this.tableName]: { Keys: pending, ConsistentRead: consistent } },
          }),
        );
        out.push(...(result.Responses?.[this.tableName] ?? []));
        pending = result.UnprocessedKeys?.[this.tableName]?.Keys;
      }
    }
    return out;
  }

  private async batchWrite(items: ReadonlyArray<Record<string, unknown>>) {
    for (const chunk of chunks(items, 25)) {
      let pending = chunk.map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 0) await sleep(Math.min(1000, 20 * 2 ** attempt));
        const result: BatchWriteCommandOutput = await this.db.send(
          new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } }),
        );
        pending = (result.UnprocessedItems?.[this.tableName] ?? []) as typeof pending;
      }
    }
  }
}

/** The posting keys an officer's lookup means: numbers in any format, aliases on any channel. */
function lookupKeys(kind: IdentifierKind, value: string): Identifier[] {
  const v = value.trim();
  if (kind === 'phone') return [{ kind, value: toE164(v) ?? v }];
  if (kind === 'email' || kind === 'domain') return [{ kind, value: v.toLowerCase() }];
  if (kind === 'alias') {
    const m = /^(email|whatsapp|sms|other):(.*)$/i.exec(v);
    if (m) return [{ kind, value: `${m[1]!.toLowerCase()}:${normaliseAlias(m[2]!)}` }];
    return CHANNELS.map((c) => ({ kind, value: `${c}:${normaliseAlias(v)}` }));
  }
  return [{ kind, value: v.toLowerCase() }];
}
