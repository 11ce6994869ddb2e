/**
 * The ports: what the use cases need from the outside world. Adapters for AWS and for the
 * local runtime implement these; the domain never learns which one it talks to.
 */
import type { Assessment, Report } from './report.ts';

export interface ReportRepository {
  /** Stores a new report; a retry with the same id never overwrites. */
  create(report: Report): Promise<'created' | 'exists'>;
  get(id: string): Promise<Report | undefined>;
  /** Writes the verdict back. Must not re-trigger scoring (the stream filter sees MODIFY). */
  saveAssessment(id: string, assessment: Assessment): Promise<void>;
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
