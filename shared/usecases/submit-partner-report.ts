import { createHash } from 'node:crypto';
import { toReport } from '../domain/draft.ts';
import { type PartnerReportBody, partnerBodyToDraft } from '../domain/partner-report.ts';
import type { ReportRepository } from '../domain/ports.ts';
import type { Report } from '../domain/report.ts';

export interface SubmitPartnerReportInput {
  partnerId: string;
  body: PartnerReportBody;
  /** The request body as sent, hashed to tell a retry from another request with the same key. */
  rawBody: string;
  idempotencyKey?: string;
  now?: Date;
}

export type SubmitPartnerReportResult =
  | { outcome: 'created' | 'replayed'; report: Report }
  | { outcome: 'conflict'; detail: string };

/**
 * Stores one partner report. A retry with the same Idempotency-Key and body gets the first
 * answer; the same key with another body is a conflict, never a second report.
 */
export async function submitPartnerReport(
  repository: ReportRepository,
  input: SubmitPartnerReportInput,
): Promise<SubmitPartnerReportResult> {
  const report = toReport(partnerBodyToDraft(input.body), {
    receivedAt: input.now ?? new Date(),
    tlp: input.body.tlp,
    source: { kind: 'partner-api', partnerId: input.partnerId, partnerRef: input.body.partnerRef },
  });
  return storeOnce(repository, report, {
    partnerId: input.partnerId,
    idempotencyKey: input.idempotencyKey,
    request: input.rawBody,
  });
}

/**
 * Stores a partner's report at most once per Idempotency-Key: the first request under a key
 * wins; a retry with the same request gets that report back, another request is a conflict.
 */
export async function storeOnce(
  repository: ReportRepository,
  report: Report,
  claim: { partnerId: string; idempotencyKey?: string; request: string },
): Promise<SubmitPartnerReportResult> {
  if (!claim.idempotencyKey) {
    await repository.create(report);
    return { outcome: 'created', report };
  }
  const requestHash = createHash('sha256').update(claim.request).digest('hex');
  const result = await repository.create(report, {
    scope: `partner:${claim.partnerId}`,
    key: claim.idempotencyKey,
    requestHash,
  });
  if (result.outcome === 'created') return { outcome: 'created', report };
  if (result.requestHash !== requestHash) {
    return {
      outcome: 'conflict',
      detail: 'this Idempotency-Key was already used with a different request body',
    };
  }
  const earlier = await repository.get(result.reportId);
  if (!earlier) throw new Error(`idempotency record points at missing report ${result.reportId}`);
  return { outcome: 'replayed', report: earlier };
}
