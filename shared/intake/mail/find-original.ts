/**
 * Finds the suspicious message inside a report: an attached message/rfc822 or Outlook .msg, a
 * WhatsApp export (.txt or .zip), an inline forward block (Gmail, Outlook, Apple, forwards of
 * forwards), a chat or SMS typed out in the body, or — failing all that — text pasted with no
 * header. Keeps the people who forwarded it (reporter, intermediate forwarders) apart from the
 * sender of the original and from its targets.
 */
import type { ReportDraft } from '../../domain/draft.ts';
import type { AttachmentMeta, Channel } from '../../domain/report.ts';
import { attachmentMeta } from '../attachments.ts';
import { assembleChat, type SideHints, withoutMp } from '../chat/assemble.ts';
import { parseTypedChat } from '../chat/typed-out.ts';
import { looksLikeWhatsApp, parseWhatsApp } from '../chat/whatsapp.ts';
import { isZip, readChatZip } from '../chat/zip.ts';
import type { IntakeLimits } from '../limits.ts';
import { mergeLinks, urlsInText } from '../links.ts';
import { findEmails, normaliseName } from '../names.ts';
import { findPhones, normalisePhone } from '../phones.ts';
import type { Reporter } from '../types.ts';
import { type ForwardBlock, findForwardBlocks, unquote } from './forward-blocks.ts';
import { attachmentBytes, type Email, IntakeLimitError, parseMime } from './mime.ts';
import { attachmentsOf, draftFromEmail, mailboxes, mailText } from './original-email.ts';
import { isMsg, msgToMail } from './outlook-msg.ts';
import { aliasesFromWords, channelFromWords, onBehalfOfFromWords, ownPhones } from './reporter-words.ts';

export interface FindContext {
  region: string;
  limits: IntakeLimits;
  depth: number;
  /** Problems met on the way (a limit hit, a part that would not parse): the draft is degraded. */
  problems: string[];
}

/** People on the reporting side: never the sender. */
export interface Selves {
  emails: Set<string>;
  names: string[];
  phones: Set<string>;
}

export interface Found {
  draft: ReportDraft;
  how:
    | 'rfc822'
    | 'msg'
    | 'chat-export'
    | 'forward-block'
    | 'typed-chat'
    | 'quoted-sms'
    | 'pasted'
    | 'original';
  /** Forwarders between the reporter and the original (a MP who forwarded to a staffer). */
  intermediates: Reporter[];
}

const CHAT_FILE = /(^_chat\.txt$|^WhatsApp Chat|\.txt$)/i;

