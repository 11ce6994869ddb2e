/**
 * A WhatsApp "Export chat" .zip: _chat.txt (iOS) or "WhatsApp Chat with X.txt" (Android) plus
 * the media. Read with fflate's streaming unzip, fed in small slices so a zip bomb is stopped
 * once the expansion budget is spent instead of after it has filled memory.
 */
import { Unzip, type UnzipFile, UnzipInflate } from 'fflate';
import type { AttachmentMeta } from '../../domain/report.ts';
import { attachmentMeta } from '../attachments.ts';

export interface ZipChat {
  chatName?: string;
  chatText?: string;
  media: AttachmentMeta[];
  /** Set when a limit stopped the reading. */
  problem?: string;
}

const SLICE = 4096;

export function readChatZip(
  bytes: Uint8Array,
  maxExpanded: number,
  maxEntries: number,
  maxAttachments = 100,
): ZipChat {
  const out: ZipChat = { media: [] };
  let expanded = 0;
  let entries = 0;
  let stop = false;
  const uz = new Unzip();
  uz.register(UnzipInflate);
  uz.onfile = (file: UnzipFile) => {
    if (stop) return;
    if (++entries > maxEntries) {
      out.problem = `zip has more than ${maxEntries} entries`;
      stop = true;
      return;
    }
    const name = file.name.split('/').pop() ?? file.name;
    if (!name || file.name.endsWith('/') || file.name.startsWith('__MACOSX/')) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, data, final) => {
      if (stop) return;
      if (err) {
        out.problem = `zip entry ${name} is corrupt`;
        stop = true;
        return;
      }
      size += data.byteLength;
      expanded += data.byteLength;
      if (expanded > maxExpanded) {
        out.problem = `zip expands beyond ${maxExpanded} bytes (zip bomb?)`;
        stop = true;
        file.terminate();
        return;
      }
      chunks.push(data);
      if (!final) return;
      const all = concat(chunks, size);
      if (
        /\.txt$/i.test(name) &&
        (name === '_chat.txt' || /^WhatsApp Chat/i.test(name) || out.chatText === undefined)
      ) {
        out.chatText = new TextDecoder('utf-8').decode(all);
        out.chatName = name;
      } else if (out.media.length < maxAttachments) {
        out.media.push(attachmentMeta(name, undefined, all));
      }
    };
    try {
      file.start();
    } catch {
      out.problem = `zip entry ${name} uses an unsupported compression`;
    }
  };
  try {
    for (let i = 0; i < bytes.byteLength && !stop; i += SLICE) {
      const end = Math.min(i + SLICE, bytes.byteLength);
      uz.push(bytes.subarray(i, end), end === bytes.byteLength);
    }
  } catch (e) {
    out.problem ??= `zip could not be read: ${(e as Error).message}`.slice(0, 200);
  }
  return out;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const all = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    all.set(c, o);
    o += c.byteLength;
  }
  return all;
}

export const isZip = (bytes: Uint8Array) =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
