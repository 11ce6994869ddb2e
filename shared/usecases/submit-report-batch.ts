/**
 * Up to 100 partner reports in one request, each accepted or refused on its own (a 207-style
 * answer). With an Idempotency-Key each item gets a key derived from it, so a retried batch —
 * even one cut off half way — stores every report once and answers as the first time did.
 */
import { PartnerReportBody } from '../domain/partner-report.ts';
import type { ReportRepository } from '../domain/ports.ts';
import type { IdempotencyKeys } from './idempotency.ts';
import { submitPartnerReport } from './submit-partner-report.ts';

export const MAX_BATCH_ITEMS = 100;

export type BatchItemResult =
  | { index: number; status: 202; id: string; reportStatus: string; replayed?: true }
  | { index: number; status: 400; errors: Array<{ path: string; message: string }> }
  | { index: number; status: 409; detail: string };

export interface SubmitBatchInput {
  partnerId: string;
  items: unknown[];
  idempotency?: { scope: string; key: string; requestHash: string };
  now?: Date;
}

export type SubmitBatchResult =
  | { outcome: 'done'; results: BatchItemResult[] }
  | { outcome: 'conflict'; detail: string };

/** A space cannot appear in a client's key, so derived keys never collide with a client's own. */
const itemKey = (batchKey: string, index: number) => `${batchKey} item ${index}`;

async function inBatches<T, R>(
  values: T[],
  width: number,
  run: (value: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(values.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < values.length; i = next++) results[i] = await run(values[i]!, i);
  };
  await Promise.all(Array.from({ length: Math.min(width, values.length) }, worker));
  return results;
}

export async function submitReportBatch(
  repository: ReportRepository,
  idempotencyKeys: IdempotencyKeys,
  input: SubmitBatchInput,
): Promise<SubmitBatchResult> {
  if (input.idempotency) {
    const claim = await idempotencyKeys.claim({ ...input.idempotency, resourceId: 'batch' });
    if (claim.outcome === 'exists' && claim.requestHash !== input.idempotency.requestHash) {
      return {
        outcome: 'conflict',
        detail: 'this Idempotency-Key was already used with a different request body',
      };
    }
  }
  const now = input.now ?? new Date();
  const results = await inBatches(input.items, 8, async (item, index): Promise<BatchItemResult> => {
    const parsed = PartnerReportBody.safeParse(item);
    if (!parsed.success) {
      return {
        index,
        status: 400,
        errors: parsed.error.issues.map((i) => ({
          path: `/reports/${index}/${i.path.map(String).join('/')}`,
          message: i.message,
        })),
      };
    }
    const result = await submitPartnerReport(repository, {
      partnerId: input.partnerId,
      body: parsed.data,
      rawBody: JSON.stringify(item),
      idempotencyKey: input.idempotency ? itemKey(input.idempotency.key, index) : undefined,
      now,
    });
    if (result.outcome === 'conflict') return { index, status: 409, detail: result.detail };
    return {
      index,
      status: 202,
      id: result.report.id,
      reportStatus: result.report.status,
      ...(result.outcome === 'replayed' ? { replayed: true as const } : {}),
    };
  });
  return { outcome: 'done', results };
}
