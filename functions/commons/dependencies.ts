/**
 * The composition root for AWS: which adapter stands behind each port. The local runtime has
 * its own (infra/local/dependencies.ts) and hands it to the same handler factories.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { SESClient } from '@aws-sdk/client-ses';
import { SNSClient } from '@aws-sdk/client-sns';
import { S3RawMailStore } from '../../shared/adapters/aws/s3-raw-mail-store.ts';
import { SesMailer } from '../../shared/adapters/aws/ses-mailer.ts';
import { SnsNotifier } from '../../shared/adapters/aws/sns-notifier.ts';
import { documentClient } from '../../shared/adapters/dynamodb/client.ts';
import { DynamoEffectLedger } from '../../shared/adapters/dynamodb/effect-ledger.ts';
import { DynamoReportRepository } from '../../shared/adapters/dynamodb/report-repository.ts';
import { type LurewatchConfig, loadConfig } from '../../shared/config.ts';
import type {
  EffectLedger,
  Mailer,
  Notifier,
  RawMailStore,
  ReportRepository,
} from '../../shared/domain/ports.ts';

export interface Dependencies {
  config: LurewatchConfig;
  repository: ReportRepository;
  ledger: EffectLedger;
  notifier: Notifier;
  mailer: Mailer;
  rawMail: RawMailStore;
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}

export function awsDependencies(env: NodeJS.ProcessEnv = process.env): Dependencies {
  const tableName = required(env, 'TABLE_NAME');
  const db = documentClient();
  return {
    config: loadConfig(env),
    repository: new DynamoReportRepository(db, tableName),
    ledger: new DynamoEffectLedger(db, tableName),
    notifier: new SnsNotifier(new SNSClient({}), {
      'officer-alerts': env.OFFICER_ALERTS_TOPIC_ARN,
      'member-warnings': env.MEMBER_WARNINGS_TOPIC_ARN,
    }),
    mailer: new SesMailer(new SESClient({}), env.ACK_SENDER_ADDRESS ?? 'lurewatch@localhost'),
    rawMail: new S3RawMailStore(new S3Client({}), env.RAW_MAIL_BUCKET ?? ''),
  };
}

/** Builds the dependencies on first use, so importing a handler has no side effects. */
export function lazily<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= build();
    return value;
  };
}
