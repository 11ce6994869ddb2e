/**
 * One raw email → a ParsedMessage. A report (sent to the report address, or arriving on the SES
 * path) is searched for the original it carries; any other email is taken as the lure itself.
 */
import type { ReportDraft } from '../../domain/draft.ts';
import { finaliseDraft } from '../finalise.ts';
import { normaliseName } from '../names.ts';
import type { ResolvedOptions } from '../options.ts';
import type { ParsedMessage, Reporter } from '../types.ts';
import { type Found, findCarried, fromReportBody, type Selves } from './find-original.ts';
import { findForwardBlocks } from './forward-blocks.ts';
import { type Email, IntakeLimitError, parseHeadersOnly, parseMime } from './mime.ts';
import { draftFromEmail, mailboxes, mailText } from './original-email.ts';
import { ownPhones } from './reporter-words.ts';

export type MailMode = 'auto' | 'report';

function envelopeOf(email: Email) {
  const from = mailboxes(email.from)[0];
  return {
    ...(from ? { from: { address: from.address, ...(from.name ? { displayName: from.name } : {}) } } : {}),
    to: mailboxes(email.to).map((a) => a.address),
    cc: mailboxes(email.cc).map((a) => a.address),
    ...(email.subject ? { subject: email.subject.slice(0, 998) } : {}),
    ...(email.messageId ? { messageId: email.messageId.slice(0, 200) } : {}),
    ...(email.date ? { date: email.date.slice(0, 64) } : {}),
  };
}

const emptyDraft = (reason: string): ReportDraft => ({
  channel: 'email',
  sender: {},
  targets: {},
  text: '',
  unparseable: reason.slice(0, 1000),
});

export async function analyseMail(
  raw: Uint8Array,
  opts: ResolvedOptions,
  mode: MailMode,
): Promise<ParsedMessage> {
  let email: Email;
  try {
    email = await parseMime(raw, opts.limits);
  } catch (e) {
    const reason =
      e instanceof IntakeLimitError ? e.message : `MIME parse failed: ${(e as Error).message ?? String(e)}`;
    const head = await parseHeadersOnly(raw, opts.limits);
    const envelope = head ? envelopeOf(head) : undefined;
    return {
      draft: { ...emptyDraft(reason), ...(head?.subject ? { subject: head.subject.slice(0, 998) } : {}) },
      ...(envelope?.from ? { reporter: envelope.from } : {}),
      kind: 'unknown',
      ...(envelope ? { envelope } : {}),
    };
  }
  const envelope = envelopeOf(email);
  const report = opts.reportAddress.toLowerCase();
  const addressedToUs = [...envelope.to, ...envelope.cc, (email.deliveredTo ?? '').toLowerCase()].includes(
    report,
  );
  try {
    if (mode === 'auto' && !addressedToUs) return await asOriginal(email, opts, envelope);
    return await asReport(email, opts, envelope);
  } catch (e) {
    if (!(e instanceof IntakeLimitError)) throw e;
    const draft = {
      ...emptyDraft(e.message),
      ...(email.subject ? { subject: email.subject.slice(0, 998) } : {}),
    };
    return { draft, ...(envelope.from ? { reporter: envelope.from } : {}), kind: 'unknown', envelope };
  }
}

async function asOriginal(
  email: Email,
  opts: ResolvedOptions,
  envelope: ReturnType<typeof envelopeOf>,
): Promise<ParsedMessage> {
  const problems: string[] = [];
  // Someone may save their own forward to a file and score it: a forward block still counts.
  const from = envelope.from;
  const selves: Selves = { emails: new Set([opts.reportAddress]), names: [], phones: new Set() };
  const carried = await findCarried(
    email,
    { region: opts.region, limits: opts.limits, depth: 0, problems },
    selves,
  );
  if (carried && carried.how !== 'chat-export' && /^(fw|fwd|tr|wg)\s*:/i.test(email.subject ?? '') && from) {
    return finishReport(email, opts, envelope, carried, selves, problems);
  }
  const draft = draftFromEmail(email, opts.limits, opts.region);
  return { draft: finaliseDraft(draft, selves, opts, problems), kind: 'original', envelope };
}

