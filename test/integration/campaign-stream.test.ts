/**
 * score-stream with correlation wired in, fed by the local event source mapping over DynamoDB
 * Local's real stream: a poison record is dead-lettered while the rest of the batch goes on, and
 * a redelivered batch publishes and mails nothing more.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { buildScoreStreamHandler } from '../../functions/score-stream/handler.ts';
import { localDependencies } from '../../infra/local/dependencies.ts';
import { localLambdaContext } from '../../infra/local/lambda-context.ts';
import { StreamPoller } from '../../infra/local/stream-poller.ts';
import { DynamoCampaignRepository } from '../../shared/adapters/dynamodb/campaign-repository.ts';
import { toReport } from '../../shared/domain/draft.ts';
import { parseFile } from '../../shared/intake/parse-file.ts';
import { freshTable } from '../support/dynamodb.ts';
import { eventually } from '../support/runtime-process.ts';

const CORPUS = '/work/shared/corpus/campaign';
const lines = (file: string) => {
  try {
    return readFileSync(file, 'utf8').split('\n').filter(Boolean);
  } catch {
    return [];
  }
};

async function corpusReport(file: string, at: Date) {
  const parsed = await parseFile(file, readFileSync(join(CORPUS, file)));
  const source = parsed.reporter
    ? { kind: 'email-forward' as const, reporter: parsed.reporter.address }
    : { kind: 'partner-api' as const, partnerId: 'met-police' };
  return toReport(parsed.draft, { source, receivedAt: at });
}

describe('score-stream correlation over the stream', () => {
  const stops: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });

  it('dead-letters a poison record, correlates the rest, and adds nothing when the batch is redelivered', async () => {
    const table = await freshTable('campaign-stream');
    const dir = mkdtempSync(join(tmpdir(), 'lw-campaign-stream-'));
    const deps = localDependencies({
      dataDir: dir,
      endpoint: table.endpoint,
      tableName: table.tableName,
      env: {},
    });
    const handler = buildScoreStreamHandler(() => deps);
    const events: DynamoDBStreamEvent[] = [];
    const poller = new StreamPoller({
      endpoint: table.endpoint,
      tableName: table.tableName,
      handler: async (event, context) => {
        events.push(event);
        return handler(event, context);
      },
      context: () => localLambdaContext('score-stream'),
      checkpointFile: join(dir, 'checkpoint.json'),
      deadLetterFile: join(dir, 'dead-letters.jsonl'),
      retryDelayMs: 5,
      pollIntervalMs: 20,
    });

    // Written before the poller starts, so they arrive as one batch with the poison in the middle.
    const base = Date.UTC(2024, 0, 15);
    const files = ['01_report.eml', '04_report.eml', '05_report.eml'];
    const reports = await Promise.all(files.map((f, i) => corpusReport(f, new Date(base + i * 86_400_000))));
    await deps.repository.create(reports[0]!);
    await table.db.send(
      new PutCommand({
        TableName: table.tableName,
        Item: {
          PK: 'REPORT#01HPOISON0000000000000000',
          SK: 'REPORT',
          type: 'report',
          status: 'received',
          text: 42,
        },
      }),
    );
    for (const r of reports.slice(1)) await deps.repository.create(r);
    await poller.start();
    stops.push(() => poller.stop());

    const outbox = join(dir, 'outbox.jsonl');
    const formed = await eventually(
      () =>
        lines(outbox)
          .map((l) => JSON.parse(l))
          .find((l) => l.attributes.kind === 'campaign-formed'),
      20_000,
    );
    await eventually(() => (lines(join(dir, 'dead-letters.jsonl')).length === 1 ? true : undefined), 20_000);
    await eventually(
      async () => ((await deps.repository.get(reports[2]!.id))?.status === 'scored' ? true : undefined),
      20_000,
    );
    await new Promise((r) => setTimeout(r, 500));

    const campaigns = new DynamoCampaignRepository(table.db, table.tableName);
    const campaign = await campaigns.get(formed.attributes.campaignId);
    // 01 and 04 are "Abi" on one number; 05 is "Charlie" on another: a campaign of its own.
    expect(campaign).toMatchObject({ reportCount: 2, targetCount: 2, phones: ['+447700900417'] });
    expect((await deps.repository.get(reports[1]!.id))?.campaignId).toBe(campaign!.id);
    expect(JSON.parse(lines(join(dir, 'dead-letters.jsonl'))[0]!)).toMatchObject({ source: 'score-stream' });

    const published = lines(outbox).length;
    const mailed = lines(join(dir, 'sent-mail.jsonl')).length;
    for (const event of events) await handler(event, localLambdaContext('score-stream'));
    expect(lines(outbox)).toHaveLength(published);
    expect(lines(join(dir, 'sent-mail.jsonl'))).toHaveLength(mailed);
  });
});
