/** Reports: submit one (JSON or a chat export), submit a batch, read one, list. */
import * as z from 'zod';
import { isOfficer, type Principal } from '../../../shared/auth/principal.ts';
import { PartnerReportBody } from '../../../shared/domain/partner-report.ts';
import {
  CATEGORIES,
  CHANNELS,
  REPORT_STATUSES,
  type Report,
  TLP_LEVELS,
  VERDICTS,
} from '../../../shared/domain/report.ts';
import { principalScope, requestHashOf } from '../../../shared/usecases/idempotency.ts';
import { decodeCursor, listReports } from '../../../shared/usecases/list-reports.ts';
import { submitPartnerChat } from '../../../shared/usecases/submit-partner-chat.ts';
import {
  type SubmitPartnerReportResult,
  submitPartnerReport,
} from '../../../shared/usecases/submit-partner-report.ts';
import { MAX_BATCH_ITEMS, submitReportBatch } from '../../../shared/usecases/submit-report-batch.ts';
import { MetricUnit, metrics } from '../../commons/powertools.ts';
import {
  fieldErrors,
  idempotencyKey,
  json,
  parseJson,
  query,
  type RouteContext,
  rawBody,
  ULID_PATTERN,
} from '../http.ts';
import { HttpProblem } from '../problem.ts';
import { reportLinks, reportSummary, reportView } from '../views.ts';

/** API Gateway's payload limit is 10 MB; a report is a few KB, so anything near 1 MB is abuse. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** A batch of 100 reports; under Lambda's 6 MB synchronous payload limit. */
export const MAX_BATCH_BODY_BYTES = 5 * 1024 * 1024;

/** Partners see their own reports; officers see all. */
export const mayRead = (principal: Principal, report: Report) =>
  isOfficer(principal) || (report.source.kind === 'partner-api' && report.source.partnerId === principal.id);

function accepted(result: SubmitPartnerReportResult) {
  if (result.outcome === 'conflict') throw new HttpProblem(409, result.detail);
  const { report } = result;
  if (result.outcome === 'created') metrics.addMetric('ReportsAccepted', MetricUnit.Count, 1);
  return json(
    202,
    { id: report.id, status: report.status, receivedAt: report.receivedAt, links: reportLinks(report.id) },
    {
      location: `/v1/reports/${report.id}`,
      ...(result.outcome === 'replayed' ? { 'idempotency-replayed': 'true' } : {}),
    },
  );
}

const ChatQuery = z.object({
  channel: z.enum(CHANNELS),
  tlp: z.enum(TLP_LEVELS).default('AMBER'),
  partnerRef: z.string().min(1).max(256).optional(),
});

export async function createReport({ event, principal, deps }: RouteContext) {
  const { kind, raw } = rawBody(event, ['json', 'text'], MAX_BODY_BYTES);
  const key = idempotencyKey(event);
  if (kind === 'text') {
    const parsedQuery = ChatQuery.safeParse(query(event));
    if (!parsedQuery.success) {
      throw new HttpProblem(
        400,
        'a chat export needs ?channel=whatsapp|sms|email|other',
        fieldErrors(parsedQuery.error.issues, 'query'),
      );
    }
    if (!raw.trim())
      throw new HttpProblem(400, 'the chat export is empty', [{ path: '', message: 'empty body' }]);
    return accepted(
      await submitPartnerChat(deps.repository, deps.config, {
        partnerId: principal!.id,
        text: raw,
        ...parsedQuery.data,
        idempotencyKey: key,
        now: deps.now(),
      }),
    );
  }
  const parsed = PartnerReportBody.safeParse(parseJson(raw));
  if (!parsed.success)
    throw new HttpProblem(400, 'the report is not valid', fieldErrors(parsed.error.issues));
  return accepted(
    await submitPartnerReport(deps.repository, {
      partnerId: principal!.id,
      body: parsed.data,
      rawBody: raw,
      idempotencyKey: key,
      now: deps.now(),
    }),
  );
}

const BatchBody = z.object({ reports: z.array(z.unknown()).min(1).max(MAX_BATCH_ITEMS) }).strict();

export async function createReportBatch({ event, principal, deps }: RouteContext) {
  const { raw } = rawBody(event, ['json'], MAX_BATCH_BODY_BYTES);
  const key = idempotencyKey(event);
  const parsed = BatchBody.safeParse(parseJson(raw));
  if (!parsed.success) throw new HttpProblem(400, 'the batch is not valid', fieldErrors(parsed.error.issues));
  const result = await submitReportBatch(deps.repository, deps.idempotency, {
    partnerId: principal!.id,
    items: parsed.data.reports,
    idempotency: key
      ? {
          scope: principalScope(principal!.id),
          key,
          requestHash: requestHashOf('POST /v1/reports/batch', raw),
        }
      : undefined,
    now: deps.now(),
  });
  if (result.outcome === 'conflict') throw new HttpProblem(409, result.detail);
  const results = result.results.map((item) =>
    item.status === 202 ? { ...item, links: reportLinks(item.id) } : item,
  );
  const count = (status: number) => results.filter((r) => r.status === status).length;
  return json(207, {
    accepted: count(202),
    rejected: results.length - count(202),
    results,
  });
}

export async function getReport({ principal, deps, params }: RouteContext) {
  const id = params.id ?? '';
  if (!ULID_PATTERN.test(id)) throw new HttpProblem(404, 'no report with this id');
  const report = await deps.repository.get(id);
  if (!report) throw new HttpProblem(404, 'no report with this id');
  if (!mayRead(principal!, report)) throw new HttpProblem(403, 'this report belongs to another partner');
  return json(200, reportView(report));
}

const ListQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z
      .string()
      .max(200)
      .refine((c) => decodeCursor(c) !== undefined, 'not a cursor this API gave out')
      .optional(),
    verdict: z.enum(VERDICTS).optional(),
    category: z.enum(CATEGORIES).optional(),
    channel: z.enum(CHANNELS).optional(),
    status: z.enum(REPORT_STATUSES).optional(),
    campaign: z.string().regex(ULID_PATTERN, 'a campaign id (ULID)').optional(),
  })
  .strict();

export async function listReportsRoute({ event, principal, deps }: RouteContext) {
  const parsed = ListQuery.safeParse(query(event));
  if (!parsed.success) {
    throw new HttpProblem(
      400,
      'the query is not valid',
      fieldErrors(parsed.error.issues, 'query').map((e) =>
        // An unknown parameter's issue has no path of its own: name the parameter.
        e.path === 'query/' ? { ...e, path: 'query' } : e,
      ),
    );
  }
  const { limit, cursor, campaign, ...filters } = parsed.data;
  const page = await listReports(deps.repository, principal!, {
    filters: { ...filters, ...(campaign ? { campaignId: campaign } : {}) },
    limit,
    cursor,
  });
  const next = page.nextCursor
    ? new URLSearchParams({ ...query(event), cursor: page.nextCursor })
    : undefined;
  return json(200, {
    items: page.reports.map(reportSummary),
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    links: { self: event.path, ...(next ? { next: `/v1/reports?${next}` } : {}) },
  });
}
