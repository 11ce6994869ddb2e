import { composeReportAlert } from '../alerts/report-alert.ts';
import type { CorrelationResult } from '../campaigns/correlate.ts';
import type { EffectLedger, Mailer, Notifier, ReportRepository } from '../domain/ports.ts';
import type { Assessment, Report } from '../domain/report.ts';
import { once } from './once.ts';

export interface ScoreReportDeps {
  repository: ReportRepository;
  notifier: Notifier;
  mailer: Mailer;
  ledger: EffectLedger;
  assess: (report: Report) => Assessment;
  acknowledge: (report: Report, assessment: Assessment) => { subject: string; text: string; html: string };
  alertThreshold: number;
  /** Joins the scored report to campaigns (shared/campaigns/correlate.ts); absent: no correlation. */
  correlate?: (report: Report, assessment: Assessment) => Promise<CorrelationResult>;
}

export interface ScoreReportResult {
  assessment: Assessment;
  alerted: boolean;
  acknowledged: boolean;
  correlation?: CorrelationResult;
}

/**
 * Scores a newly stored report, writes the verdict back, warns officers when it crosses the
 * threshold, acknowledges a forwarded report to its reporter, then correlates it into campaigns.
 * Safe to run twice for the same report: the write-back is an overwrite with the same verdict,
 * the effects are once-only.
 */
export async function scoreReport(deps: ScoreReportDeps, report: Report): Promise<ScoreReportResult> {
  const assessment = await deps.repository.saveAssessment(report.id, deps.assess(report));

  const alerted =
    (assessment.verdict === 'malicious' || assessment.score >= deps.alertThreshold) &&
    (await once(deps.ledger, `report-alert#${report.id}`, async () => {
      const { messageId } = await deps.notifier.publish(composeReportAlert(report, assessment));
      return { messageId };
    }));

  const source = report.source;
  const acknowledged =
    source.kind === 'email-forward' &&
    (await once(deps.ledger, `ack#${report.id}`, async () => {
      const { messageId } = await deps.mailer.send({
        to: [source.reporter],
        ...deps.acknowledge(report, assessment),
      });
      return { messageId };
    }));

  // Last: the officer alert and the acknowledgement never wait on (or fail with) correlation,
  // and a retry after a correlation failure finds them done.
  const correlation = await deps.correlate?.(report, assessment);

  return { assessment, alerted, acknowledged, correlation };
}
