/**
 * The local event source mapping against DynamoDB Local's real stream: filter, batch item
 * failures, bisect, finite retries, the dead-letter file, and checkpoints across a restart.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localLambdaContext } from '../../infra/local/lambda-context.ts';
import { StreamPoller } from '../../infra/local/stream-poller.ts';
import { DynamoReportRepository } from '../../shared/adapters/dynamodb/report-repository.ts';
import { toReport } from '../../shared/domain/draft.ts';
import { freshTable } from '../support/dynamodb.ts';
import { eventually } from '../support/runtime-process.ts';

const report = (text: string) =>
  toReport(
    { channel: 'sms', sender: {}, targets: {}, text },
    { source: { kind: 'partner-api', partnerId: 'p' } },
  );

const textOf = (r: DynamoDBRecord) => r.dynamodb?.NewImage?.text?.S ?? '';

describe('StreamPoller on DynamoDB Local Streams', () => {
  let dir: string;
  let table: Awaited<ReturnType<typeof freshTable>>;
  let repository: DynamoReportRepository;
  let delivered: DynamoDBRecord[];
  let pollers: StreamPoller[];
  let behaviour: (event: DynamoDBStreamEvent) => DynamoDBBatchResponse;

  const startPoller = async () => {
    const poller = new StreamPoller({
      endpoint: table.endpoint,
      tableName: table.tableName,
      handler: async (event) => {
        const response = behaviour(event);
        const failed = new Set(response.batchItemFailures.map((f) => f.itemIdentifier));
        delivered.push(...event.Records.filter((r) => !failed.has(r.dynamodb!.SequenceNumber!)));
        return response;
      },
      context: () => localLambdaContext('score-stream'),
      checkpointFile: join(dir, 'checkpoint.json'),
      deadLetterFile: join(dir, 'dead-letters.jsonl'),
      retryDelayMs: 5,
      pollIntervalMs: 20,
    });
    await poller.start();
    pollers.push(poller);
    return poller;
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lw-poller-'));
    table = await freshTable('poller');
    repository = new DynamoReportRepository(table.db, table.tableName);
    delivered = [];
    pollers = [];
    behaviour = () => ({ batchItemFailures: [] });
  });
  afterEach(async () => {
    for (const p of pollers) await p.stop();
  });

  it('delivers new reports in the Lambda event shape, and not the write-back', async () => {
    await startPoller();
    const r = report('first');
    await repository.create(r);
    await eventually(() => (delivered.length > 0 ? true : undefined));
    const [record] = delivered;
    expect(record).toMatchObject({ eventName: 'INSERT', eventSource: 'aws:dynamodb', eventVersion: '1.1' });
    expect(record!.dynamodb?.Keys).toEqual({ PK: { S: `REPORT#${r.id}` }, SK: { S: 'REPORT' } });
    expect(typeof record!.dynamodb?.ApproximateCreationDateTime).toBe('number');

    await repository.saveAssessment(r.id, {
      score: 1,
      verdict: 'benign',
      category: 'none',
      indicators: [],
      reasons: [],
      rulesetVersion: 't',
      scoredAt: new Date().toISOString(),
    });
    await repository.create(report('second'));
    await eventually(() => (delivered.length === 2 ? true : undefined));
    await new Promise((r) => setTimeout(r, 300));
    expect(delivered.map(textOf)).toEqual(['first', 'second']);
  });

  it('retries from the failed record, then dead-letters a poison record without blocking the rest', async () => {
    behaviour = (event) => ({
      batchItemFailures: event.Records.filter((r) => textOf(r) === 'poison').map((r) => ({
        itemIdentifier: r.dynamodb!.SequenceNumber!,
      })),
    });
    for (const text of ['a', 'poison', 'b']) await repository.create(report(text));
    await startPoller();
    await eventually(() => (delivered.map(textOf).includes('b') ? true : undefined), 5000);
    await repository.create(report('c'));
    await eventually(() => (delivered.map(textOf).includes('c') ? true : undefined), 5000);
    expect(delivered.map(textOf).filter((t) => t === 'a')).toHaveLength(1);
    const dead = readFileSync(join(dir, 'dead-letters.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ source: 'score-stream', reason: expect.stringContaining('failure') });
  });

  it('bisects a batch whose invocation throws, isolating the poison record', async () => {
    behaviour = (event) => {
      if (event.Records.some((r) => textOf(r) === 'poison')) throw new Error('boom');
      return { batchItemFailures: [] };
    };
    for (const text of ['a', 'b', 'poison', 'c']) await repository.create(report(text));
    await startPoller();
    await eventually(() => (delivered.length === 3 ? true : undefined), 5000);
    expect(delivered.map(textOf).sort()).toEqual(['a', 'b', 'c']);
    await eventually(() => {
      try {
        return readFileSync(join(dir, 'dead-letters.jsonl'), 'utf8').includes('boom') ? true : undefined;
      } catch {
        return undefined;
      }
    });
  });

  it('resumes after its checkpoint when restarted', async () => {
    const first = await startPoller();
    await repository.create(report('before'));
    await eventually(() => (delivered.length === 1 ? true : undefined));
    await first.stop();
    pollers = [];
    await repository.create(report('while stopped'));
    await startPoller();
    await eventually(() => (delivered.length === 2 ? true : undefined));
    await new Promise((r) => setTimeout(r, 300));
    expect(delivered.map(textOf)).toEqual(['before', 'while stopped']);
  });
});
