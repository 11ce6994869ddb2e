/**
 * The local stand-in for the DynamoDB event source mapping: polls DynamoDB Local's stream and
 * invokes score-stream with the same event shape, filter, batch size and retry semantics as the
 * mapping in infra/ (ReportBatchItemFailures, bisect on error, finite retries, then the
 * on-failure destination — here a dead-letter file). Checkpoints survive a restart.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { localClientConfig } from '../../shared/adapters/dynamodb/client.ts';
import { matchesNewReportsFilter } from '../../shared/adapters/dynamodb/stream-filter.ts';
import { appendJsonLine } from '../../shared/adapters/local/jsonl-file.ts';

export interface StreamPollerOptions {
  endpoint: string;
  tableName: string;
  handler: (event: DynamoDBStreamEvent, context: Context) => Promise<DynamoDBBatchResponse | undefined>;
  context: () => Context;
  checkpointFile: string;
  deadLetterFile: string;
  /** The event source mapping's filter; by default score-stream's (new reports waiting to be scored). */
  filter?: (record: StreamRecord) => boolean;
  /** The function's name in dead letters. */
  source?: string;
  batchSize?: number;
  maxRetries?: number;
  pollIntervalMs?: number;
  retryDelayMs?: number;
  log?: (line: string) => void;
}

type Checkpoints = Record<string, string>;

/** The reason a dead letter carries: a whole-batch failure names each record's own error. */
function describeFailure(error: unknown): string {
  const recordErrors = (error as { recordErrors?: unknown[] }).recordErrors;
  if (Array.isArray(recordErrors) && recordErrors.length > 0) {
    const causes = [...new Set(recordErrors.map((e) => (e instanceof Error ? e.message : String(e))))];
    return causes.join('; ').slice(0, 2000);
  }
  return error instanceof Error ? error.message : String(error);
}

export class StreamPoller {
  private readonly streams: DynamoDBStreamsClient;
  private readonly dynamo: DynamoDBClient;
  private running = false;
  private loop: Promise<void> | undefined;
  private checkpoints: Checkpoints = {};
  private readonly iterators = new Map<string, string | undefined>();
  private streamArn = '';
  private wake: (() => void) | undefined;

  constructor(private readonly options: StreamPollerOptions) {
    this.streams = new DynamoDBStreamsClient(localClientConfig(options.endpoint));
    this.dynamo = new DynamoDBClient(localClientConfig(options.endpoint));
  }

  async start(): Promise<void> {
    const table = await this.dynamo.send(new DescribeTableCommand({ TableName: this.options.tableName }));
    if (!table.Table?.LatestStreamArn) throw new Error(`table ${this.options.tableName} has no stream`);
    this.streamArn = table.Table.LatestStreamArn;
    this.checkpoints = await readFile(this.options.checkpointFile, 'utf8')
      .then((s) => JSON.parse(s) as Checkpoints)
      .catch(() => ({}));
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.streams.destroy();
    this.dynamo.destroy();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let busy = false;
      try {
        busy = await this.pollOnce();
      } catch (error) {
        this.options.log?.(`stream poll failed: ${(error as Error).message}`);
      }
      if (!busy && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.pollIntervalMs ?? 100);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }

  /** One pass over every shard; true when records were found (poll again at once). */
  private async pollOnce(): Promise<boolean> {
    const description = await this.streams.send(new DescribeStreamCommand({ StreamArn: this.streamArn }));
    let busy = false;
    for (const shard of description.StreamDescription?.Shards ?? []) {
      const shardId = shard.ShardId!;
      if (!this.iterators.has(shardId)) this.iterators.set(shardId, await this.iteratorFor(shardId));
      const iterator = this.iterators.get(shardId);
      if (!iterator) continue; // a closed shard we have read to its end
      const page = await this.streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      this.iterators.set(shardId, page.NextShardIterator);
      const records = page.Records ?? [];
      if (records.length === 0) continue;
      busy = true;
      await this.deliver(records.map((r) => this.toLambdaRecord(r)));
      this.checkpoints[shardId] = records.at(-1)!.dynamodb!.SequenceNumber!;
      await writeFile(this.options.checkpointFile, JSON.stringify(this.checkpoints));
    }
    return busy;
  }

  private async iteratorFor(shardId: string): Promise<string | undefined> {
    const after = this.checkpoints[shardId];
    const result = await this.streams.send(
      new GetShardIteratorCommand({
        StreamArn: this.streamArn,
        ShardId: shardId,
        ...(after
          ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }
          : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    return result.ShardIterator;
  }

  private toLambdaRecord(record: StreamRecord): DynamoDBRecord {
    const d = record.dynamodb!;
    return {
      eventID: record.eventID,
      eventName: record.eventName as DynamoDBRecord['eventName'],
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'local',
      eventSourceARN: this.streamArn,
      dynamodb: {
        ApproximateCreationDateTime: d.ApproximateCreationDateTime
          ? Math.floor(new Date(d.ApproximateCreationDateTime).getTime() / 1000)
          : undefined,
        Keys: d.Keys as never,
        NewImage: d.NewImage as never,
        SequenceNumber: d.SequenceNumber,
        SizeBytes: d.SizeBytes,
        StreamViewType: d.StreamViewType as never,
      },
    };
  }

  /** Filter, then batches of batchSize, each with the mapping's retry semantics. */
  private async deliver(records: DynamoDBRecord[]): Promise<void> {
    const wanted = records.filter((r) => (this.options.filter ?? matchesNewReportsFilter)(r as never));
    const size = this.options.batchSize ?? 25;
    for (let i = 0; i < wanted.length; i += size) await this.invoke(wanted.slice(i, i + size));
  }

  private async invoke(batch: DynamoDBRecord[], attempt = 0): Promise<void> {
    const maxRetries = this.options.maxRetries ?? 3;
    let failedFrom: number;
    let reason: string;
    try {
      const response = await this.options.handler({ Records: batch }, this.options.context());
      const failures = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
      if (failures.size === 0) return;
      // The mapping checkpoints before the lowest failed sequence number and retries from it.
      failedFrom = batch.findIndex((r) => failures.has(r.dynamodb?.SequenceNumber ?? ''));
      if (failedFrom < 0) failedFrom = 0;
      reason = 'reported as a batch item failure';
    } catch (error) {
      reason = describeFailure(error);
      // Bisect on error: a whole-batch failure splits the batch to isolate the poison record.
      if (batch.length > 1) {
        const half = Math.ceil(batch.length / 2);
        await this.invoke(batch.slice(0, half), attempt + 1);
        await this.invoke(batch.slice(half), attempt + 1);
        return;
      }
      failedFrom = 0;
    }
    const rest = batch.slice(failedFrom);
    if (attempt < maxRetries) {
      await new Promise((r) => setTimeout(r, (this.options.retryDelayMs ?? 200) * (attempt + 1)));
      return this.invoke(rest, attempt + 1);
    }
    // Retries exhausted: the failed record goes to the on-failure destination; the rest go on.
    const [poison, ...after] = rest;
    await appendJsonLine(this.options.deadLetterFile, {
      source: this.options.source ?? 'score-stream',
      reason,
      sequenceNumber: poison?.dynamodb?.SequenceNumber,
      keys: poison?.dynamodb?.Keys,
      failedAt: new Date().toISOString(),
    });
    this.options.log?.(`stream record ${poison?.dynamodb?.SequenceNumber} dead-lettered: ${reason}`);
    if (after.length > 0) await this.invoke(after, 0);
  }
}
