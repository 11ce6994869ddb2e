/**
 * What a parser extracts from one message, before it becomes a stored report: the intake
 * channels (mail, chat export, partner JSON) all produce a draft, and `toReport` adds identity.
 */
import { createHash } from 'node:crypto';
import { ulid } from 'ulid';
import {
  type AttachmentMeta,
  type AuthenticationResults,
  type Channel,
  type ChatMessage,
  type LinkRef,
  Report,
  type ReportSource,
  type ReportStatus,
  type SenderIdentity,
  type Targets,
  type Tlp,
} from './report.ts';

export interface ReportDraft {
  channel: Channel;
  sender: Partial<SenderIdentity>;
  targets: Partial<Targets>;
  subject?: string;
  text: string;
  messages?: ChatMessage[];
  sentAt?: string;
  urls?: LinkRef[];
  attachments?: AttachmentMeta[];
  auth?: AuthenticationResults;
  headers?: Record<string, string>;
  /** Set when the parser could not read the message: the report is kept as unparseable. */
  unparseable?: string;
  /** On whose behalf a forward was sent (a staffer for their MP). */
  onBehalfOf?: string;
}

export interface ReportEnvelope {
  source: ReportSource;
  receivedAt?: Date;
  id?: string;
  tlp?: Tlp;
  status?: ReportStatus;
  statusReason?: string;
}

const normaliseForHash = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The same conversation reported by two people hashes the same: it ignores who reported it
 * and when, and covers the sender's identifiers and what they wrote.
 */
export function contentHashOf(draft: Pick<ReportDraft, 'sender' | 'text' | 'channel'>): string {
  const ids = [...(draft.sender.phones ?? []), ...(draft.sender.emails ?? [])]
    .map((s) => s.toLowerCase())
    .sort();
  return createHash('sha256')
    .update(JSON.stringify([draft.channel, ids, normaliseForHash(draft.text)]))
    .digest('hex');
}

const clip = (s: string | undefined, max: number) =>
  s === undefined ? undefined : s.length > max ? s.slice(0, max) : s;

export function toReport(draft: ReportDraft, envelope: ReportEnvelope): Report {
  const receivedAt = envelope.receivedAt ?? new Date();
  const status: ReportStatus = envelope.status ?? (draft.unparseable ? 'unparseable' : 'received');
  const source =
    envelope.source.kind === 'email-forward' && draft.onBehalfOf && !envelope.source.onBehalfOf
      ? { ...envelope.source, onBehalfOf: draft.onBehalfOf }
      : envelope.source;
  return Report.parse({
    id: envelope.id ?? ulid(receivedAt.getTime()),
    receivedAt: receivedAt.toISOString(),
    source,
    channel: draft.channel,
    status,
    statusReason: clip(envelope.statusReason ?? draft.unparseable, 1000),
    sender: draft.sender,
    targets: draft.targets,
    subject: clip(draft.subject, 998),
    text: clip(draft.text, 400_000) ?? '',
    messages: draft.messages?.slice(0, 5000),
    sentAt: draft.sentAt,
    urls: draft.urls?.slice(0, 500),
    attachments: draft.attachments?.slice(0, 500),
    auth: draft.auth,
    headers: draft.headers,
    tlp: envelope.tlp ?? 'AMBER',
    contentHash: contentHashOf(draft),
  });
}
