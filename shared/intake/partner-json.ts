/**
 * A partner report given as a .json file (the CLI, offline scoring): the same body the API takes,
 * validated by the same schema, so a file that scores here would be accepted over HTTP too.
 */
import type { ReportDraft } from '../domain/draft.ts';
import { PartnerReportBody, partnerBodyToDraft } from '../domain/partner-report.ts';

export { PartnerReportBody };

export type PartnerParse = { ok: true; draft: ReportDraft } | { ok: false; error: string };

export function draftFromPartnerJson(body: unknown): PartnerParse {
  const r = PartnerReportBody.safeParse(body);
  if (!r.success) {
    const first = r.error.issues[0];
    return {
      ok: false,
      error: `invalid partner report: ${first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'unknown'}`,
    };
  }
  return { ok: true, draft: partnerBodyToDraft(r.data) };
}
