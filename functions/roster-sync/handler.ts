import { SNSClient } from '@aws-sdk/client-sns';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { documentClient } from '../../shared/adapters/dynamodb/client.ts';
import { DynamoRosterStore } from '../../shared/adapters/dynamodb/roster-store.ts';
import { matchesRosterChangedFilter } from '../../shared/adapters/dynamodb/stream-filter.ts';
import type { RosterSource } from '../../shared/roster/roster.ts';
import { SnsSubscriptionDirectory } from '../../shared/roster/sns-subscription-directory.ts';
import { type SubscriptionDirectory, syncSubscriptions } from '../../shared/roster/subscriptions.ts';
import { lazily } from '../commons/dependencies.ts';
import { logger, MetricUnit, metrics, withPowertools } from '../commons/powertools.ts';

export interface RosterSyncDependencies {
  roster: RosterSource;
  subscriptions: SubscriptionDirectory;
}

export class RosterSyncError extends Error {}

/**
 * Brings the member-warnings subscriptions in line with the roster after an import. The
 * event source mapping passes only writes of the roster pointer; however many imports a batch
 * holds, the sync reads the roster in force once and applies the difference, so a retry or a
 * replay is harmless. A subscription SNS refuses fails the batch after the others are done:
 * the retries try it again, and a permanent refusal ends in the DLQ, which alarms.
 */
export function createRosterSyncHandler(getDeps: () => RosterSyncDependencies) {
  return async (event: DynamoDBStreamEvent) => {
    const imports = event.Records.filter(matchesRosterChangedFilter);
    if (imports.length === 0) return;
    const deps = getDeps();
    const roster = await deps.roster.load();
    if (!roster) return;
    const result = await syncSubscriptions(deps.subscriptions, roster);
    metrics.addMetric(
      'SubscriptionsAdded',
      MetricUnit.Count,
      result.add.length - result.failed.filter((f) => f.action === 'subscribe').length,
    );
    metrics.addMetric(
      'SubscriptionsRemoved',
      MetricUnit.Count,
      result.remove.length - result.failed.filter((f) => f.action === 'unsubscribe').length,
    );
    // Endpoints are personal data: counts and protocols in the logs, never addresses or numbers.
    logger.info('roster synced', {
      importedAt: roster.importedAt,
      entries: roster.entries.length,
      added: result.add.length,
      removed: result.remove.length,
      unchanged: result.unchanged,
      pending: result.pending,
      failed: result.failed.length,
    });
    if (result.failed.length > 0) {
      metrics.addMetric('SubscriptionSyncFailures', MetricUnit.Count, result.failed.length);
      throw new RosterSyncError(
        `${result.failed.length} subscription change(s) failed: ${result.failed
          .slice(0, 5)
          .map((f) => `${f.action} ${f.protocol}: ${f.reason}`)
          .join('; ')}`,
      );
    }
  };
}

export function awsRosterSyncDependencies(env: NodeJS.ProcessEnv = process.env): RosterSyncDependencies {
  const table = env.TABLE_NAME;
  const topic = env.MEMBER_WARNINGS_TOPIC_ARN;
  if (!table || !topic) throw new Error('TABLE_NAME and MEMBER_WARNINGS_TOPIC_ARN must be set');
  return {
    roster: new DynamoRosterStore(documentClient(), table),
    subscriptions: new SnsSubscriptionDirectory(new SNSClient({}), topic),
  };
}

export const buildRosterSyncHandler = (getDeps: () => RosterSyncDependencies) =>
  withPowertools(createRosterSyncHandler(getDeps));

export const handler = buildRosterSyncHandler(lazily(() => awsRosterSyncDependencies()));
