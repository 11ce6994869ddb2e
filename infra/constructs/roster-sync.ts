/**
 * Roster sync: when an import replaces the roster (the pointer item in the table, written by
 * `PUT /v1/roster`), the table stream starts roster-sync, which brings the member-warnings
 * topic's email and SMS subscriptions in line with it. One at a time (reserved concurrency 1,
 * one shard worker), because two racing syncs would both add the same person; a subscription
 * SNS keeps refusing ends in the DLQ, which alarms.
 */
import { Duration } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { ROSTER_CHANGED_FILTER_PATTERN } from '../../shared/adapters/dynamodb/stream-filter.ts';
import type { StageConfig } from '../stage-config.ts';
import { allow, grantTable } from './access.ts';
import type { EncryptedTopic } from './alerts.ts';
import type { DeadLetterQueue } from './dead-letter-queue.ts';
import type { LurewatchFunction } from './lurewatch-function.ts';
import type { ReportStore } from './report-store.ts';
import { addStreamConsumer } from './stream-consumer.ts';

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

    const consumer = addStreamConsumer(this, {
      config,
      store,
      purpose: 'roster subscription sync',
      functionId: 'Handler',
      handlerDir: 'roster-sync',
      description: 'Brings the member-warnings subscriptions in line with the roster after an import',
      // A first import of a few thousand people is a few thousand SNS calls, one after another.
      timeout: Duration.minutes(15),
      memorySize: 512,
      environment: props.environment,
      reservedConcurrentExecutions: config.reservedConcurrency.rosterSync,
      mappingId: 'RosterImports',
      filter: ROSTER_CHANGED_FILTER_PATTERN as unknown as Record<string, unknown>,
      mapping: { batchSize: 10, parallelizationFactor: 1, retryAttempts: 3, maxRecordAge: Duration.days(1) },
    });
    this.function = consumer.function;
    this.deadLetters = consumer.deadLetters;
    this.eventSourceMapping = consumer.eventSourceMapping;
    grantTable(this.function, store, 'read');
    allow(this.function, 'MemberWarningsSubscriptions', SUBSCRIPTION_ACTIONS, [
      props.memberWarnings.topic.topicArn,
    ]);
  }
}
