/**
 * The ports: what the use cases need from the outside world. Adapters for AWS and for the
 * local runtime implement these; the domain never learns which one it talks to.
 */
import type { Campaign } from '../campaigns/campaign.ts';
import type { IdentifierKind } from '../campaigns/identifiers.ts';
import type { Assessment, Report } from './report.ts';

/** A client's retry key: the first request under it wins, later ones find it. */
export interface IdempotencyClaim {
  scope: string;
  key: string;
  requestHash: string;
}

export type CreateResult =
  | { outcome: 'created' }
  | { outcome: 'exists'; reportId: string; requestHash?: string };

export interface ReportRepository {
  /**
   * Stores a new report; a retry with the same id never overwrites. With an idempotency claim,
   * the report and the claim are written together, and a used key returns the first report.
   */
  create(report: Report, idempotency?: IdempotencyClaim): Promise<CreateResult>;
  get(id: string): Promise<Report | undefined>;
  /**
   * Writes the verdict back, once: if the report was already scored (a redelivered stream
   * record), the stored assessment wins and is returned. Never re-triggers scoring (a MODIFY).
   */
  saveAssessment(id: string, assessment: Assessment): Promise<Assessment>;
}

export type TopicName = 'officer-alerts' | 'member-warnings';

export interface Publication {
  topic: TopicName;
  subject: string;
  /** The exact SNS message body. */
  message: string;
  attributes: Record<string, string>;
  /** Per-protocol bodies (SNS MessageStructure "json"), e.g. { sms, email, default }. */
  perProtocol?: Record<string, string>;
}

export interface Notifier {
  publish(publication: Publication): Promise<{ messageId: string }>;
}

export interface OutboundMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  send(mail: OutboundMail): Promise<{ messageId: string }>;
}

export interface RawMailStore {
  get(key: string): Promise<Uint8Array>;
  put(key: string, raw: Uint8Array): Promise<void>;
}

/**
 * Exactly-once side effects (an alert, an email): claim a key before the effect, complete it
 * after. A failed effect releases the claim so a retry can try again; a claim left pending by a
 * crashed process can be taken over once its lease has run out, so nothing is lost.
 */
export type EffectClaim = { state: 'claimed' } | { state: 'done' } | { state: 'busy'; leaseUntil: number };

export interface EffectLedger {
  claim(key: string, leaseMs: number): Promise<EffectClaim>;
  complete(key: string, detail?: Record<string, string>): Promise<void>;
  release(key: string): Promise<void>;
  /**
   * Which of these keys are already completed, in one read: a filter before claiming, never a
   * substitute for the claim (a key missing here may still turn out done when claimed). Completed
   * is final, so a key reported here may be skipped. Optional: without it every key is claimed.
   */
  completed?(keys: readonly string[]): Promise<Set<string>>;
}

/** One page of a listing; `cursor` is opaque and absent on the last page. */
export interface Page<T> {
  items: T[];
  cursor?: string;
}

export interface PageOptions {
  limit?: number;
  cursor?: string;
}

/** Campaigns as correlation leaves them: read by the API, written by score-stream. */
export interface CampaignRepository {
  /** The record as stored: a campaign merged into another has `mergedInto` set. */
  get(id: string): Promise<Campaign | undefined>;
  /** Follows `mergedInto` to the campaign that lives on. */
  resolve(id: string): Promise<Campaign | undefined>;
  /** Live campaigns that have formed (2+ targets or incidents), most recent activity first. */
  list(options?: PageOptions): Promise<Page<Campaign>>;
  /** Reports of a campaign, including those of campaigns merged into it. */
  reportIdsOf(campaignId: string, options?: PageOptions): Promise<Page<string>>;
  /** Every report (lure or not) whose sender used this identifier, oldest first. */
  reportIdsBySenderIdentifier(kind: IdentifierKind, value: string): Promise<string[]>;
}