/** A forward, or an attached original that may itself be a forward: what did it carry? */
export async function findCarried(
  email: Email,
  ctx: FindContext,
  selves: Selves,
): Promise<Found | undefined> {
  const text = mailText(email).slice(0, ctx.limits.maxTextChars);
  // 1. The original attached as message/rfc822 or .msg: the most faithful copy, with headers.
  for (const a of email.attachments) {
    const bytes = attachmentBytes(a.content);
    const isRfc822 = a.mimeType === 'message/rfc822' || /\.eml$/i.test(a.filename ?? '');
    const isOutlook =
      /\.msg$/i.test(a.filename ?? '') ||
      a.mimeType === 'application/vnd.ms-outlook' ||
      (a.mimeType === 'application/octet-stream' && isMsg(bytes));
    if (!isRfc822 && !isOutlook) continue;
    if (ctx.depth >= ctx.limits.maxRfc822Depth) {
      // Which of the nested forwarders wrote the lure cannot be told any more: say so.
      throw new IntakeLimitError(`attached messages nested deeper than ${ctx.limits.maxRfc822Depth} levels`);
    }
    let raw = bytes;
    let extra: AttachmentMeta[] = [];
    try {
      if (isOutlook) {
        if (bytes.byteLength > ctx.limits.maxMsgBytes) {
          ctx.problems.push('attached .msg too large to open');
          continue;
        }
        const m = msgToMail(bytes, ctx.limits.maxAttachments);
        raw = m.raw;
        extra = m.attachments;
      }
      const inner = await parseMime(raw, ctx.limits);
      const innerFrom = mailboxes(inner.from)[0];
      const nested = await findCarried(inner, { ...ctx, depth: ctx.depth + 1 }, selves);
      if (nested && nested.how !== 'pasted') {
        // The attached message was itself a forward: its author forwarded on someone's behalf.
        if (innerFrom)
          nested.intermediates.unshift({
            address: innerFrom.address,
            ...(innerFrom.name ? { displayName: innerFrom.name } : {}),
          });
        return nested;
      }
      const draft = draftFromEmail(inner, ctx.limits, ctx.region);
      if (extra.length) draft.attachments = [...extra, ...(draft.attachments ?? [])];
      return { draft, how: isOutlook ? 'msg' : 'rfc822', intermediates: [] };
    } catch (e) {
      if (e instanceof IntakeLimitError) throw e;
      ctx.problems.push(`attached message could not be read: ${(e as Error).message}`.slice(0, 200));
    }
  }
  // 2. A WhatsApp export attached (.txt, or the .zip WhatsApp makes with media).
  const chat = chatExportIn(email, ctx);
  if (chat) {
    const words = text;
    const hints: SideHints = {
      selfNames: selves.names,
      otherNames: [...(chat.chatName ? [chat.chatName] : []), ...aliasesFromWords(words, email.subject)],
      otherPhones: [...(chat.namePhone ? [chat.namePhone] : [])],
    };
    const parsed = parseWhatsApp(chat.text, ctx.limits.maxChatMessages);
    if (parsed.chatName) hints.otherNames.push(parsed.chatName);
    if (parsed.truncated)
      ctx.problems.push(`chat export longer than ${ctx.limits.maxChatMessages} messages: truncated`);
    const c = assembleChat(parsed.lines, hints, ctx.region);
    const wordPhones = findPhones(words, ctx.region)
      .map((p) => p.e164)
      .filter((p) => !selves.phones.has(p));
    const draft: ReportDraft = {
      channel: 'whatsapp',
      sender: { ...c.sender, phones: [...new Set([...c.sender.phones, ...wordPhones])] },
      targets: c.targets,
      text: c.text,
      messages: c.messages,
      urls: urlsInText(c.text, ctx.limits.maxUrls),
      attachments: [
        ...c.attachments,
        ...chat.media,
        ...attachmentsOf(email, ctx.limits).filter((a) => a.isImage),
      ],
      ...(c.messages[0]?.at ? { sentAt: c.messages[0].at } : {}),
    };
    if (c.targetAuthor) draft.onBehalfOf = normaliseName(c.targetAuthor) ?? c.targetAuthor;
    return { draft, how: 'chat-export', intermediates: [] };
  }
  // 3. A forward block in the body; the last one introduces the original, unless the message
  // forwarded is itself a reply whose thread is quoted under it (see originalBlockOf).
  const lines = text.split('\n');
  const blocks = findForwardBlocks(lines);
  const at = originalBlockOf(blocks, lines, selves, email);
  const last = blocks[at];
  if (last) {
    const intermediates: Reporter[] = blocks
      .slice(0, at)
      .flatMap((b) =>
        b.from?.address
          ? [{ address: b.from.address, ...(b.from.name ? { displayName: b.from.name } : {}) }]
          : [],
      );
    const body = lines
      .slice(last.end)
      .map((l) => (last.style === 'apple' || /^\s*>/.test(lines[last.start] ?? '') ? unquote(l) : l))
      .join('\n')
      .replace(/^\s*\n/, '');
    const ownBody = body.replace(/\n-{3,}\s*Forwarded message\s*-{3,}[\s\S]*$/, '');
    const phones = findPhones(ownBody, ctx.region).map((p) => p.e164);
    const to = [...last.to, ...last.cc];
    const targetEmails = to.map((t) => t.address).filter((a): a is string => !!a);
    const senderEmails = [
      last.from?.address,
      ...findEmails(ownBody).filter((e) => !targetEmails.includes(e)),
    ].filter((e): e is string => !!e);
    const draft: ReportDraft = {
      channel: 'email',
      sender: {
        ...(last.from?.name ? { displayName: last.from.name } : {}),
        emails: [...new Set(senderEmails)],
        phones: [...new Set(phones)],
        aliases: last.from?.name ? [last.from.name.slice(0, 128)] : [],
        replyTo: last.replyTo.map((r) => r.address).filter((a): a is string => !!a),
      },
      targets: {
        emails: targetEmails,
        names: to.map((t) => t.name).filter((n): n is string => !!n),
        phones: [],
      },
      ...(last.subject ? { subject: last.subject } : {}),
      text: body.trim(),
      ...(last.date ? { sentAt: last.date } : {}),
      urls: mergeLinks([urlsInText(body, ctx.limits.maxUrls)], ctx.limits.maxUrls),
      attachments: attachmentsOf(email, ctx.limits),
    };
    return { draft, how: 'forward-block', intermediates };
  }
  return undefined;
}

const REPLY_SUBJECT = /^\s*(?:re|aw|sv|vs|antw)\s*:/i;

/**
 * Which forward block introduces the reported message. A forward of a forward has several and
 * the last is the original. But a forwarded reply ("RE: surgery rota", its own words, then
 * "-----Original Message-----") carries its thread: the quoted message below it is part of the
 * lure, not the lure. The member's own reply to a lure, forwarded, is not the report either.
 */
function originalBlockOf(blocks: ForwardBlock[], lines: string[], selves: Selves, email: Email): number {
  // The carrying mail itself is the outermost message: an attached original that is a reply.
  const carrier = { end: 0, subject: email.subject, from: { address: email.from?.address } };
  for (let k = 0; k < blocks.length; k++) {
    const outer = k === 0 ? carrier : blocks[k - 1]!;
    const inner = blocks[k]!;
    const replyQuote =
      inner.style === 'original-message' || inner.style === 'outlook' || inner.style === 'plain';
    const ownWords = lines.slice(outer.end, inner.start).some((l) => unquote(l).trim() !== '');
    const byReporter = !!outer.from?.address && selves.emails.has(outer.from.address.toLowerCase());
    if (REPLY_SUBJECT.test(outer.subject ?? '') && replyQuote && ownWords && !byReporter) return k - 1;
  }
  return blocks.length - 1;
}