async function asReport(
  email: Email,
  opts: ResolvedOptions,
  envelope: ReturnType<typeof envelopeOf>,
): Promise<ParsedMessage> {
  const problems: string[] = [];
  const reporter = envelope.from;
  const reporterName = normaliseName(reporter?.displayName);
  const selves: Selves = {
    emails: new Set(
      [opts.reportAddress, ...(reporter ? [reporter.address] : [])].map((s) => s.toLowerCase()),
    ),
    names: reporterName ? [reporterName] : [],
    phones: new Set(),
  };
  // The reporter's own numbers (their signature) are never the sender's.
  // Only in their own note above any forwarded block: the original's signature is the sender's.
  const text = mailText(email);
  const lines = text.split('\n');
  const firstBlock = findForwardBlocks(lines)[0];
  const preface = firstBlock ? lines.slice(0, firstBlock.start).join('\n') : text;
  for (const p of ownPhones(preface, selves.names, opts.region)) selves.phones.add(p);
  const ctx = { region: opts.region, limits: opts.limits, depth: 0, problems };
  let found: Found | undefined;
  try {
    found = await findCarried(email, ctx, selves);
  } catch (e) {
    if (e instanceof IntakeLimitError) throw e;
    problems.push(`could not read the forward: ${(e as Error).message}`.slice(0, 200));
  }
  found ??= fromReportBody(email, ctx, selves, reporterName);
  return finishReport(email, opts, envelope, found, selves, problems);
}

function finishReport(
  email: Email,
  opts: ResolvedOptions,
  envelope: ReturnType<typeof envelopeOf>,
  found: Found,
  selves: Selves,
  problems: string[],
): ParsedMessage {
  const reporter: Reporter | undefined = envelope.from;
  const draft = found.draft;
  for (const i of found.intermediates) {
    selves.emails.add(i.address.toLowerCase());
    if (i.displayName) selves.names.push(i.displayName);
  }
  // No recipients in what was forwarded: the reporter (or whoever forwarded it on) received it.
  const targetEmails = draft.targets.emails ?? [];
  if (draft.channel === 'email' && targetEmails.length === 0) {
    const receiver = found.intermediates[found.intermediates.length - 1] ?? reporter;
    if (receiver) {
      draft.targets = {
        ...draft.targets,
        emails: [receiver.address],
        names: receiver.displayName
          ? [normaliseName(receiver.displayName) ?? receiver.displayName]
          : (draft.targets.names ?? []),
      };
    }
  }
  for (const t of draft.targets.emails ?? []) selves.emails.add(t.toLowerCase());
  // A staffer reporting what was sent to their MP: say whom it was really aimed at.
  if (!draft.onBehalfOf && draft.channel === 'email' && reporter) {
    const aimedAt = (draft.targets.emails ?? []).filter(
      (t) => t !== reporter.address && t !== opts.reportAddress,
    );
    if (aimedAt.length && !(draft.targets.emails ?? []).includes(reporter.address))
      draft.onBehalfOf = aimedAt[0];
  }
  if (draft.onBehalfOf && reporter) {
    const r = normaliseName(reporter.displayName)?.toLowerCase();
    if (r && draft.onBehalfOf.toLowerCase() === r) delete draft.onBehalfOf;
  }
  if (!draft.subject && email.subject)
    draft.subject = email.subject.replace(/^((fw|fwd|re|tr|wg)\s*:\s*)+/i, '');
  return {
    draft: finaliseDraft(draft, selves, opts, problems),
    ...(reporter ? { reporter } : {}),
    kind: 'forward',
    envelope,
  };
}
