/**
 * The broadcast use cases: preview, request (and send), approve, read. An officer asks once;
 * retries with the same Idempotency-Key never send twice; a second officer approves when the
 * deployment requires it; and at most one warning goes out per interval unless overridden.
 */
import { ulid } from 'ulid';
import type { EffectLedger, Notifier } from '../domain/ports.ts';
import { type AudienceSize, audienceSize, type RosterSource } from '../roster/roster.ts';
import type { IdempotencyKeys } from '../usecases/idempotency.ts';
import { once } from '../usecases/once.ts';
import {
  type BroadcastContent,
  type BroadcastPublication,
  type BroadcastRecord,
  type BroadcastRequestBody,
  type BroadcastRequestRecord,
  stateOf,
} from './broadcast.ts';
import { type BroadcastSettings, composeFreshWarning } from './fresh-warning-template.ts';
import { gsm7Septets } from './gsm7.ts';
import type { BroadcastStore, CampaignBriefs, SendSlot } from './ports.ts';

export interface BroadcastPolicy extends BroadcastSettings {
  /** LUREWATCH_BROADCAST_APPROVAL=required: a second officer approves before anything is sent. */
  approvalRequired: boolean;
  /** At most one broadcast per this many milliseconds (default ten minutes). */
  minIntervalMs: number;
}

/** The policy from the environment: LUREWATCH_BROADCAST_APPROVAL, _MIN_INTERVAL_SECONDS, LUREWATCH_SECURITY_TEAM_PHONE. */
export function broadcastPolicyFromEnv(
  env: Record<string, string | undefined>,
  reportAddress: string,
): BroadcastPolicy {
  const seconds = Number(env.LUREWATCH_BROADCAST_MIN_INTERVAL_SECONDS ?? 600);
  return {
    securityTeamPhone: env.LUREWATCH_SECURITY_TEAM_PHONE ?? '020 7946 0000',
    reportAddress,
    approvalRequired: (env.LUREWATCH_BROADCAST_APPROVAL ?? '').toLowerCase() === 'required',
    minIntervalMs: Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 600_000,
  };
}

export interface BroadcastDependencies {
  store: BroadcastStore;
  idempotency: IdempotencyKeys;
  notifier: Notifier;
  ledger: EffectLedger;
  campaigns: CampaignBriefs;
  roster: RosterSource;
  policy: BroadcastPolicy;
  now?: () => Date;
  newId?: (now: Date) => string;
}

export interface BroadcastPreview {
  dryRun: true;
  audience: BroadcastRequestBody['audience'];
  /** Who would receive it according to the roster; null when no roster is loaded. */
  recipients: AudienceSize | null;
  approvalRequired: boolean;
  sms: { septets: number; fitsOneSms: true };
  content: BroadcastContent;
}

export type FieldProblem = { path: string; message: string };

export type RequestOutcome =
  | { outcome: 'preview'; preview: BroadcastPreview }
  | { outcome: 'created' | 'replayed'; record: BroadcastRecord }
  | { outcome: 'invalid'; errors: FieldProblem[] }
  | { outcome: 'conflict'; detail: string }
  | { outcome: 'rate-limited'; retryAfterSeconds: number; detail: string };

export type ApproveOutcome =
  | { outcome: 'approved' | 'replayed'; record: BroadcastRecord }
  | { outcome: 'not-found' }
  | { outcome: 'forbidden'; detail: string }
  | { outcome: 'conflict'; detail: string }
  | { outcome: 'rate-limited'; retryAfterSeconds: number; detail: string };

export interface Idempotency {
  scope: string;
  key: string;
  requestHash: string;
}

const rateLimitDetail = (seconds: number) =>
  `a broadcast went out recently; the next is allowed in ${seconds} s (or send with "override": true and an overrideReason)`;

async function compose(deps: BroadcastDependencies, body: BroadcastRequestBody) {
  const { briefs, unknown } = await deps.campaigns.brief(body.campaignIds);
  if (unknown.length) {
    return {
      errors: unknown.map((id) => ({
        path: `/campaignIds/${body.campaignIds.indexOf(id)}`,
        message: `no campaign with id ${id}`,
      })),
    };
  }
  return {
    content: composeFreshWarning(deps.policy, {
      audience: body.audience,
      freeText: body.freeText,
      campaigns: briefs,
      sms: body.sms,
    }),
  };
}

export async function previewBroadcast(
  deps: BroadcastDependencies,
  body: BroadcastRequestBody,
): Promise<RequestOutcome> {
  const composed = await compose(deps, body);
  if (!composed.content) return { outcome: 'invalid', errors: composed.errors };
  const roster = await deps.roster.load();
  return {
    outcome: 'preview',
    preview: {
      dryRun: true,
      audience: body.audience,
      recipients: roster ? audienceSize(roster, body.audience) : null,
      approvalRequired: deps.policy.approvalRequired,
      sms: { septets: gsm7Septets(composed.content.perProtocol.sms) ?? 0, fitsOneSms: true },
      content: composed.content,
    },
  };
}

/**
 * Publishes at most once per broadcast: the effect ledger serialises concurrent retries, and
 * the publication record is what a later retry finds instead of publishing again.
 */
