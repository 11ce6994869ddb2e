/**
 * Builds the correlation step for score-stream from a composition root's dependencies: one
 * serialiser per root, so reports of one process join campaigns one at a time (conditional
 * writes keep separate processes safe).
 */
import { ulid } from 'ulid';
import { type CorrelationResult, correlateReport, serialiser } from '../../campaigns/correlate.ts';
import type { Roster } from '../../campaigns/roster.ts';
import type { CorrelationStore } from '../../campaigns/store.ts';
import type { LurewatchConfig } from '../../config.ts';
import type { EffectLedger, Mailer, Notifier } from '../../domain/ports.ts';
import type { Assessment, Report } from '../../domain/report.ts';

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
  const exclusive = serialiser();
  const correlate: Correlate = (report, assessment) =>
    correlateReport(
      {
        store: root.campaigns,
        notifier: root.notifier,
        mailer: root.mailer,
        ledger: root.ledger,
        roster: root.rosterIndex(),
        thresholds: root.config.campaignTargetThresholds,
        ignoreDomains: [...root.config.protectedDomains, ...root.config.reporterDomains],
        newCampaignId: () => ulid(),
        exclusive,
      },
      report,
      assessment,
    );
  built.set(root, correlate);
  return correlate;
}
