/**
 * Scoring: score-stream reads the report table's stream, but only new reports waiting to be
 * scored (the same filter the local poller applies, shared/adapters/dynamodb/stream-filter.ts).
 * Writing the verdict back is a MODIFY, so the scorer never triggers itself. Partial batch
 * failures are reported per record; a record that still fails goes to a DLQ.
 */
import { Duration } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { NEW_REPORTS_FILTER_PATTERN } from '../../shared/adapters/dynamodb/stream-filter.ts';
import type { StageConfig } from '../stage-config.ts';
import { grantPublish, grantSendMail, grantTable } from './access.ts';
import type { EncryptedTopic } from './alerts.ts';
import type { DeadLetterQueue } from './dead-letter-queue.ts';
import type { LurewatchFunction } from './lurewatch-function.ts';
import type { ReportStore } from './report-store.ts';
import { addStreamConsumer } from './stream-consumer.ts';

/** The event source mapping's settings, chosen (never the defaults) and exported for the tests. */
export const STREAM_SETTINGS = {
  batchSize: 25,
  maxBatchingWindow: Duration.seconds(1),
  parallelizationFactor: 2,
  retryAttempts: 3,
  maxRecordAge: Duration.hours(1),
  bisectBatchOnError: true,
  reportBatchItemFailures: true,
} as const;

export interface ScoringProps {
  readonly config: StageConfig;
  readonly store: ReportStore;
  readonly officerAlerts: EncryptedTopic;
  readonly environment: Record<string, string>;
}

export class Scoring extends Construct {
  public readonly function: LurewatchFunction;
  public readonly deadLetters: DeadLetterQueue;
  public readonly eventSourceMapping: lambda.EventSourceMapping;

  constructor(scope: Construct, id: string, props: ScoringProps) {
    super(scope, id);
    const { config, store } = props;

    const consumer = addStreamConsumer(this, {
      config,
      store,
      purpose: 'report scoring',
      functionId: 'ScoreStream',
      handlerDir: 'score-stream',
      description:
        'Scores new reports from the table stream, correlates campaigns, alerts officers, acknowledges',
      // A batch of 25 reports, each scored, correlated, written back, alerted and acknowledged.
      timeout: Duration.minutes(2),
      memorySize: 1024,
      environment: props.environment,
      reservedConcurrentExecutions: config.reservedConcurrency.scoreStream,
      mappingId: 'NewReports',
      filter: NEW_REPORTS_FILTER_PATTERN as unknown as Record<string, unknown>,
      mapping: STREAM_SETTINGS,
    });
    this.function = consumer.function;
    this.deadLetters = consumer.deadLetters;
    this.eventSourceMapping = consumer.eventSourceMapping;
    grantTable(this.function, store, 'read-write');
    grantPublish(this.function, 'PublishOfficerAlerts', props.officerAlerts.topic, props.officerAlerts.key);
    grantSendMail(this.function, config);
  }
}
