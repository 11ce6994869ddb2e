/**
 * Scoring: score-stream reads the report table's stream, but only new reports waiting to be
 * scored (the same filter the local poller applies, shared/adapters/dynamodb/stream-filter.ts).
 * Writing the verdict back is a MODIFY, so the scorer never triggers itself. Partial batch
 * failures are reported per record; a record that still fails goes to a DLQ.
 */
import { Duration } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { NEW_REPORTS_FILTER_PATTERN } from '../../shared/adapters/dynamodb/stream-filter.ts';
import type { StageConfig } from '../stage-config.ts';
import { grantPublish, grantSendMail, grantStreamRead, grantTable } from './access.ts';
import type { EncryptedTopic } from './alerts.ts';
import { DeadLetterQueue } from './dead-letter-queue.ts';
import { LurewatchFunction } from './lurewatch-function.ts';
import type { ReportStore } from './report-store.ts';
import { acknowledge, logRetention, removalPolicyOf } from './util.ts';

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
    const removalPolicy = removalPolicyOf(config);

    this.deadLetters = new DeadLetterQueue(this, 'DeadLetters', {
      prefix: config.prefix,
      purpose: 'report scoring',
      retentionDays: config.retentionDays.deadLetters,
      removalPolicy,
    });

    this.function = new LurewatchFunction(this, 'ScoreStream', {
      handlerDir: 'score-stream',
      description:
        'Scores new reports from the table stream, correlates campaigns, alerts officers, acknowledges',
      // A batch of 25 reports, each scored, correlated, written back, alerted and acknowledged.
      timeout: Duration.minutes(2),
      memorySize: 1024,
      environment: props.environment,
      logRetention: logRetention(config.retentionDays.logs),
      logLevel: config.logLevel,
      removalPolicy,
      reservedConcurrentExecutions: config.reservedConcurrency.scoreStream,
    });
    grantStreamRead(this.function, store);
    grantTable(this.function, store, 'read-write');
    grantPublish(this.function, 'PublishOfficerAlerts', props.officerAlerts.topic, props.officerAlerts.key);
    grantSendMail(this.function, config);
    acknowledge(
      this.function.executionRole,
      'AwsSolutions-IAM5[Resource::*]',
      'dynamodb:ListStreams (needed by the stream event source mapping) and the X-Ray writes have no resource-level permissions; AWS requires Resource "*". Every other statement names its resource.',
    );

    this.eventSourceMapping = new lambda.EventSourceMapping(this, 'NewReports', {
      target: this.function,
      eventSourceArn: store.streamArn,
      // TRIM_HORIZON: a mapping (re)created after reports arrived still scores them (scoring is idempotent).
      startingPosition: lambda.StartingPosition.TRIM_HORIZON,
      ...STREAM_SETTINGS,
      filters: [
        lambda.FilterCriteria.filter(NEW_REPORTS_FILTER_PATTERN as unknown as Record<string, unknown>),
      ],
      onFailure: this.deadLetters.asEventSourceDlq(),
      metricsConfig: { metrics: [lambda.MetricType.EVENT_COUNT] },
    });
    // The mapping validates its permissions on create: the role's policy must exist first.
    this.eventSourceMapping.node.addDependency(this.function.executionRole);
  }
}
