/**
 * Last pass over every draft: the reporting side's identifiers out of the sender, duplicates
 * out, everything inside the Report schema's bounds, and problems met on the way recorded.
 */
import type { ReportDraft } from '../domain/draft.ts';
import { isEmail } from './names.ts';
import type { ResolvedOptions } from './options.ts';

const E164 = /^\+[1-9]\d{6,14}$/;

interface SelvesLike {
  emails: Set<string>;
  phones: Set<string>;
}

const uniq = <T>(xs: T[]) => [...new Set(xs)];
const cleanEmails = (xs: string[] | undefined, max: number, drop: Set<string>) =>
  uniq((xs ?? []).map((e) => e.trim().toLowerCase()).filter((e) => isEmail(e) && !drop.has(e))).slice(0, max);

export function finaliseDraft(
  draft: ReportDraft,
  selves: SelvesLike,
  opts: ResolvedOptions,
  problems: string[],
): ReportDraft {
  const drop = new Set([...selves.emails].map((e) => e.toLowerCase()));
  drop.add(opts.reportAddress);
  const s = draft.sender;
  const aliases = uniq((s.aliases ?? []).map((a) => a.trim().slice(0, 128)).filter(Boolean));
  const returnPath = s.returnPath?.toLowerCase();
  draft.sender = {
    ...(s.displayName ? { displayName: s.displayName.slice(0, 256) } : {}),
    emails: cleanEmails(s.emails, 50, drop),
    phones: uniq((s.phones ?? []).filter((p) => E164.test(p) && !selves.phones.has(p))).slice(0, 50),
    aliases: aliases
      .filter((a, i) => aliases.findIndex((b) => b.toLowerCase() === a.toLowerCase()) === i)
      .slice(0, 50),
    replyTo: cleanEmails(s.replyTo, 20, drop),
    ...(returnPath && isEmail(returnPath) && !drop.has(returnPath) ? { returnPath } : {}),
  };
  const t = draft.targets;
  draft.targets = {
    emails: cleanEmails(t.emails, 200, new Set([opts.reportAddress])),
    phones: uniq((t.phones ?? []).filter((p) => E164.test(p))).slice(0, 200),
    names: uniq((t.names ?? []).map((n) => n.trim().slice(0, 256)).filter(Boolean)).slice(0, 200),
  };
  if (draft.subject) draft.subject = draft.subject.slice(0, 998);
  if (draft.sentAt) draft.sentAt = draft.sentAt.slice(0, 64);
  if (draft.onBehalfOf) draft.onBehalfOf = draft.onBehalfOf.slice(0, 320);
  draft.text = draft.text.slice(0, 400_000);
  draft.urls = (draft.urls ?? []).slice(0, 500);
  draft.attachments = (draft.attachments ?? []).slice(0, 500);
  if (draft.messages) draft.messages = draft.messages.slice(0, 5000);
  if (problems.length && !draft.unparseable) {
    // Degraded, not unparseable: what we did read is kept; the headers say what was skipped.
    draft.headers = {
      ...(draft.headers ?? {}),
      'x-lurewatch-intake-problems': uniq(problems).join('; ').slice(0, 2000),
    };
  }
  return draft;
}
