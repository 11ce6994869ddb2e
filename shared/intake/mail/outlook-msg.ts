/**
 * An Outlook .msg attached to a forward ("attach as item" in Outlook desktop). Read with
 * @kenjiuno/msgreader and re-expressed as a small RFC 5322 message, so the rest of the intake
 * treats it exactly like an attached .eml.
 */
import MsgReaderModule from '@kenjiuno/msgreader';
import type { AttachmentMeta } from '../../domain/report.ts';
import { attachmentMeta } from '../attachments.ts';

type FieldsData = import('@kenjiuno/msgreader').FieldsData;
// The package is CommonJS; under Node's ESM loader the class can sit on .default.
type MsgReaderClass = new (
  buffer: ArrayBuffer,
) => { getFileData(): FieldsData; getAttachment(a: FieldsData): { fileName: string; content: Uint8Array } };
const MsgReader = ((MsgReaderModule as unknown as { default?: MsgReaderClass }).default ??
  MsgReaderModule) as unknown as MsgReaderClass;

export interface MsgAsMail {
  raw: Uint8Array;
  attachments: AttachmentMeta[];
}

const encodeHeader = (s: string) =>
  /^[\x20-\x7e]*$/.test(s) ? s : `=?utf-8?b?${Buffer.from(s, 'utf8').toString('base64')}?=`;
const oneLine = (s: string | undefined) => (s ?? '').replace(/[\r\n]+/g, ' ').trim();

function addressOf(name: string | undefined, email: string | undefined): string {
  const n = oneLine(name).replace(/"/g, "'");
  const e = oneLine(email);
  if (e && /@/.test(e)) return n ? `"${encodeHeader(n)}" <${e}>` : `<${e}>`;
  return n ? `"${encodeHeader(n)}" <unknown@invalid>` : '';
}

export function isMsg(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

export function msgToMail(bytes: Uint8Array, maxAttachments: number): MsgAsMail {
  const copy = bytes.slice().buffer;
  const reader = new MsgReader(copy);
  const data: FieldsData = reader.getFileData();
  if (data.error) throw new Error(`not a readable .msg: ${data.error}`);
  const attachments: AttachmentMeta[] = [];
  for (const a of (data.attachments ?? []).slice(0, maxAttachments)) {
    try {
      const file = reader.getAttachment(a);
      attachments.push(attachmentMeta(file.fileName, a.attachMimeTag, file.content));
    } catch {
      attachments.push({
        name: a.fileName,
        contentType: 'application/octet-stream',
        size: a.contentLength ?? 0,
        isImage: false,
      });
    }
  }
  const recipients = data.recipients ?? [];
  const list = (kind: 'to' | 'cc') =>
    recipients
      .filter((r) => (r.recipType ?? 'to') === kind)
      .map((r) => addressOf(r.name, r.smtpAddress ?? r.email))
      .filter(Boolean)
      .join(', ');
  let head = '';
  // Transport headers carry the lure's Received/Authentication-Results: keep them when present.
  if (data.headers) {
    head = data.headers
      .replace(/\r?\n/g, '\r\n')
      .replace(/^(content-type|content-transfer-encoding|mime-version):.*(\r\n[ \t].*)*\r\n/gim, '')
      .trimEnd();
  } else {
    const from = addressOf(data.senderName, data.senderSmtpAddress ?? data.senderEmail);
    head = [
      from && `From: ${from}`,
      list('to') && `To: ${list('to')}`,
      list('cc') && `Cc: ${list('cc')}`,
      data.subject && `Subject: ${encodeHeader(oneLine(data.subject))}`,
      data.clientSubmitTime && `Date: ${new Date(data.clientSubmitTime).toUTCString()}`,
    ]
      .filter(Boolean)
      .join('\r\n');
  }
  const boundary = `msg-${Math.random().toString(36).slice(2)}`;
  const parts = [
    `--${boundary}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(data.body ?? '', 'utf8').toString('base64')}`,
  ];
  if (data.bodyHtml)
    parts.push(
      `--${boundary}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(data.bodyHtml, 'utf8').toString('base64')}`,
    );
  const raw = `${head}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary="${boundary}"\r\n\r\n${parts.join('\r\n')}\r\n--${boundary}--\r\n`;
  return { raw: new TextEncoder().encode(raw), attachments };
}
