/** Broadcasts: preview, send, read and approve the members' warning (security officers only). */
import { BroadcastRequestBody } from '../../../shared/broadcast/broadcast.ts';
import {
  approveBroadcast,
  type BroadcastDependencies,
  getBroadcast,
  requestBroadcast,
} from '../../../shared/broadcast/broadcast-service.ts';
import { campaignBriefs } from '../../../shared/export/campaign-briefs.ts';
import { principalScope, requestHashOf } from '../../../shared/usecases/idempotency.ts';

import {
  type ApiDependencies,
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
import { broadcastView } from '../views.ts';

const MAX_BROADCAST_BODY_BYTES = 64 * 1024;

const broadcastDependencies = (deps: ApiDependencies): BroadcastDependencies => ({
  store: deps.broadcasts,
  idempotency: deps.idempotency,
  notifier: deps.notifier,
  ledger: deps.ledger,
  campaigns: campaignBriefs(deps.campaigns, deps.repository),
  roster: deps.roster,
  policy: deps.broadcastPolicy,
  now: deps.now,
});

const rateLimited = (outcome: { retryAfterSeconds: number; detail: string }) =>
  new HttpProblem(429, outcome.detail, undefined, { 'retry-after': String(outcome.retryAfterSeconds) });

export async function createBroadcast({ event, principal, deps }: RouteContext) {
  const { raw } = rawBody(event, ['json'], MAX_BROADCAST_BODY_BYTES);
  const key = idempotencyKey(event);
  const preview = query(event).preview;
  if (preview !== undefined && preview !== 'true' && preview !== 'false') {
    throw new HttpProblem(400, 'preview is true or false', [
      { path: 'query/preview', message: 'expected true or false' },
    ]);
  }
  const parsed = BroadcastRequestBody.safeParse(parseJson(raw));
  if (!parsed.success)
    throw new HttpProblem(400, 'the broadcast is not valid', fieldErrors(parsed.error.issues));
  const body = preview === 'true' ? { ...parsed.data, dryRun: true } : parsed.data;
  const outcome = await requestBroadcast(broadcastDependencies(deps), {
    body,
    officerId: principal!.id,
    // A preview is safe to repeat and changes nothing: the key is not spent on it.
    idempotency:
      key && !body.dryRun
        ? {
            scope: principalScope(principal!.id),
            key,
            requestHash: requestHashOf('POST /v1/broadcasts', raw),
          }
        : undefined,
  });
  switch (outcome.outcome) {
    case 'preview':
      return json(200, outcome.preview);
    case 'invalid':
      throw new HttpProblem(400, 'the broadcast is not valid', outcome.errors);
    case 'conflict':
      throw new HttpProblem(409, outcome.detail);
    case 'rate-limited':
      throw rateLimited(outcome);
    default: {
      const view = broadcastView(outcome.record);
      return json(view.state === 'awaiting-approval' ? 202 : 201, view, {
        location: `/v1/broadcasts/${view.id}`,
        ...(outcome.outcome === 'replayed' ? { 'idempotency-replayed': 'true' } : {}),
      });
    }
  }
}

export async function getBroadcastRoute({ deps, params }: RouteContext) {
  const id = params.id ?? '';
  const record = ULID_PATTERN.test(id) ? await getBroadcast({ store: deps.broadcasts }, id) : undefined;
  if (!record) throw new HttpProblem(404, 'no broadcast with this id');
  return json(200, broadcastView(record));
}

export async function approveBroadcastRoute({ event, principal, deps, params }: RouteContext) {
  const id = params.id ?? '';
  // The body is optional (nothing to say but "yes"); when present it must be an empty JSON object.
  let raw = '';
  if (event.body) {
    raw = rawBody(event, ['json'], 4096).raw;
    const value = parseJson(raw);
    if (
      typeof value !== 'object' ||
      value === null ||
      Array.isArray(value) ||
      Object.keys(value).length > 0
    ) {
      throw new HttpProblem(400, 'an approval has no body, or {}', [{ path: '', message: 'expected {}' }]);
    }
  }
  const key = idempotencyKey(event);
  if (!ULID_PATTERN.test(id)) throw new HttpProblem(404, 'no broadcast with this id');
  if (key) {
    // Approving twice is idempotent by itself; the key only has to refuse reuse for another request.
    const requestHash = requestHashOf(`POST /v1/broadcasts/${id}/approve`, raw.trim() || '{}');
    const claim = await deps.idempotency.claim({
      scope: principalScope(principal!.id),
      key,
      requestHash,
      resourceId: id,
    });
    if (claim.outcome === 'exists' && claim.requestHash !== requestHash) {
      throw new HttpProblem(409, 'this Idempotency-Key was already used with a different request');
    }
  }
  const outcome = await approveBroadcast(broadcastDependencies(deps), { id, officerId: principal!.id });
  switch (outcome.outcome) {
    case 'not-found':
      throw new HttpProblem(404, 'no broadcast with this id');
    case 'forbidden':
      throw new HttpProblem(403, outcome.detail);
    case 'conflict':
      throw new HttpProblem(409, outcome.detail);
    case 'rate-limited':
      throw rateLimited(outcome);
    default:
      return json(
        200,
        broadcastView(outcome.record),
        outcome.outcome === 'replayed' ? { 'idempotency-replayed': 'true' } : {},
      );
  }
}
