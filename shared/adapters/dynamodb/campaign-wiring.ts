/**
 * Builds the correlation step for score-stream from a composition root's dependencies. A root
 * that carries `campaigns` (and optionally `roster`) is used as is; one that does not yet gets a
 * DynamoCampaignRepository on the report repository's table and the roster file from config.
 */
import { ulid } from 'ulid';
import { type CorrelationResult, correlateReport, serialiser } from '../../campaigns/correlate.ts';
import { type Roster, watchRosterFile } from '../../campaigns/roster.ts';
import type { CorrelationStore } from '../../campaigns/store.ts';
import type { LurewatchConfig } from '../../config.ts';
import type { EffectLedger, Mailer, Notifier } from '../../domain/ports.ts';
import type { Assessment, Report } from '../../domain/report.ts';
import { rosterJsonPath } from '../../roster/roster-file.ts';
import { campaignRepositoryBeside } from './campaign-repository.ts';

export interface CorrelationRoot {
  config: LurewatchConfig;
  repository: unknown;
  notifier: Notifier;
  mailer: Mailer;
  ledger: EffectLedger;
  campaigns?: CorrelationStore;
  roster?: () => Roster;
}

export type Correlate = (report: Report, assessment: Assessment) => Promise<CorrelationResult>;

const built = new WeakMap<object, Correlate | undefined>();

/**
 * The roster: LUREWATCH_ROSTER_FILE if set, else the roster.json `lurewatch roster import` keeps
 * in the data dir (absent in AWS unless bundled: then the roster is empty).
 */
const rosterPath = (config: LurewatchConfig) => config.rosterFile ?? rosterJsonPath();

export function correlatorFor(
  root: CorrelationRoot,
  log: (message: string, error?: Error) => void,
): Correlate | undefined {
  if (built.has(root)) return built.get(root);
  const store = root.campaigns ?? campaignRepositoryBeside(root.repository);
  const roster =
    root.roster ??
    watchRosterFile(rosterPath(root.config), root.config.defaultPhoneRegion, (e) =>
      log('roster file unreadable', e),
    );
  const exclusive = serialiser();
  const correlate: Correlate | undefined = store
    ? (report, assessment) =>
        correlateReport(
          {
            store,
            notifier: root.notifier,
            mailer: root.mailer,
            ledger: root.ledger,
            roster: roster(),
            thresholds: root.config.campaignTargetThresholds,
            ignoreDomains: [...root.config.protectedDomains, ...root.config.reporterDomains],
            newCampaignId: () => ulid(),
            exclusive,
          },
          report,
          assessment,
        )
    : undefined;
  if (!store) log('no campaign store: reports are scored but not correlated');
  built.set(root, correlate);
  return correlate;
}
