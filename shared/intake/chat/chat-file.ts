/** A WhatsApp export given as a file on its own (.txt or .zip), not attached to a report. */
import type { ReportDraft } from '../../domain/draft.ts';
import type { AttachmentMeta } from '../../domain/report.ts';
import { urlsInText } from '../links.ts';
import { chatNameOf } from '../mail/find-original.ts';
import type { ResolvedOptions } from '../options.ts';
import { assembleChat } from './assemble.ts';
import { parseWhatsApp } from './whatsapp.ts';
import { readChatZip } from './zip.ts';

export function draftFromChatText(
  text: string,
  fileName: string,
  opts: ResolvedOptions,
  media: AttachmentMeta[] = [],
  problems: string[] = [],
): ReportDraft {
  const clipped = text.length > opts.limits.maxChatBytes ? text.slice(0, opts.limits.maxChatBytes) : text;
  if (clipped !== text) problems.push('chat export truncated');
  const parsed = parseWhatsApp(clipped, opts.limits.maxChatMessages);
  if (parsed.truncated)
    problems.push(`chat export longer than ${opts.limits.maxChatMessages} messages: truncated`);
  const named = chatNameOf(fileName.split(/[\\/]/).pop() ?? fileName, opts.region);
  const c = assembleChat(
    parsed.lines,
    {
      selfNames: [],
      otherNames: [
        ...(parsed.chatName ? [parsed.chatName] : []),
        ...(named.chatName ? [named.chatName] : []),
      ],
      otherPhones: named.namePhone ? [named.namePhone] : [],
    },
    opts.region,
  );
  return {
    channel: 'whatsapp',
    sender: c.sender,
    targets: c.targets,
    text: c.text,
    messages: c.messages,
    urls: urlsInText(c.text, opts.limits.maxUrls),
    attachments: [...c.attachments, ...media],
    ...(c.messages[0]?.at ? { sentAt: c.messages[0].at } : {}),
    ...(parsed.lines.length === 0 ? { unparseable: 'no WhatsApp messages found in the file' } : {}),
  };
}

export function draftFromChatZip(
  bytes: Uint8Array,
  fileName: string,
  opts: ResolvedOptions,
  problems: string[],
): ReportDraft {
  const z = readChatZip(
    bytes,
    opts.limits.maxZipExpandedBytes,
    opts.limits.maxZipEntries,
    opts.limits.maxAttachments,
  );
  if (z.problem) problems.push(z.problem);
  if (!z.chatText) {
    return {
      channel: 'whatsapp',
      sender: {},
      targets: {},
      text: '',
      attachments: z.media,
      unparseable: z.problem ?? 'no chat text (.txt) in the zip',
    };
  }
  const name = /^WhatsApp Chat/i.test(fileName) ? fileName : (z.chatName ?? fileName);
  return draftFromChatText(z.chatText, name, opts, z.media, problems);
}
