/**
 * The officer alert for one report. The body is JSON with a one-paragraph summary a person can
 * read; attributes let SNS subscribers filter. It carries identifiers and reasons, never the
 * lure's text or images.
 */
import type { Publication } from '../domain/ports.ts';
import type { Assessment, Report } from '../domain/report.ts';

export type Severity = 'low' | 'medium' | 'high' | 'critical';

export function severityOf(assessment: Assessment): Severity {
  if (assessment.verdict === 'malicious') return assessment.score >= 90 ? 'critical' : 'high';
  return assessment.verdict === 'suspicious' ? 'medium' : 'low';
}

function senderSummary(report: Report): string {
  const ids = [...report.sender.phones, ...report.sender.emails];
  const alias = report.sender.aliases[0] ?? report.sender.displayName;
  return (
    [alias ? `"${alias}"` : undefined, ids.slice(0, 3).join(', ') || undefined].filter(Boolean).join(' ') ||
    'an unknown sender'
  );
}

function reporterOf(report: Report): string {
  return report.source.kind === 'email-forward'
    ? report.source.reporter
    : `partner ${report.source.partnerId}`;
}

export function composeReportAlert(report: Report, assessment: Assessment): Publication {
  const severity = severityOf(assessment);
  const reasons =
    assessment.reasons.length > 0
      ? assessment.reasons
      : assessment.indicators.slice(0, 3).map((i) => i.evidence);
  const summary =
    `A ${report.channel} message from ${senderSummary(report)} reported by ${reporterOf(report)} ` +
    `scored ${assessment.score}/100 (${assessment.verdict}${assessment.category === 'none' ? '' : `, ${assessment.category}`}). ` +
    (reasons.length > 0 ? `Why: ${reasons.slice(0, 3).join('; ')}.` : '');
  const body = {
    kind: 'report-alert',
    reportId: report.id,
    severity,
    channel: report.channel,
    tlp: report.tlp,
    score: assessment.score,
    verdict: assessment.verdict,
    category: assessment.category,
    reasons: reasons.slice(0, 3),
    sender: { phones: report.sender.phones, emails: report.sender.emails, aliases: report.sender.aliases },
    targets: report.targets,
    receivedAt: report.receivedAt,
    summary,
  };
  return {
    topic: 'officer-alerts',
    subject: `[lurewatch] ${assessment.verdict} ${report.channel} report ${report.id}`,
    message: JSON.stringify(body),
    attributes: {
      kind: 'report-alert',
      severity,
      channel: report.channel,
      verdict: assessment.verdict,
      category: assessment.category,
      reportId: report.id,
      tlp: report.tlp,
    },
  };
}
