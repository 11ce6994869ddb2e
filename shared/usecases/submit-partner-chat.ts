/**
 * A partner posts a WhatsApp or SMS chat export as text: the intake parser turns it into a draft
 * (messages, sender, links), and it is stored like any partner report. An export the parser
 * cannot read is still stored, as unparseable, so nothing a partner sends is lost.
 */
import type { LurewatchConfig } from '../config.ts';
import { toReport } from '../domain/draft.ts';
import type { ReportRepository } from '../domain/ports.ts';
import type { Channel, Tlp } from '../domain/report.ts';
import { parseFile } from '../intake/parse-file.ts';
import { type SubmitPartnerReportResult, storeOnce } from './submit-partner-report.ts';

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
  // The query (channel, marking) is part of the request as much as the text is.
  return storeOnce(repository, report, {
    partnerId: input.partnerId,
    idempotencyKey: input.idempotencyKey,
    request: `${JSON.stringify([input.channel, input.tlp, input.partnerRef ?? null])}\n${input.text}`,
  });
}
