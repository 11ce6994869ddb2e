/**
 * The composition root for AWS: which adapter stands behind each port. The local runtime has
 * its own (infra/local/dependencies.ts) and hands it to the same handler factories; tests build
 * theirs the same way.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { SESClient } from '@aws-sdk/client-ses';
import { SNSClient } from '@aws-sdk/client-sns';
import { S3RawMailStore } from '../../shared/adapters/aws/s3-raw-mail-store.ts';
import { SesMailer } from '../../shared/adapters/aws/ses-mailer.ts';
import { SnsNotifier } from '../../shared/adapters/aws/sns-notifier.ts';
import { DynamoBroadcastStore } from '../../shared/adapters/dynamodb/broadcast-store.ts';
import { DynamoCampaignRepository } from '../../shared/adapters/dynamodb/campaign-repository.ts';
import { documentClient } from '../../shared/adapters/dynamodb/client.ts';
import { DynamoEffectLedger } from '../../shared/adapters/dynamodb/effect-ledger.ts';
import { DynamoIdempotencyKeys } from '../../shared/adapters/dynamodb/idempotency-keys.ts';
import { DynamoReportRepository } from '../../shared/adapters/dynamodb/report-repository.ts';
import { DynamoRosterStore } from '../../shared/adapters/dynamodb/roster-store.ts';
import { type BroadcastPolicy, broadcastPolicyFromEnv } from '../../shared/broadcast/broadcast-service.ts';
import type { BroadcastStore } from '../../shared/broadcast/ports.ts';
import { type Roster as RosterIndex, watchRosterFile } from '../../shared/campaigns/roster.ts';
import type { CorrelationStore } from '../../shared/campaigns/store.ts';
import { type LurewatchConfig, loadConfig } from '../../shared/config.ts';
import type {
  EffectLedger,
  Mailer,
  Notifier,
  RawMailStore,
  ReportRepository,
} from '../../shared/domain/ports.ts';
import { CurrentRoster } from '../../shared/roster/current-roster.ts';
import type { RosterStore } from '../../shared/roster/roster.ts';
import { RosterFile, rosterJsonPath } from '../../shared/roster/roster-file.ts';
import type { IdempotencyKeys } from '../../shared/usecases/idempotency.ts';
import type { ReportListing } from '../../shared/usecases/list-reports.ts';
import { logger } from './powertools.ts';

export interface Dependencies {
  config: LurewatchConfig;
  repository: ReportRepository & ReportListing;
  campaigns: CorrelationStore;
  ledger: EffectLedger;
  idempotency: IdempotencyKeys;
  broadcasts: BroadcastStore;
  notifier: Notifier;
  mailer: Mailer;
  rawMail: RawMailStore;
  /** The roster as imported (broadcast audiences, subscriptions); `PUT /v1/roster` replaces it. */
  roster: RosterStore;
  /** The same roster indexed for lookups by address, number and name (campaign severity). */
  rosterIndex: () => RosterIndex;
  /** Brings `rosterIndex` up to date; handlers await it once per invocation, before the work. */
  refreshRoster: () => Promise<void>;
  broadcastPolicy: BroadcastPolicy;
  now: () => Date;
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}

/** The DynamoDB-backed parts, shared by both roots: one client, one table. */
export function tableDependencies(db: ReturnType<typeof documentClient>, tableName: string) {
  return {
    repository: new DynamoReportRepository(db, tableName),
    campaigns: new DynamoCampaignRepository(db, tableName),
    ledger: new DynamoEffectLedger(db, tableName),
    idempotency: new DynamoIdempotencyKeys(db, tableName),
    broadcasts: new DynamoBroadcastStore(db, tableName),
  };
}

/** The roster file: LUREWATCH_ROSTER_FILE, else the roster.json `lurewatch roster import` writes. */
export function rosterDependencies(
  config: LurewatchConfig,
  env: NodeJS.ProcessEnv,
  onError: (e: Error) => void,
) {
  const file = config.rosterFile ?? rosterJsonPath(env);
  return {
    roster: new RosterFile(file),
    // The file is re-read on every lookup whose modification time changed: nothing to refresh.
    rosterIndex: watchRosterFile(file, config.defaultPhoneRegion, onError),
    refreshRoster: async () => {},
  };
}

/** The roster in the table (AWS): read once per warm container, re-checked every 30 s. */
export function tableRosterDependencies(
  db: ReturnType<typeof documentClient>,
  tableName: string,
  config: LurewatchConfig,
  onError: (e: Error) => void,
) {
  const roster = new DynamoRosterStore(db, tableName);
  const current = new CurrentRoster(roster, { region: config.defaultPhoneRegion, onError });
  return {
    roster,
    rosterIndex: () => current.index(),
    refreshRoster: () => current.refresh(),
  };
}

export function awsDependencies(env: NodeJS.ProcessEnv = process.env): Dependencies {
  const config = loadConfig(env);
  const db = documentClient();
  const tableName = required(env, 'TABLE_NAME');
  return {
    config,
    ...tableDependencies(db, tableName),
    notifier: new SnsNotifier(new SNSClient({}), {
      'officer-alerts': env.OFFICER_ALERTS_TOPIC_ARN,
      'member-warnings': env.MEMBER_WARNINGS_TOPIC_ARN,
    }),
    mailer: new SesMailer(new SESClient({}), env.ACK_SENDER_ADDRESS ?? 'lurewatch@localhost'),
    rawMail: new S3RawMailStore(new S3Client({}), env.RAW_MAIL_BUCKET ?? ''),
    ...tableRosterDependencies(db, tableName, config, (error) =>
      logger.warn('the roster could not be refreshed; keeping the last one read', { error }),
    ),
    broadcastPolicy: broadcastPolicyFromEnv(env, config.reportAddress),
    now: () => new Date(),
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
