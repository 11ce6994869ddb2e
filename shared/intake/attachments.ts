/** Attachment metadata: type, size, sha256 over the bytes. The bytes themselves go nowhere. */
import { createHash } from 'node:crypto';
import type { AttachmentMeta } from '../domain/report.ts';

const IMAGE_EXT = /\.(jpe?g|png|gif|heic|heif|webp|bmp|tiff?)$/i;
const EXT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  opus: 'audio/ogg',
  ogg: 'audio/ogg',
  m4a: 'audio/mp4',
  pdf: 'application/pdf',
  txt: 'text/plain',
  vcf: 'text/vcard',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  zip: 'application/zip',
};

export function contentTypeFor(name: string | undefined, declared?: string): string {
  const d = declared?.toLowerCase().split(';')[0]?.trim();
  if (d && d !== 'application/octet-stream') return d.slice(0, 256);
  const ext = name?.toLowerCase().match(/\.([a-z0-9]{1,5})$/)?.[1];
  return (ext && EXT_TYPES[ext]) ?? 'application/octet-stream';
}

export function isImage(name: string | undefined, contentType: string): boolean {
  return contentType.startsWith('image/') || IMAGE_EXT.test(name ?? '') || /-PHOTO-/i.test(name ?? '');
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const cleanName = (name: string | null | undefined) =>
  name
    ? name
        .replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e]/g, '')
        .trim()
        .slice(0, 512) || undefined
    : undefined;

export function attachmentMeta(
  name: string | null | undefined,
  declaredType: string | undefined,
  bytes: Uint8Array,
): AttachmentMeta {
  const n = cleanName(name);
  const contentType = contentTypeFor(n, declaredType);
  return {
    ...(n ? { name: n } : {}),
    contentType,
    size: bytes.byteLength,
    sha256: sha256Hex(bytes),
    isImage: isImage(n, contentType),
  };
}

/** A media entry named in a chat export whose bytes we do not have (metadata only, size 0). */
export function mediaMeta(
  name: string | undefined,
  kind?: 'image' | 'video' | 'audio' | 'document',
): AttachmentMeta {
  const n = cleanName(name);
  const guessed = contentTypeFor(n);
  const contentType =
    guessed !== 'application/octet-stream'
      ? guessed
      : kind === 'image'
        ? 'image/jpeg'
        : kind === 'video'
          ? 'video/mp4'
          : kind === 'audio'
            ? 'audio/ogg'
            : 'application/octet-stream';
  return {
    ...(n ? { name: n } : {}),
    contentType,
    size: 0,
    isImage: kind === 'image' || isImage(n, contentType),
  };
}
