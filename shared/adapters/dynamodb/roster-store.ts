/**
 * The roster in the single table, for AWS (a Lambda has no roster.json). A roster of a few
 * thousand people outgrows one item (400 KB), so each import is a version written in chunks,
 * then switched to by one put of the pointer: a reader sees the old roster or the new one,
 * never half of each.
 *
 *   PK ROSTER  SK CURRENT                   the pointer: version, counts, who imported it and when
 *   PK ROSTER  SK VERSION#<version>#<n>     entries of that version, as JSON, up to ~300 KB each
 *
 * The pointer's INSERT/MODIFY on the table stream is what starts the subscription sync
 * (functions/roster-sync). The current and the previous version are kept (a reader may still
 * be paging through the previous one); older versions are deleted after the switch, but only
 * once they are an hour old: a version that young may belong to an import still under way
 * (two officers importing at once), whose pointer is about to name it.
 */
import { createHash } from 'node:crypto';
import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { decodeTime, ulid } from 'ulid';
import { Roster, type RosterEntry, type RosterStore } from '../../roster/roster.ts';

const PARTITION = 'ROSTER';
const POINTER = { PK: PARTITION, SK: 'CURRENT' };
const VERSION_PREFIX = 'VERSION#';
/** Well under DynamoDB's 400 KB item limit, leaving room for keys and attribute names. */
const CHUNK_BYTES = 300_000;
const BATCH_WRITE_LIMIT = 25;
/** No import takes this long: an unreferenced version older than this is abandoned. */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

/** The stream filter for "the roster was replaced": only the pointer item carries this type. */
export const ROSTER_POINTER_TYPE = 'roster';

export interface RosterPointer {
  version: string;
  chunks: number;
  entries: number;
  importedAt: string;
  importedBy?: string;
  source?: string;
  sha256: string;
  previousVersion?: string;
}

/** Splits entries into JSON chunks of at most `maxBytes` (one entry is far below it). */
export function chunkEntries(entries: readonly RosterEntry[], maxBytes = CHUNK_BYTES): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  let size = 2;
  for (const entry of entries) {
    const json = JSON.stringify(entry);
    const bytes = Buffer.byteLength(json, 'utf8') + 1;
    if (current.length > 0 && size + bytes > maxBytes) {
      chunks.push(`[${current.join(',')}]`);
      current = [];
      size = 2;
    }
    current.push(json);
    size += bytes;
  }
  if (current.length > 0 || chunks.length === 0) chunks.push(`[${current.join(',')}]`);
  return chunks;
}

const chunkKey = (version: string, n: number) => `${VERSION_PREFIX}${version}#${String(n).padStart(4, '0')}`;

export class DynamoRosterStore implements RosterStore {
  private readonly now: () => number;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: { now?: () => number } = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  /** The pointer alone: one small read, enough to tell whether a cached roster is still current. */
  async pointer(): Promise<RosterPointer | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: POINTER, ConsistentRead: true }),
    );
    return Item ? (Item as unknown as RosterPointer) : undefined;
  }

  async load(): Promise<Roster | undefined> {
    // The previous version survives one switch, so a load racing an import still completes;
    // if it raced two, read the pointer again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const pointer = await this.pointer();
      if (!pointer) return undefined;
      const chunks = await this.chunksOf(pointer.version);
      if (chunks.length !== pointer.chunks) continue;
      const entries = chunks.flatMap((json) => JSON.parse(json) as unknown[]);
      return Roster.parse({
        importedAt: pointer.importedAt,
        ...(pointer.source ? { source: pointer.source } : {}),
        ...(pointer.importedBy ? { importedBy: pointer.importedBy } : {}),
        entries,
      });
    }
    throw new Error('the roster kept changing while it was being read');
  }

  async save(input: Roster): Promise<void> {
    const roster = Roster.parse(input);
    // A ULID: sortable, and its time tells an abandoned version from one being written.
    const version = ulid(this.now());
    const chunks = chunkEntries(roster.entries);
    await this.writeAll(
      chunks.map((entries, n) => ({
        PutRequest: {
          Item: { PK: PARTITION, SK: chunkKey(version, n), type: 'roster-chunk', version, entries },
        },
      })),
    );
    const previous = await this.pointer();
    const pointer: RosterPointer = {
      version,
      chunks: chunks.length,
      entries: roster.entries.length,
      importedAt: roster.importedAt,
      ...(roster.importedBy ? { importedBy: roster.importedBy } : {}),
      ...(roster.source ? { source: roster.source } : {}),
      sha256: createHash('sha256').update(JSON.stringify(roster.entries)).digest('hex'),
      ...(previous ? { previousVersion: previous.version } : {}),
    };
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...POINTER, type: ROSTER_POINTER_TYPE, ...pointer },
      }),
    );
    await this.deleteVersionsOtherThan(new Set([version, previous?.version].filter((v): v is string => !!v)));
  }

  private async chunksOf(version: string): Promise<string[]> {
    const items = await this.queryAll({ ':pk': PARTITION, ':prefix': `${VERSION_PREFIX}${version}#` }, true);
    return items.map((item) => String(item.entries));
  }

  /** Every item of the roster partition whose sort key starts with the prefix, page by page. */
  private async queryAll(
    values: { ':pk': string; ':prefix': string },
    consistent: boolean,
    projection?: string,
  ): Promise<Array<Record<string, unknown>>> {
    const out: Array<Record<string, unknown>> = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: values,
          ConsistentRead: consistent,
          ...(projection ? { ProjectionExpression: projection } : {}),
          ExclusiveStartKey: start,
        }),
      );
      out.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return out;
  }

  private async deleteVersionsOtherThan(keep: ReadonlySet<string>) {
    const items = await this.queryAll(
      { ':pk': PARTITION, ':prefix': VERSION_PREFIX },
      false,
      'PK, SK, version',
    );
    const stale = items
      .filter((item) => !keep.has(String(item.version)) && this.isAbandoned(String(item.version)))
      .map((item) => ({ PK: String(item.PK), SK: String(item.SK) }));
    await this.writeAll(stale.map((Key) => ({ DeleteRequest: { Key } })));
  }

  private isAbandoned(version: string): boolean {
    try {
      return this.now() - decodeTime(version) > ABANDONED_AFTER_MS;
    } catch {
      return true; // not a ULID: not ours to keep
    }
  }

  /** BatchWrite in groups of 25, retrying what DynamoDB hands back unprocessed. */
  private async writeAll(requests: Array<Record<string, unknown>>) {
    for (let i = 0; i < requests.length; i += BATCH_WRITE_LIMIT) {
      let pending = requests.slice(i, i + BATCH_WRITE_LIMIT);
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 8) throw new Error('DynamoDB kept the roster writes unprocessed');
        if (attempt > 0) await new Promise((r) => setTimeout(r, 25 * 2 ** attempt));
        const result = await this.db.send(
          new BatchWriteCommand({ RequestItems: { [this.tableName]: pending as never } }),
        );
        pending = (result.UnprocessedItems?.[this.tableName] ?? []) as Array<Record<string, unknown>>;
      }
    }
  }
}
