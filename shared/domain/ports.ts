/**
 * The ports: what the use cases need from the outside world. Adapters for AWS and for the
 * local runtime implement these; the domain never learns which one it talks to.
 */
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
}
