/**
 * Roster sync: when an import replaces the roster (the pointer item in the table, written by
 * `PUT /v1/roster`), the table stream starts roster-sync, which brings the member-warnings
 * topic's email and SMS subscriptions in line with it. One at a time (reserved concurrency 1,
 * one shard worker), because two racing syncs would both add the same person; a subscription
 * SNS keeps refusing ends in the DLQ, which alarms.
 */
import { Duration } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { ROSTER_CHANGED_FILTER_PATTERN } from '../../shared/adapters/dynamodb/stream-filter.ts';
import type { StageConfig } from '../stage-config.ts';
import { allow, grantStreamRead, grantTable } from './access.ts';
import type { EncryptedTopic } from './alerts.ts';
import { DeadLetterQueue } from './dead-letter-queue.ts';
import { LurewatchFunction } from './lurewatch-function.ts';
import type { ReportStore } from './report-store.ts';
import { acknowledge, logRetention, removalPolicyOf } from './util.ts';

/** What the sync may do to the member-warnings topic: manage its subscriptions, nothing else. */
export const SUBSCRIPTION_ACTIONS = [
  'sns:ListSubscriptionsByTopic',
  'sns:GetSubscriptionAttributes',
  'sns:Subscribe',
  'sns:Unsubscribe',
];

export interface RosterSyncProps {
  readonly config: StageConfig;
  readonly store: ReportStore;
  readonly memberWarnings: EncryptedTopic;
  readonly environment: Record<string, string>;
}

export class RosterSync extends Construct {
  public readonly function: LurewatchFunction;
  public readonly deadLetters: DeadLetterQueue;
  public readonly eventSourceMapping: lambda.EventSourceMapping;

  constructor(scope: Construct, id: string, props: RosterSyncProps) {
    super(scope, id);
    const { config, store } = props;
    const removalPolicy = removalPolicyOf(config);

    this.deadLetters = new DeadLetterQueue(this, 'DeadLetters', {
      prefix: config.prefix,
      purpose: 'roster subscription sync',
      retentionDays: config.retentionDays.deadLetters,
      removalPolicy,
    });

    this.function = new LurewatchFunction(this, 'Handler', {
      handlerDir: 'roster-sync',
      description: 'Brings the member-warnings subscriptions in line with the roster after an import',
      // A first import of a few thousand people is a few thousand SNS calls, one after another.
      timeout: Duration.minutes(15),
      memorySize: 512,
      environment: props.environment,
      logRetention: logRetention(config.retentionDays.logs),
      logLevel: config.logLevel,
      removalPolicy,
      reservedConcurrentExecutions: config.reservedConcurrency.rosterSync,
    });
    grantStreamRead(this.function, store);
    grantTable(this.function, store, 'read');
    allow(this.function, 'MemberWarningsSubscriptions', SUBSCRIPTION_ACTIONS, [
      props.memberWarnings.topic.topicArn,
    ]);
    acknowledge(
      this.function.executionRole,
      'AwsSolutions-IAM5[Resource::*]',
      'dynamodb:ListStreams (needed by the stream event source mapping) and the X-Ray writes have no resource-level permissions; AWS requires Resource "*". Every other statement names its resource.',
    );

    this.eventSourceMapping = new lambda.EventSourceMapping(this, 'RosterImports', {
      target: this.function,
      eventSourceArn: store.streamArn,
      // TRIM_HORIZON: a mapping created after an import still syncs it (the sync is idempotent).
      startingPosition: lambda.StartingPosition.TRIM_HORIZON,
      batchSize: 10,
      parallelizationFactor: 1,
      retryAttempts: 3,
      maxRecordAge: Duration.days(1),
      filters: [
        lambda.FilterCriteria.filter(ROSTER_CHANGED_FILTER_PATTERN as unknown as Record<string, unknown>),
      ],
      onFailure: this.deadLetters.asEventSourceDlq(),
      metricsConfig: { metrics: [lambda.MetricType.EVENT_COUNT] },
    });
    this.eventSourceMapping.node.addDependency(this.function.executionRole);
  }
}
