/**
 * Builds the correlation step for score-stream from a composition root's dependencies: one join
 * queue per root, so the reports of one process join campaigns in arrival order, decided together
 * and written once per campaign per group (see joinQueue(); conditional writes keep separate
 * processes safe).
 */
import { ulid } from 'ulid';
import { type CorrelationResult, correlateReport, joinQueue } from '../../campaigns/correlate.ts';
import type { Roster } from '../../campaigns/roster.ts';
import type { CorrelationStore } from '../../campaigns/store.ts';
import type { LurewatchConfig } from '../../config.ts';
import type { EffectLedger, Mailer, Notifier } from '../../domain/ports.ts';
import type { Assessment, Report } from '../../domain/report.ts';
import { coalescingLedger } from '../../usecases/once.ts';

export interface CorrelationRoot {
  config: LurewatchConfig;
  campaigns: CorrelationStore;
  notifier: Notifier;
  mailer: Mailer;
  ledger: EffectLedger;
  rosterIndex: () => Roster;
}

export type Correlate = (report: Report, assessment: Assessment) => Promise<CorrelationResult>;

const built = new WeakMap<object, Correlate>();

export function correlatorFor(root: CorrelationRoot): Correlate {
  const existing = built.get(root);
  if (existing) return existing;
  const joiner = joinQueue();
  // Reports of one campaign announce its changes at the same moment: one of them claims each.
  const ledger = coalescingLedger(root.ledger);
  const correlate: Correlate = (report, assessment) =>
    correlateReport(
      {
        store: root.campaigns,
        notifier: root.notifier,
        mailer: root.mailer,
        ledger,
        roster: root.rosterIndex(),
        thresholds: root.config.campaignTargetThresholds,
        ignoreDomains: [...root.config.protectedDomains, ...root.config.reporterDomains],
        newCampaignId: () => ulid(),
        joiner,
      },
      report,
      assessment,
    );
  built.set(root, correlate);
  return correlate;
}
