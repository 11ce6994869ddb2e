/**
 * Alarms that page ops (any dead letter, any function error or throttle, a scorer falling
 * behind the stream, any API 5xx) and one dashboard of the whole pipeline.
 */
import { Duration } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { DeadLetterQueue } from './dead-letter-queue.ts';
import type { LurewatchFunction } from './lurewatch-function.ts';

/** The scorer is behind when the oldest record it just read is older than this. */
export const ITERATOR_AGE_THRESHOLD = Duration.minutes(5);

export interface ObservabilityProps {
  readonly prefix: string;
  readonly opsTopic: sns.ITopic;
  /** Functions by short name (`api`, `ses-inbound`, `score-stream`). */
  readonly functions: Record<string, LurewatchFunction>;
  readonly deadLetters: Record<string, DeadLetterQueue>;
  readonly streamConsumer: LurewatchFunction;
  readonly api: apigw.RestApi;
  readonly table: dynamodb.ITable;
}

export class Observability extends Construct {
  public readonly alarms: cloudwatch.Alarm[] = [];
  public readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    const { prefix } = props;
    const period = Duration.minutes(5);
    const action = new cwActions.SnsAction(props.opsTopic);

    const alarm = (id: string, description: string, metric: cloudwatch.IMetric, threshold: number) => {
      const a = new cloudwatch.Alarm(this, id, {
        alarmName: `${prefix}-${id}`,
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: 1,
        datapointsToAlarm: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      a.addAlarmAction(action);
      a.addOkAction(action);
      this.alarms.push(a);
      return a;
    };

    for (const [name, dlq] of Object.entries(props.deadLetters)) {
      alarm(
        `${name}-dead-letters`,
        `A ${name} event failed for good and is waiting in its dead-letter queue: inspect and redrive.`,
        dlq.queue.metricApproximateNumberOfMessagesVisible({ period, statistic: cloudwatch.Stats.MAXIMUM }),
        1,
      );
    }
    for (const [name, fn] of Object.entries(props.functions)) {
      alarm(
        `${name}-errors`,
        `The ${name} function failed.`,
        fn.metricErrors({ period, statistic: cloudwatch.Stats.SUM }),
        1,
      );
      alarm(
        `${name}-throttles`,
        `The ${name} function was throttled (reserved or account concurrency reached).`,
        fn.metricThrottles({ period, statistic: cloudwatch.Stats.SUM }),
        1,
      );
    }
    const iteratorAge = props.streamConsumer.metric('IteratorAge', {
      period,
      statistic: cloudwatch.Stats.MAXIMUM,
    });
    alarm(
      'stream-iterator-age',
      `Scoring is more than ${ITERATOR_AGE_THRESHOLD.toMinutes()} minutes behind the report stream.`,
      iteratorAge,
      ITERATOR_AGE_THRESHOLD.toMilliseconds(),
    );
    const api5xx = props.api.metricServerError({ period, statistic: cloudwatch.Stats.SUM });
    alarm('api-5xx', 'The API answered with a server error.', api5xx, 1);

    // ---- dashboard
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: `${prefix}-pipeline`,
      defaultInterval: Duration.hours(24),
    });
    const fns = Object.entries(props.functions);
    const perFunction = (title: string, m: (fn: LurewatchFunction) => cloudwatch.Metric) =>
      new cloudwatch.GraphWidget({
        title,
        width: 8,
        left: fns.map(([name, fn]) => m(fn).with({ label: name, period })),
      });
    this.dashboard.addWidgets(
      new cloudwatch.TextWidget({
        markdown: `# ${prefix}\nforwarded mail → SES → S3 → ses-inbound / partner → API → api ⇒ table → stream → score-stream → SNS`,
        width: 24,
        height: 2,
      }),
    );
    this.dashboard.addWidgets(
      perFunction('Invocations', (fn) => fn.metricInvocations({ statistic: cloudwatch.Stats.SUM })),
      perFunction('Errors', (fn) => fn.metricErrors({ statistic: cloudwatch.Stats.SUM })),
      perFunction('Duration p99', (fn) => fn.metricDuration({ statistic: cloudwatch.Stats.p(99) })),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'API requests and errors',
        width: 8,
        left: [
          props.api.metricCount({ period, statistic: cloudwatch.Stats.SUM, label: 'requests' }),
          props.api.metricClientError({ period, statistic: cloudwatch.Stats.SUM, label: '4xx' }),
          api5xx.with({ label: '5xx' }),
        ],
      }),
      new cloudwatch.GraphWidget({
        title: 'API latency p99',
        width: 8,
        left: [props.api.metricLatency({ period, statistic: cloudwatch.Stats.p(99) })],
      }),
      new cloudwatch.GraphWidget({
        title: 'Scoring: stream iterator age (ms)',
        width: 8,
        left: [iteratorAge],
        leftAnnotations: [{ value: ITERATOR_AGE_THRESHOLD.toMilliseconds(), label: 'alarm' }],
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Dead letters waiting',
        width: 8,
        left: Object.entries(props.deadLetters).map(([name, dlq]) =>
          dlq.queue.metricApproximateNumberOfMessagesVisible({ period, label: name }),
        ),
      }),
      perFunction('Throttles', (fn) => fn.metricThrottles({ statistic: cloudwatch.Stats.SUM })),
      new cloudwatch.GraphWidget({
        title: 'Report table: consumed capacity',
        width: 8,
        left: [props.table.metricConsumedReadCapacityUnits({ period, label: 'read' })],
        right: [props.table.metricConsumedWriteCapacityUnits({ period, label: 'write' })],
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24 }),
    );
  }
}