interface ChatExport {
  text: string;
  chatName?: string;
  namePhone?: string;
  media: AttachmentMeta[];
}

function chatExportIn(email: Email, ctx: FindContext): ChatExport | undefined {
  for (const a of email.attachments) {
    const name = a.filename ?? '';
    const bytes = attachmentBytes(a.content);
    if ((/\.zip$/i.test(name) || a.mimeType === 'application/zip') && isZip(bytes)) {
      const z = readChatZip(
        bytes,
        ctx.limits.maxZipExpandedBytes,
        ctx.limits.maxZipEntries,
        ctx.limits.maxAttachments,
      );
      if (z.problem) ctx.problems.push(z.problem);
      if (z.chatText && looksLikeWhatsApp(z.chatText)) {
        return {
          text: z.chatText.slice(0, ctx.limits.maxChatBytes),
          ...chatNameOf(z.chatName ?? name, ctx.region),
          media: z.media,
        };
      }
      continue;
    }
    if (!(a.mimeType.startsWith('text/plain') || CHAT_FILE.test(name))) continue;
    if (!CHAT_FILE.test(name) && a.disposition !== 'attachment') continue;
    const text = new TextDecoder('utf-8').decode(bytes.subarray(0, ctx.limits.maxChatBytes));
    if (looksLikeWhatsApp(text)) return { text, ...chatNameOf(name, ctx.region), media: [] };
  }
  return undefined;
}

/** "WhatsApp Chat with +44 7700 900725.txt" / "WhatsApp Chat - Abi.zip": the other party. */
export function chatNameOf(fileName: string, region: string): { chatName?: string; namePhone?: string } {
  const m = /^WhatsApp Chat (?:with|-)\s*(.+?)(?:\.(?:txt|zip))?$/i.exec(fileName.trim());
  if (!m) return {};
  const who = m[1]!.trim();
  const phone = normalisePhone(who, region);
  return phone ? { namePhone: phone } : { chatName: who };
}

/** The body of a report with no attachment or forward block: a chat/SMS typed out, or pasted text. */
export function fromReportBody(email: Email, ctx: FindContext, selves: Selves, reporterName?: string): Found {
  const text = mailText(email).slice(0, ctx.limits.maxTextChars);
  const typed = parseTypedChat(text);
  const rows = text.split('\n');
  const words = typed ? rows.filter((_, i) => !typed.used.has(i)).join('\n') : text;
  const subject = email.subject ?? '';
  const onBehalfOf = onBehalfOfFromWords(words, subject);
  const own = ownPhones(words, selves.names, ctx.region);
  const wordPhones = findPhones(words, ctx.region)
    .map((p) => p.e164)
    .filter((p) => !own.has(p) && !selves.phones.has(p));
  const stated = channelFromWords(`${subject}\n${words}`);
  const attachments = attachmentsOf(email, ctx.limits);
  if (typed) {
    const hints: SideHints = {
      selfNames: [...(onBehalfOf ? [onBehalfOf] : []), ...selves.names],
      otherNames: aliasesFromWords(words, subject),
      otherPhones: wordPhones,
    };
    const c = assembleChat(typed.lines, hints, ctx.region);
    const channel: Channel = stated ?? (typed.kind === 'quoted' ? 'sms' : 'whatsapp');
    const draft: ReportDraft = {
      channel,
      sender: c.sender,
      targets: {
        names: onBehalfOf ? [withoutMp(onBehalfOf)] : reporterName ? [reporterName] : c.targets.names,
        phones: [],
      },
      text: c.text,
      messages: c.messages,
      urls: urlsInText(c.text, ctx.limits.maxUrls),
      attachments: [...c.attachments, ...attachments],
      ...(onBehalfOf ? { onBehalfOf } : {}),
    };
    // "ParlDigital": an alphanumeric SMS sender ID the reporter names.
    const senderId = /\bsender (?:showed|shows|was shown|appeared) as ["“]([A-Za-z0-9 ]{2,11})["”]/i.exec(
      words,
    )?.[1];
    if (senderId) draft.sender.aliases = [...(draft.sender.aliases ?? []), senderId];
    return { draft, how: typed.kind === 'chat' ? 'typed-chat' : 'quoted-sms', intermediates: [] };
  }
  // Pasted with no header: the body is the lure (minus the reporter's sign-off).
  const emails = findEmails(text).filter((e) => !selves.emails.has(e));
  const draft: ReportDraft = {
    channel: stated ?? 'email',
    sender: { emails, phones: [...new Set(wordPhones)], aliases: aliasesFromWords(words, subject) },
    targets: { names: onBehalfOf ? [withoutMp(onBehalfOf)] : reporterName ? [reporterName] : [], phones: [] },
    text,
    urls: urlsInText(text, ctx.limits.maxUrls),
    attachments,
    ...(onBehalfOf ? { onBehalfOf } : {}),
  };
  return { draft, how: 'pasted', intermediates: [] };
}

export { attachmentMeta };
