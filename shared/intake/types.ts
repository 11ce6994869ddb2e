import type { ReportDraft } from '../domain/draft.ts';
import type { IntakeLimits } from './limits.ts';

export interface IntakeOptions {
  /** The address members forward to: never a sender or a target. */
  reportAddress?: string;
  /** Region for numbers written without a country code (07700 900123). */
  defaultPhoneRegion?: string;
  /** Domains of the reporters (parliament.uk): used to tell a report from an original. */
  reporterDomains?: string[];
  /** Overrides of the bounds in limits.ts (tests use small ones). */
  limits?: Partial<IntakeLimits>;
}

export interface Reporter {
  address: string;
  displayName?: string;
}

/** How the outer message reached us (the forward itself), for the SES path. */
export interface ForwardEnvelope {
  from?: Reporter;
  to: string[];
  cc: string[];
  subject?: string;
  messageId?: string;
  date?: string;
}

export type IntakeKind = 'forward' | 'original' | 'chat-export' | 'partner-json' | 'unknown';

export interface ParsedMessage {
  draft: ReportDraft;
  /** Who sent us the report (the forwarder), when it came by mail. */
  reporter?: Reporter;
  /** What the file was: a forward carrying the lure, the lure itself, a chat export... */
  kind: IntakeKind;
  envelope?: ForwardEnvelope;
}
