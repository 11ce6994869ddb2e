/**
 * The whole pipeline on one machine: DynamoDB Local with Streams, the HTTP gateway, the SMTP
 * intake, the stream poller, and the file outboxes — hosting the same handlers as AWS.
 */
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { SESReceiptStatus } from 'aws-lambda';
import { buildApiHandler } from '../../functions/api/handler.ts';
import { buildScoreStreamHandler } from '../../functions/score-stream/handler.ts';
import { buildSesInboundHandler } from '../../functions/ses-inbound/handler.ts';
import { FileSubscriptionDirectory } from '../../shared/roster/file-subscription-directory.ts';
import { rosterJsonPath } from '../../shared/roster/roster-file.ts';
import { paths } from './data-dir.ts';
import { localDependencies } from './dependencies.ts';
import { type DynamoDbLocal, ensureTable, startDynamoDbLocal } from './dynamodb-local.ts';
import { createGateway } from './http-gateway.ts';
import { localLambdaContext } from './lambda-context.ts';
import { watchRosterForSync } from './roster-sync-watcher.ts';
import { SmtpIntake } from './smtp-intake.ts';
import { StreamPoller } from './stream-poller.ts';
import { loadSigningKey, verifyToken } from './tokens.ts';

export interface RuntimeOptions {
  dataDir: string;
  httpPort: number;
  smtpPort: number;
  tableName: string;
  /** Use an already running DynamoDB Local instead of starting one (tests). */
  dynamoEndpoint?: string;
  /** The SES verdict the local intake reports for SPF/DKIM/DMARC of each forward. */
  sesVerdict?: SESReceiptStatus['status'];
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

export interface RunningRuntime {
  httpPort: number;
  smtpPort: number;
  dynamoEndpoint: string;
  stop(): Promise<void>;
}

export async function startLocalRuntime(options: RuntimeOptions): Promise<RunningRuntime> {
  const log = options.log ?? (() => {});
  const p = paths(options.dataDir);
  await mkdir(p.root, { recursive: true });

  const dynamo: DynamoDbLocal | undefined = options.dynamoEndpoint
    ? undefined
    : await startDynamoDbLocal({ dbPath: p.dynamodb });
  const endpoint = options.dynamoEndpoint ?? dynamo!.endpoint;
  const stops: Array<() => Promise<void>> = [];
  try {
    await ensureTable(endpoint, options.tableName);
    const deps = localDependencies({
      dataDir: p.root,
      endpoint,
      tableName: options.tableName,
      log,
      env: options.env,
    });
    const getDeps = () => deps;
    const key = await loadSigningKey(p.signingKey);

    const poller = new StreamPoller({
      endpoint,
      tableName: options.tableName,
      handler: buildScoreStreamHandler(getDeps),
      context: () => localLambdaContext('score-stream'),
      checkpointFile: p.streamCheckpoint,
      deadLetterFile: p.deadLetters,
      log,
    });
    await poller.start();
    stops.push(() => poller.stop());

    const rosterSync = watchRosterForSync({
      file:
        deps.config.rosterFile ??
        rosterJsonPath({ LUREWATCH_DATA_DIR: p.root, ...(options.env ?? process.env) }),
      roster: deps.roster,
      subscriptions: new FileSubscriptionDirectory(p.subscriptions),
      log,
    });
    stops.push(() => rosterSync.stop());

    const verdict = options.sesVerdict ?? 'PASS';
    const smtp = new SmtpIntake({
      reportAddress: deps.config.reportAddress,
      rawMail: deps.rawMail,
      handler: buildSesInboundHandler(getDeps),
      context: () => localLambdaContext('ses-inbound'),
      deadLetterFile: p.deadLetters,
      verdicts: { spf: verdict, dkim: verdict, dmarc: verdict, virus: 'PASS', spam: 'PASS' },
      log,
    });
    await smtp.listen(options.smtpPort);
    // Stop order matters: intake first, so mail accepted before the stop is still stored and scored.
    stops.unshift(() => smtp.close());

    const gateway: Server = createGateway({
      handler: buildApiHandler(getDeps),
      verify: (token) => verifyToken(key, token),
      context: () => localLambdaContext('api'),
      log,
    });
    await new Promise<void>((resolve, reject) => {
      gateway.once('error', reject);
      gateway.listen(options.httpPort, '127.0.0.1', () => resolve());
    });
    stops.unshift(
      () =>
        new Promise<void>((resolve) => {
          gateway.close(() => resolve());
          gateway.closeAllConnections();
        }),
    );

    const address = gateway.address();
    const smtpAddress = smtp.server.server.address();
    return {
      httpPort: typeof address === 'object' && address ? address.port : options.httpPort,
      smtpPort: typeof smtpAddress === 'object' && smtpAddress ? smtpAddress.port : options.smtpPort,
      dynamoEndpoint: endpoint,
      async stop() {
        for (const stop of stops) await stop();
        await dynamo?.stop();
      },
    };
  } catch (error) {
    for (const stop of stops) await stop().catch(() => {});
    await dynamo?.stop();
    throw error;
  }
}
