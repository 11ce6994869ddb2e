/**
 * A partner posts a WhatsApp or SMS chat export as text: the intake parser turns it into a draft
 * (messages, sender, links), and it is stored like any partner report. An export the parser
 * cannot read is still stored, as unparseable, so nothing a partner sends is lost.
 */
import { createHash } from 'node:crypto';
import type { LurewatchConfig } from '../config.ts';
import { toReport } from '../domain/draft.ts';
import type { ReportRepository } from '../domain/ports.ts';
import type { Channel, Report, Tlp } from '../domain/report.ts';
import { parseFile } from '../intake/parse-file.ts';
import type { SubmitPartnerReportResult } from './submit-partner-report.ts';

export interface SubmitPartnerChatInput {
  partnerId: string;
  text: string;
  channel: Channel;
  tlp: Tlp;
  partnerRef?: string;
  idempotencyKey?: string;
  now?: Date;
}

export async function submitPartnerChat(
  repository: ReportRepository,
  config: Pick<LurewatchConfig, 'reportAddress' | 'defaultPhoneRegion' | 'reporterDomains'>,
  input: SubmitPartnerChatInput,
): Promise<SubmitPartnerReportResult> {
  const parsed = await parseFile(`partner-chat-export.txt`, new TextEncoder().encode(input.text), {
    reportAddress: config.reportAddress,
    defaultPhoneRegion: config.defaultPhoneRegion,
    reporterDomains: config.reporterDomains,
  });
  const report = toReport(
    { ...parsed.draft, channel: input.channel },
    {
      receivedAt: input.now ?? new Date(),
      tlp: input.tlp,
      source: { kind: 'partner-api', partnerId: input.partnerId, partnerRef: input.partnerRef },
    },
  );
  if (!input.idempotencyKey) {
    await repository.create(report);
    return { outcome: 'created', report };
  }
  // The query (channel, marking) is part of the request as much as the text is.
  const requestHash = createHash('sha256')
    .update(JSON.stringify([input.channel, input.tlp, input.partnerRef ?? null]))
    .update('\n')
    .update(input.text)
    .digest('hex');
  const result = await repository.create(report, {
    scope: `partner:${input.partnerId}`,
    key: input.idempotencyKey,
    requestHash,
  });
  if (result.outcome === 'created') return { outcome: 'created', report };
  if (result.requestHash !== requestHash) {
    return {
      outcome: 'conflict',
      detail: 'this Idempotency-Key was already used with a different request body',
    };
  }
  const earlier: Report | undefined = await repository.get(result.reportId);
  if (!earlier) throw new Error(`idempotency record points at missing report ${result.reportId}`);
  return { outcome: 'replayed', report: earlier };
}
