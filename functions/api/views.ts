/** What the API shows of stored things: links for navigation, summaries for lists. */
import type { BroadcastRecord } from '../../shared/broadcast/broadcast.ts';
import { stateOf } from '../../shared/broadcast/broadcast.ts';
import type { Report } from '../../shared/domain/report.ts';

export const reportLinks = (id: string) => ({ self: `/v1/reports/${id}` });

export const reportView = (report: Report) => ({ ...report, links: reportLinks(report.id) });

const campaignIdOf = (report: Report) => (report as Report & { campaignId?: string }).campaignId;

/** A list entry: enough to triage, small enough that 100 of them fit a Lambda response. */
export function reportSummary(report: Report) {
  const campaignId = campaignIdOf(report);
  return {
    id: report.id,
    receivedAt: report.receivedAt,
    status: report.status,
    ...(report.statusReason ? { statusReason: report.statusReason.slice(0, 200) } : {}),
    channel: report.channel,
    tlp: report.tlp,
    source: report.source,
    sender: {
      displayName: report.sender.displayName,
      phones: report.sender.phones,
      emails: report.sender.emails,
      aliases: report.sender.aliases,
    },
    ...(report.subject ? { subject: report.subject.slice(0, 200) } : {}),
    textPreview: report.text.slice(0, 280),
    ...(report.assessment
      ? {
          assessment: {
            score: report.assessment.score,
            verdict: report.assessment.verdict,
            category: report.assessment.category,
          },
        }
      : {}),
    ...(campaignId ? { campaignId } : {}),
    links: reportLinks(report.id),
  };
}

export const broadcastLinks = (id: string) => ({
  self: `/v1/broadcasts/${id}`,
  approve: `/v1/broadcasts/${id}/approve`,
});

export const broadcastView = (record: BroadcastRecord) => ({
  ...record,
  state: stateOf(record),
  links: record.approvalRequired ? broadcastLinks(record.id) : { self: `/v1/broadcasts/${record.id}` },
});
