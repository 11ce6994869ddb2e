/**
 * The intake's front door for files: a forwarded or original .eml, a WhatsApp export (.txt or
 * .zip), an Outlook .msg, or a partner report (.json). Never throws: whatever goes wrong ends
 * up as a draft with `unparseable` set, which is stored and shown to an officer.
 */
import type { ReportDraft } from '../domain/draft.ts';
import { draftFromChatText, draftFromChatZip } from './chat/chat-file.ts';
import { looksLikeWhatsApp } from './chat/whatsapp.ts';
import { isZip } from './chat/zip.ts';
import { finaliseDraft } from './finalise.ts';
import { analyseMail } from './mail/analyse-mail.ts';
import { isMsg, msgToMail } from './mail/outlook-msg.ts';
import { type ResolvedOptions, resolveOptions } from './options.ts';
import { draftFromPartnerJson } from './partner-json.ts';
import type { IntakeOptions, ParsedMessage } from './types.ts';

const unparseable = (reason: string, channel: ReportDraft['channel'] = 'other'): ParsedMessage => ({
  draft: { channel, sender: {}, targets: {}, text: '', unparseable: reason.slice(0, 1000) },
  kind: 'unknown',
});

const noSelves = (opts: ResolvedOptions) => ({
  emails: new Set([opts.reportAddress]),
  phones: new Set<string>(),
});

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: an older export or a Windows editor. Latin-1 never fails and keeps digits.
    return new TextDecoder('latin1').decode(bytes);
  }
}

/** Mail header names at the very start of the file: it is an email whatever its name says. */
const looksLikeMail = (text: string) =>
  /^(?:[A-Za-z][\w-]{0,40}:[^\n]*\r?\n(?:[ \t][^\n]*\r?\n)*){2,}/.test(text.slice(0, 8000)) &&
  /^(from|date|subject|to|received|return-path|message-id|mime-version):/im.test(text.slice(0, 8000));

async function parse(fileName: string, bytes: Uint8Array, opts: ResolvedOptions): Promise<ParsedMessage> {
  const name = fileName.toLowerCase();
  if (bytes.byteLength > opts.limits.maxMessageBytes) {
    return unparseable(
      `file is ${bytes.byteLength} bytes, over the ${opts.limits.maxMessageBytes}-byte limit`,
    );
  }
  if (name.endsWith('.json')) {
    let body: unknown;
    try {
      body = JSON.parse(decodeText(bytes));
    } catch (e) {
      return unparseable(`not valid JSON: ${(e as Error).message}`);
    }
    const r = draftFromPartnerJson(body);
    if (!r.ok) return unparseable(r.error);
    return { draft: finaliseDraft(r.draft, noSelves(opts), opts, []), kind: 'partner-json' };
  }
  if (name.endsWith('.zip') || isZip(bytes)) {
    const problems: string[] = [];
    return {
      draft: finaliseDraft(draftFromChatZip(bytes, fileName, opts, problems), noSelves(opts), opts, problems),
      kind: 'chat-export',
    };
  }
  if (name.endsWith('.msg') || isMsg(bytes)) {
    try {
      return await analyseMail(msgToMail(bytes, opts.limits.maxAttachments).raw, opts, 'auto');
    } catch (e) {
      return unparseable(`Outlook .msg could not be read: ${(e as Error).message}`, 'email');
    }
  }
  if (name.endsWith('.eml')) return analyseMail(bytes, opts, 'auto');
  const text = decodeText(bytes.subarray(0, opts.limits.maxChatBytes + 4));
  if (looksLikeWhatsApp(text)) {
    const problems: string[] = [];
    return {
      draft: finaliseDraft(
        draftFromChatText(text, fileName, opts, [], problems),
        noSelves(opts),
        opts,
        problems,
      ),
      kind: 'chat-export',
    };
  }
  if (looksLikeMail(text)) return analyseMail(bytes, opts, 'auto');
  if (!text.trim()) return unparseable('empty file');
  // Text pasted into a file with no header: the lure itself, read as a chat or SMS if it is one.
  const raw = new TextEncoder().encode(`Content-Type: text/plain; charset=utf-8\r\n\r\n${text}`);
  const parsed = await analyseMail(raw, opts, 'report');
  return { ...parsed, kind: 'unknown' };
}

export async function parseFile(
  fileName: string,
  bytes: Uint8Array,
  options?: IntakeOptions,
): Promise<ParsedMessage> {
  try {
    return await parse(fileName, bytes, resolveOptions(options));
  } catch (e) {
    // Belt and braces: a parser bug must not lose a member's report.
    return unparseable(`intake failed: ${(e as Error)?.message ?? String(e)}`);
  }
}

// The SES handler imports both entry points from here.
export { parseRawMail } from './parse-raw-mail.ts';
