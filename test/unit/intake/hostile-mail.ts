/** Generators of hostile mail for the tests, the fuzzer and the bench. */
import { zipSync } from 'fflate';

const CRLF = '\r\n';
const enc = (s: string) => new TextEncoder().encode(s);

export const reportHeaders = (extra = '') =>
  `From: Sam Staffer <sam.staffer@parliament.uk>${CRLF}To: report@lurewatch.example${CRLF}Subject: FW: something odd${CRLF}Date: Mon, 15 Jan 2024 09:00:00 +0000${CRLF}Message-ID: <x@parliament.uk>${CRLF}MIME-Version: 1.0${CRLF}${extra}`;

export function brokenBoundaries(): Uint8Array {
  return enc(
    `${reportHeaders()}Content-Type: multipart/mixed; boundary="abc"${CRLF}${CRLF}--abd${CRLF}Content-Type: text/plain${CRLF}${CRLF}Hello 07700 900123${CRLF}--ab${CRLF}Content-Type: multipart/alternative; boundary=${CRLF}${CRLF}--${CRLF}--abc${CRLF}Content-Type: text/plain; charset=utf-8${CRLF}Content-Transfer-Encoding: base64${CRLF}${CRLF}!!!not base64!!!${CRLF}`,
  );
}

export function unknownCharset(): Uint8Array {
  return enc(
    `${reportHeaders()}Content-Type: text/plain; charset="x-klingon-9"${CRLF}Content-Transfer-Encoding: quoted-printable${CRLF}${CRLF}Hi, it's Abi =F0=9F=99=88 call me on 07700 900417=${CRLF}${CRLF}`,
  );
}

export function nestedRfc822(depth: number): Uint8Array {
  let inner = `From: Abi <abi@lure.test>${CRLF}To: victim@parliament.uk${CRLF}Subject: deep${CRLF}Content-Type: text/plain${CRLF}${CRLF}It's Abi, 07700 900417${CRLF}`;
  for (let i = 0; i < depth; i++) {
    const b = `b${i}`;
    inner = `From: fwd${i}@parliament.uk${CRLF}To: next@parliament.uk${CRLF}Subject: FW: deep ${i}${CRLF}MIME-Version: 1.0${CRLF}Content-Type: multipart/mixed; boundary="${b}"${CRLF}${CRLF}--${b}${CRLF}Content-Type: text/plain${CRLF}${CRLF}see attached${CRLF}--${b}${CRLF}Content-Type: message/rfc822${CRLF}Content-Disposition: attachment; filename="m${i}.eml"${CRLF}${CRLF}${inner}${CRLF}--${b}--${CRLF}`;
  }
  return enc(
    `${reportHeaders()}Content-Type: multipart/mixed; boundary="top"${CRLF}${CRLF}--top${CRLF}Content-Type: message/rfc822${CRLF}${CRLF}${inner}${CRLF}--top--${CRLF}`,
  );
}

export function manyParts(parts: number): Uint8Array {
  const chunks = [`${reportHeaders()}Content-Type: multipart/mixed; boundary="p"${CRLF}${CRLF}`];
  for (let i = 0; i < parts; i++)
    chunks.push(`--p${CRLF}Content-Type: text/plain${CRLF}${CRLF}part ${i}${CRLF}`);
  chunks.push(`--p--${CRLF}`);
  return enc(chunks.join(''));
}

export function hugeAttachment(bytes: number): Uint8Array {
  const line = `${'QUFB'.repeat(19)}${CRLF}`; // 76 base64 chars = 57 bytes
  const lines = Math.ceil(bytes / 57);
  const head = enc(
    `${reportHeaders()}Content-Type: multipart/mixed; boundary="h"${CRLF}${CRLF}--h${CRLF}Content-Type: text/plain${CRLF}${CRLF}see attached${CRLF}--h${CRLF}Content-Type: image/jpeg; name="big.jpg"${CRLF}Content-Disposition: attachment; filename="big.jpg"${CRLF}Content-Transfer-Encoding: base64${CRLF}${CRLF}`,
  );
  const tail = enc(`--h--${CRLF}`);
  const l = enc(line);
  const out = new Uint8Array(head.length + l.length * lines + tail.length);
  out.set(head, 0);
  for (let i = 0; i < lines; i++) out.set(l, head.length + i * l.length);
  out.set(tail, head.length + l.length * lines);
  return out;
}

/** A WhatsApp-looking .zip whose chat file inflates to `expanded` bytes of zeros. */
export function zipBomb(expanded: number): Uint8Array {
  return zipSync(
    { '_chat.txt': new Uint8Array(expanded), 'IMG-1.jpg': new Uint8Array(expanded) },
    { level: 9 },
  );
}

export function zipBombReport(expanded: number): Uint8Array {
  const zip = Buffer.from(zipBomb(expanded)).toString('base64').replace(/.{76}/g, `$&${CRLF}`);
  return enc(
    `${reportHeaders()}Content-Type: multipart/mixed; boundary="z"${CRLF}${CRLF}--z${CRLF}Content-Type: text/plain${CRLF}${CRLF}export attached${CRLF}--z${CRLF}Content-Type: application/zip; name="WhatsApp Chat - Abi.zip"${CRLF}Content-Disposition: attachment; filename="WhatsApp Chat - Abi.zip"${CRLF}Content-Transfer-Encoding: base64${CRLF}${CRLF}${zip}${CRLF}--z--${CRLF}`,
  );
}
