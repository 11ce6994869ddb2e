/**
 * The normalised report: every intake channel (forwarded mail, partner API) produces this one
 * shape, and everything downstream (scoring, campaigns, alerts, exports) reads only this.
 * No AWS types here.
 */
import * as z from 'zod';

export const CHANNELS = ['email', 'whatsapp', 'sms', 'other'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

/** Traffic Light Protocol 2.0 markings, in increasing order of restriction. */
export const TLP_LEVELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export const Tlp = z.enum(TLP_LEVELS);
export type Tlp = z.infer<typeof Tlp>;

export const VERDICTS = ['benign', 'suspicious', 'malicious'] as const;
export const Verdict = z.enum(VERDICTS);
export type Verdict = z.infer<typeof Verdict>;

export const CATEGORIES = ['honeytrap', 'spearphish', 'sextortion', 'none'] as const;
export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;

/**
 * received: stored, waiting for the scorer; scored: has an assessment;
 * quarantined: kept for officers but not scored as a member's report (untrusted reporter, virus);
 * unparseable: kept with the reason, the raw mail is still in the raw-mail store.
 */
export const REPORT_STATUSES = ['received', 'scored', 'quarantined', 'unparseable'] as const;
export const ReportStatus = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof ReportStatus>;

const E164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'phone numbers are stored in E.164 (+447700900123)');
const EmailAddress = z
  .string()
  .min(3)
  .max(320)
  .regex(/^[^\s@]+@[^\s@]+$/, 'not an email address');
const IsoDate = z.iso.datetime({ offset: true });
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'sha256 as 64 lowercase hex digits');

export const ReportSource = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('email-forward'),
    /** The address that forwarded the message to the report address. */
    reporter: EmailAddress,
    /** A staffer forwarding for their MP: whom the message was really aimed at. */
    onBehalfOf: z.string().max(320).optional(),
    sesMessageId: z.string().max(200).optional(),
    rawMailKey: z.string().max(1024).optional(),
  }),
  z.object({
    kind: z.literal('partner-api'),
    partnerId: z.string().min(1).max(128),
    partnerRef: z.string().max(256).optional(),
  }),
]);
export type ReportSource = z.infer<typeof ReportSource>;

/** Who sent the original lure. Never the reporter's or the target's own identifiers. */
export const SenderIdentity = z.object({
  displayName: z.string().max(256).optional(),
  emails: z.array(EmailAddress).max(50).default([]),
  phones: z.array(E164).max(50).default([]),
  /** Names the sender used or was saved under ("Abi", "Charlie"). */
  aliases: z.array(z.string().min(1).max(128)).max(50).default([]),
  replyTo: z.array(EmailAddress).max(20).default([]),
  returnPath: EmailAddress.optional(),
});
export type SenderIdentity = z.infer<typeof SenderIdentity>;

export const Targets = z.object({
  emails: z.array(EmailAddress).max(200).default([]),
  phones: z.array(E164).max(200).default([]),
  names: z.array(z.string().min(1).max(256)).max(200).default([]),
});
export type Targets = z.infer<typeof Targets>;

/** One message of a chat (WhatsApp export, SMS thread). */
export const ChatMessage = z.object({
  at: z.string().max(64).optional(),
  author: z.string().max(256),
  /** True when the target (the reporter's side) wrote it: never evidence against the sender. */
  fromTarget: z.boolean().default(false),
  text: z.string().max(100_000),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

export const LinkRef = z.object({
  url: z.string().max(4096),
  /** Visible text of an HTML link, so a text/target mismatch can be seen. */
  text: z.string().max(1024).optional(),
});
export type LinkRef = z.infer<typeof LinkRef>;

/** Attachment metadata only: image and file bytes are never stored. */
export const AttachmentMeta = z.object({
  name: z.string().max(512).optional(),
  contentType: z.string().max(256).default('application/octet-stream'),
  size: z.number().int().nonnegative(),
  sha256: Sha256.optional(),
  isImage: z.boolean().default(false),
});
export type AttachmentMeta = z.infer<typeof AttachmentMeta>;

export const AuthResult = z.enum([
  'pass',
  'fail',
  'softfail',
  'neutral',
  'none',
  'temperror',
  'permerror',
  'unknown',
]);
export type AuthResult = z.infer<typeof AuthResult>;

/** The lure's own SPF/DKIM/DMARC, re-derived from its headers when the forward carries them. */
export const AuthenticationResults = z.object({
  spf: AuthResult.optional(),
  dkim: AuthResult.optional(),
  dmarc: AuthResult.optional(),
});
export type AuthenticationResults = z.infer<typeof AuthenticationResults>;

export const Indicator = z.object({
  id: z.string(),
  weight: z.number(),
  /** What the rule found, in words a person can read. */
  evidence: z.string().max(500),
  category: Category.optional(),
});
export type Indicator = z.infer<typeof Indicator>;

export const Assessment = z.object({
  score: z.number().int().min(0).max(100),
  verdict: Verdict,
  category: Category,
  indicators: z.array(Indicator),
  /** The top reasons in plain words, for alerts and the CLI. */
  reasons: z.array(z.string()).default([]),
  rulesetVersion: z.string(),
  scoredAt: IsoDate,
});
export type Assessment = z.infer<typeof Assessment>;

export const Report = z.object({
  id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'a ULID'),
  receivedAt: IsoDate,
  source: ReportSource,
  channel: Channel,
  status: ReportStatus,
  statusReason: z.string().max(1000).optional(),
  sender: SenderIdentity,
  targets: Targets,
  subject: z.string().max(998).optional(),
  /** The lure's text (for chats: the other party's messages, in order). */
  text: z.string().max(400_000),
  messages: z.array(ChatMessage).max(5000).optional(),
  /** When the original was sent, if known. */
  sentAt: z.string().max(64).optional(),
  urls: z.array(LinkRef).max(500).default([]),
  attachments: z.array(AttachmentMeta).max(500).default([]),
  auth: AuthenticationResults.optional(),
  /** Headers of the original the detector may use (Message-ID, X-Mailer, List-Unsubscribe...). */
  headers: z.record(z.string(), z.string().max(2000)).optional(),
  tlp: Tlp,
  /**
   * sha256 over the channel, the sender's numbers and addresses and the normalised text (not who
   * reported it or when): the same conversation reported twice hashes the same.
   */
  contentHash: Sha256,
  assessment: Assessment.optional(),
  /** The campaign the report joined when it was correlated (a merged one names its survivor via mergedInto). */
  campaignId: z.string().max(64).optional(),
});
export type Report = z.infer<typeof Report>;
/** What callers provide; defaults (empty lists) are filled in by the schema. */
export type ReportInput = z.input<typeof Report>;
