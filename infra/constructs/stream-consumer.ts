/**
 * A function on the report table's stream, as lurewatch runs them (score-stream, roster-sync):
 * its own KMS-encrypted DLQ as the mapping's on-failure destination, read access to the stream
 * (ListStreams has no resource level: acknowledged), a filter so it only ever sees its own
 * records, TRIM_HORIZON so a mapping created late still processes what came before (both
 * consumers are idempotent), and the mapping created only after the role's policy exists.
 * The caller adds what the function itself may do.
 */
import type { Duration } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import type { StageConfig } from '../stage-config.ts';
import { grantStreamRead } from './access.ts';
import { DeadLetterQueue } from './dead-letter-queue.ts';
import { LurewatchFunction } from './lurewatch-function.ts';
import type { ReportStore } from './report-store.ts';
import { acknowledge, logRetention, removalPolicyOf } from './util.ts';

export interface StreamConsumerProps {
  readonly config: StageConfig;
  readonly store: ReportStore;
  /** What the DLQ holds ("report scoring"). */
  readonly purpose: string;
  readonly functionId: string;
  readonly handlerDir: string;
  readonly description: string;
  readonly timeout: Duration;
  readonly memorySize: number;
  readonly environment: Record<string, string>;
  readonly reservedConcurrentExecutions?: number;
  readonly mappingId: string;
  /** The event source mapping's filter pattern (shared/adapters/dynamodb/stream-filter.ts). */
  readonly filter: Record<string, unknown>;
  /** Batch size, retries, bisection…: chosen per consumer, never the defaults. */
  readonly mapping: Pick<
    lambda.EventSourceMappingOptions,
    | 'batchSize'
    | 'maxBatchingWindow'
    | 'parallelizationFactor'
    | 'retryAttempts'
    | 'maxRecordAge'
    | 'bisectBatchOnError'
    | 'reportBatchItemFailures'
  >;
}

export interface StreamConsumer {
  function: LurewatchFunction;
  deadLetters: DeadLetterQueue;
  eventSourceMapping: lambda.EventSourceMapping;
}

export function addStreamConsumer(scope: Construct, props: StreamConsumerProps): StreamConsumer {
  const { config, store } = props;
  const removalPolicy = removalPolicyOf(config);
  const deadLetters = new DeadLetterQueue(scope, 'DeadLetters', {
    prefix: config.prefix,
    purpose: props.purpose,
    retentionDays: config.retentionDays.deadLetters,
    removalPolicy,
  });
  const fn = new LurewatchFunction(scope, props.functionId, {
    handlerDir: props.handlerDir,
    description: props.description,
    timeout: props.timeout,
    memorySize: props.memorySize,
    environment: props.environment,
    logRetention: logRetention(config.retentionDays.logs),
    logLevel: config.logLevel,
    removalPolicy,
    reservedConcurrentExecutions: props.reservedConcurrentExecutions,
  });
  grantStreamRead(fn, store);
  acknowledge(
    fn.executionRole,
    'AwsSolutions-IAM5[Resource::*]',
    'dynamodb:ListStreams (needed by the stream event source mapping) and the X-Ray writes have no resource-level permissions; AWS requires Resource "*". Every other statement names its resource.',
  );
  const eventSourceMapping = new lambda.EventSourceMapping(scope, props.mappingId, {
    target: fn,
    eventSourceArn: store.streamArn,
    startingPosition: lambda.StartingPosition.TRIM_HORIZON,
    ...props.mapping,
    filters: [lambda.FilterCriteria.filter(props.filter)],
    onFailure: deadLetters.asEventSourceDlq(),
    metricsConfig: { metrics: [lambda.MetricType.EVENT_COUNT] },
  });
  // The mapping validates its permissions on create: the role's policy must exist first.
  eventSourceMapping.node.addDependency(fn.executionRole);
  return { function: fn, deadLetters, eventSourceMapping };
}