async function publishOnce(deps: BroadcastDependencies, record: BroadcastRecord): Promise<BroadcastRecord> {
  if (record.publication) return record;
  let publication: BroadcastPublication | undefined;
  await once(deps.ledger, `broadcast:${record.id}`, async () => {
    const { content } = record;
    const { messageId } = await deps.notifier.publish({
      topic: content.topic,
      subject: content.subject,
      message: content.message,
      attributes: { ...content.attributes, broadcastId: record.id },
      perProtocol: content.perProtocol,
    });
    publication = {
      topic: content.topic,
      messageId,
      publishedAt: (deps.now?.() ?? new Date()).toISOString(),
    };
    await deps.store.recordPublication(record.id, publication);
    return { messageId };
  });
  if (publication) return { ...record, publication };
  // Another attempt sent it: its publication record is what we answer with.
  return (await deps.store.get(record.id)) ?? record;
}

/** A stored broadcast found again (a retry): finish what the first attempt started. */
async function resume(deps: BroadcastDependencies, record: BroadcastRecord): Promise<BroadcastRecord> {
  return stateOf(record) === 'sending' ? publishOnce(deps, record) : record;
}

export async function requestBroadcast(
  deps: BroadcastDependencies,
  input: { body: BroadcastRequestBody; officerId: string; idempotency?: Idempotency },
): Promise<RequestOutcome> {
  const { body } = input;
  if (body.dryRun) return previewBroadcast(deps, body);
  const now = deps.now?.() ?? new Date();
  let id = deps.newId?.(now) ?? ulid(now.getTime());

  if (input.idempotency) {
    const claim = await deps.idempotency.claim({ ...input.idempotency, resourceId: id });
    if (claim.outcome === 'exists') {
      if (claim.requestHash !== input.idempotency.requestHash) {
        return {
          outcome: 'conflict',
          detail: 'this Idempotency-Key was already used with a different request',
        };
      }
      const earlier = await deps.store.get(claim.resourceId);
      if (earlier) return { outcome: 'replayed', record: await resume(deps, earlier) };
      // The first attempt claimed the key and stopped before storing: carry on under its id.
      id = claim.resourceId;
    }
  }

  const composed = await compose(deps, body);
  if (!composed.content) {
    if (input.idempotency) await deps.idempotency.release(input.idempotency.scope, input.idempotency.key);
    return { outcome: 'invalid', errors: composed.errors };
  }
  const request: BroadcastRequestRecord = {
    id,
    requestedBy: input.officerId,
    requestedAt: now.toISOString(),
    template: body.template,
    ...(body.freeText ? { freeText: body.freeText } : {}),
    campaignIds: body.campaignIds,
    audience: body.audience,
    content: composed.content,
    approvalRequired: deps.policy.approvalRequired,
    ...(body.override && body.overrideReason ? { override: { reason: body.overrideReason } } : {}),
  };
  // With approval required the slot is taken when the approval sends it, not now.
  const slot: SendSlot | undefined = request.approvalRequired
    ? undefined
    : { broadcastId: id, now, minIntervalMs: deps.policy.minIntervalMs, override: body.override };
  const created = await deps.store.create(request, slot);
  if (created.outcome === 'rate-limited') {
    if (input.idempotency) await deps.idempotency.release(input.idempotency.scope, input.idempotency.key);
    return { ...created, detail: rateLimitDetail(created.retryAfterSeconds) };
  }
  const record = created.outcome === 'exists' ? ((await deps.store.get(id)) ?? request) : request;
  if (record.approvalRequired) return { outcome: 'created', record };
  return { outcome: 'created', record: await publishOnce(deps, record) };
}

export async function approveBroadcast(
  deps: BroadcastDependencies,
  input: { id: string; officerId: string },
): Promise<ApproveOutcome> {
  const record = await deps.store.get(input.id);
  if (!record) return { outcome: 'not-found' };
  if (!record.approvalRequired)
    return { outcome: 'conflict', detail: 'this broadcast did not need an approval' };
  if (record.requestedBy === input.officerId) {
    return { outcome: 'forbidden', detail: 'a different officer must approve a broadcast' };
  }
  if (record.approval) {
    if (record.approval.approvedBy !== input.officerId) {
      return { outcome: 'conflict', detail: `already approved by ${record.approval.approvedBy}` };
    }
    return { outcome: 'replayed', record: await resume(deps, record) };
  }
  const now = deps.now?.() ?? new Date();
  const approval = { approvedBy: input.officerId, approvedAt: now.toISOString() };
  const approved = await deps.store.approve(input.id, approval, {
    broadcastId: input.id,
    now,
    minIntervalMs: deps.policy.minIntervalMs,
    override: record.override !== undefined,
  });
  if (approved.outcome === 'rate-limited')
    return { ...approved, detail: rateLimitDetail(approved.retryAfterSeconds) };
  if (approved.outcome === 'exists') return approveBroadcast(deps, input);
  return { outcome: 'approved', record: await publishOnce(deps, { ...record, approval }) };
}

export const getBroadcast = (deps: Pick<BroadcastDependencies, 'store'>, id: string) => deps.store.get(id);
