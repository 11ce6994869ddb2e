import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { correlatorFor } from '../../shared/adapters/dynamodb/campaign-wiring.ts';
import { fromItem } from '../../shared/adapters/dynamodb/report-repository.ts';
import { composeAcknowledgement } from '../../shared/intake/acknowledgement.ts';
import { assess, defaultScoringContext } from '../../shared/scoring/index.ts';
import { type ScoreReportDeps, scoreReport } from '../../shared/usecases/score-report.ts';
import { awsDependencies, type Dependencies, lazily } from '../commons/dependencies.ts';
import { logger, MetricUnit, metrics, withPowertools } from '../commons/powertools.ts';

/** What every record of one batch shares: the roster and scoring context are built once. */
function batchDependencies(deps: Dependencies): ScoreReportDeps {
  // Members on the roster are names a lure may impersonate (display-name spoofing).
  const roster = deps.rosterIndex().entries.map((entry) => ({ name: entry.name }));
  const context = defaultScoringContext(deps.config, { roster });
  return {
    ...deps,
    assess: (r) => assess(r, context),
    acknowledge: (r, a) =>
      composeAcknowledgement({
        reportId: r.id,
        verdict: a.verdict,
        category: a.category,
        channel: r.channel,
      }),
    alertThreshold: deps.config.alertThreshold,
    correlate: correlatorFor(deps),
  };
}

/**
 * Scores each newly inserted report and correlates it into campaigns. The event source
 * mapping's filter lets through only INSERTs of reports with status "received"; the check here
 * is the second line, so that a write-back (MODIFY) can never loop even if the filter is
 * misconfigured. Records of a batch run concurrently (and batches in parallel in AWS): the
 * correlation use case is safe under both.
 */
export function createScoreStreamHandler(getDeps: () => Dependencies) {
  const recordHandler = async (record: DynamoDBRecord, forBatch: () => ScoreReportDeps): Promise<void> => {
    const image = record.dynamodb?.NewImage;
    if (record.eventName !== 'INSERT' || !image) return;
    const item = unmarshall(image as Record<string, AttributeValue> as never);
    if (item.type !== 'report' || item.status !== 'received') return;
    const report = fromItem(item); // throws on a malformed item: the record fails, then the DLQ
    const result = await scoreReport(forBatch(), report);
    metrics.addMetric('ReportsScored', MetricUnit.Count, 1);
    if (result.assessment.verdict !== 'benign')
      metrics.addMetric(`Reports_${result.assessment.verdict}`, MetricUnit.Count, 1);
    if (result.alerted) metrics.addMetric('OfficerAlerts', MetricUnit.Count, 1);
    if (result.correlation?.alerts?.length)
      metrics.addMetric('CampaignAlerts', MetricUnit.Count, result.correlation.alerts.length);
    logger.info('scored', {
      reportId: report.id,
      score: result.assessment.score,
      verdict: result.assessment.verdict,
      alerted: result.alerted,
      campaignId: result.correlation?.campaignId,
      duplicate: result.correlation?.duplicate,
      campaignAlerts: result.correlation?.alerts,
    });
  };

  return async (event: DynamoDBStreamEvent) => {
    // Once per batch: the roster (campaign severity, impersonated names) as last imported.
    await getDeps().refreshRoster();
    // Built on the first record that needs it (a failure fails that record, as before), then shared.
    let shared: ScoreReportDeps | undefined;
    const forBatch = () => {
      shared ??= batchDependencies(getDeps());
      return shared;
    };
    // A processor per invocation: it holds the batch's state, so two invocations in one process
    // (parallel batches hosted locally, tests) never share it.
    const processor = new BatchProcessor(EventType.DynamoDBStreams);
    return processPartialResponse(
      event,
      (record: DynamoDBRecord) => recordHandler(record, forBatch),
      processor,
    );
  };
}

/** The deployed handler: middy with Powertools, the same for AWS and the local runtime. */
export const buildScoreStreamHandler = (getDeps: () => Dependencies) =>
  withPowertools(createScoreStreamHandler(getDeps));

export const handler = buildScoreStreamHandler(lazily(() => awsDependencies()));
