/** Builds a minimal Outlook .msg (a CFB file with MAPI property streams) for the tests. */
import { burn } from '@kenjiuno/msgreader/lib/Burner.js';

const STRING = '001F'; // PT_UNICODE
const TAGS = {
  subject: '0037',
  body: '1000',
  senderName: '0C1A',
  senderEmail: '0C1F',
  senderSmtp: '5D01',
  addrType: '0C1E',
};

export function buildMsg(fields: {
  subject: string;
  body: string;
  senderName: string;
  senderEmail: string;
}): Uint8Array {
  const values: Array<[string, string]> = [
    [TAGS.subject, fields.subject],
    [TAGS.body, fields.body],
    [TAGS.senderName, fields.senderName],
    [TAGS.senderEmail, fields.senderEmail],
    [TAGS.senderSmtp, fields.senderEmail],
    [TAGS.addrType, 'SMTP'],
  ];
  const root = { name: 'Root Entry', type: 5, length: 0, children: [] as number[] };
  const props = new Uint8Array(32);
  const entries: Array<Parameters<typeof burn>[0][number]> = [
    root,
    { name: '__properties_version1.0', type: 2, length: props.length, binaryProvider: () => props },
  ];
  for (const [tag, value] of values) {
    const data = new Uint8Array(Buffer.from(value, 'utf16le'));
    entries.push({
      name: `__substg1.0_${tag}${STRING}`,
      type: 2,
      length: data.length,
      binaryProvider: () => data,
    });
  }
  root.children = entries.map((_, i) => i).slice(1);
  return burn(entries);
}
