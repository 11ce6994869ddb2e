import type { LurewatchConfig } from '../config.ts';
import { type ReportDraft, toReport } from '../domain/draft.ts';
import { deterministicUlid } from '../domain/ids.ts';
import type { EffectLedger, Mailer, RawMailStore, ReportRepository } from '../domain/ports.ts';
import type { Report } from '../domain/report.ts';
import type { SesVerdictInput, TrustDecision } from '../intake/trust.ts';
import type { ParsedMessage } from '../intake/types.ts';
import { once } from './once.ts';

/** SES's receipt verdicts for the forward itself: they describe the reporter's mail, not the lure. */
export type SesVerdicts = SesVerdictInput;

/** What the SES receipt event (or the local SMTP intake) tells us about one inbound mail. */
export interface InboundMail {
  sesMessageId: string;
  receivedAt: Date;
  rawMailKey: string;
  /** The forwarder's address as SES saw it (From header, else the envelope sender). */
  headerFrom: string;
  verdicts: SesVerdicts;
}

export interface IngestForwardedMailDeps {
  repository: ReportRepository;
  rawMail: RawMailStore;
  mailer: Mailer;
  ledger: EffectLedger;
  config: LurewatchConfig;
  parseRawMail: (raw: Uint8Array) => Promise<ParsedMessage>;
  decideTrust: (reporterAddress: string, verdicts: SesVerdicts) => TrustDecision;
  acknowledgeUnreadable: (report: Report) => { subject: string; text: string; html: string };
}

export interface IngestResult {
  report: Report;
  outcome: 'created' | 'duplicate';
}

const bareAddress = (from: string) => (from.match(/<([^<>\s]+@[^<>\s]+)>/)?.[1] ?? from.trim()).toLowerCase();

/**
 * Turns one inbound mail into one report. A virus stops us before parsing; an untrusted
 * reporter is quarantined with the reason; an unreadable mail is kept as unparseable. SES may
 * invoke twice: the report id comes from the SES message id, so the second write finds the first.
 */
export async function ingestForwardedMail(
  deps: IngestForwardedMailDeps,
  mail: InboundMail,
): Promise<IngestResult> {
  const id = deterministicUlid(mail.receivedAt.getTime(), `ses:${mail.sesMessageId}`);
  const existing = await deps.repository.get(id);
  if (existing) return { report: existing, outcome: 'duplicate' };

  const reporterFromHeader = bareAddress(mail.headerFrom);
  let draft: ReportDraft;
  let reporter = reporterFromHeader;
  let quarantine: string | undefined;

  if (mail.verdicts.virus.toUpperCase() === 'FAIL') {
    draft = { channel: 'email', sender: {}, targets: {}, text: '' };
    quarantine = 'SES virus scan verdict FAIL: not parsed';
  } else {
    const parsed = await deps.parseRawMail(await deps.rawMail.get(mail.rawMailKey));
    draft = parsed.draft;
    reporter = parsed.reporter?.address.toLowerCase() ?? reporterFromHeader;
    const trust = deps.decideTrust(reporter, mail.verdicts);
    if (!trust.accepted) quarantine = trust.reason;
  }

  const report = toReport(draft, {
    id,
    receivedAt: mail.receivedAt,
    source: { kind: 'email-forward', reporter, sesMessageId: mail.sesMessageId, rawMailKey: mail.rawMailKey },
    ...(quarantine ? { status: 'quarantined' as const, statusReason: quarantine } : {}),
  });
  const created = await deps.repository.create(report);
  if (created.outcome === 'exists') return { report, outcome: 'duplicate' };

  // Scored reports are acknowledged with their verdict by the scorer; an unreadable one is
  // acknowledged here. A quarantined one is not: its sender is not someone we answer.
  if (report.status === 'unparseable') {
    await once(deps.ledger, `ack#${report.id}`, async () =>
      deps.mailer
        .send({ to: [reporter], ...deps.acknowledgeUnreadable(report) })
        .then(({ messageId }) => ({ messageId })),
    );
  }
  return { report, outcome: 'created' };
}
