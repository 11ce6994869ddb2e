/**
 * Chats a reporter typed out into an email from screenshots, in the shapes people use:
 *   "Mon 6 Nov" on its own line, then "22:58 Charlie: text"
 *   "Fri 9 Feb, 23:06 - Charlie: text"
 *   "Sat 27 Jan, 23:48:" then the message in quotes on the next line
 * and SMS quoted in the body ("…" on its own line). Bracketed notes such as
 * "[photo - I didn't open it]" are media entries, not text.
 */
import { mediaMeta } from '../attachments.ts';
import { type ChatLine, UNNAMED_SENDER } from './assemble.ts';

const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\\.?';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?';
const DATE = `(?:${DAY},?\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?)|${DAY}|Today|Yesterday`;
const TIME = '\\d{1,2}[:.]\\d{2}(?:\\s?[ap]\\.?m\\.?)?';
const LINE = new RegExp(
  `^\\s*(?:\\[?(${DATE}),?\\s+(?:at\\s+)?)?\\[?(${TIME})\\]?\\s*(?:[-–]\\s*)?([^:\\n]{1,40}?):\\s+(.+)$`,
  'i',
);
const DATE_HEADER = new RegExp(`^\\s*(${DATE})(?:\\s+\\d{4})?\\s*:?\\s*$`, 'i');
const STAMP_ONLY = new RegExp(`^\\s*(?:(${DATE}),?\\s+(?:at\\s+)?)?(${TIME})\\s*:?\\s*$`, 'i');
const MEDIA_NOTE =
  /^[[(]\s*(?:an?\s+)?(photo|image|picture|pic|selfie|video|voice note|audio|gif|sticker|file|document)\b[^\])]{0,300}[\])]$/i;
const QUOTE = /^\s*["“]([\s\S]{12,4000}?)["”]\s*$/;

export interface TypedChat {
  lines: ChatLine[];
  /** Line numbers of the body that belonged to the chat (the rest is the reporter's own words). */
  used: Set<number>;
  kind: 'chat' | 'quoted';
}

function mediaOfNote(text: string) {
  const m = MEDIA_NOTE.exec(text.trim());
  if (!m) return undefined;
  const k = m[1]!.toLowerCase();
  const kind = /photo|image|picture|pic|selfie|gif/.test(k)
    ? 'image'
    : k === 'video'
      ? 'video'
      : /voice|audio/.test(k)
        ? 'audio'
        : undefined;
  return mediaMeta(undefined, kind);
}

export function parseTypedChat(body: string): TypedChat | undefined {
  const rows = body.split(/\r?\n/);
  const lines: ChatLine[] = [];
  const used = new Set<number>();
  let day: string | undefined;
  for (let i = 0; i < rows.length; i++) {
    // A pasted chat may open with a quote mark: "Typed out below: \"[15/01, 22:41] Abi: …".
    const row = rows[i]!.replace(/^>\s?/, '').replace(/^(\s*)["\u201c](?=\[?\d)/, '$1');
    const header = DATE_HEADER.exec(row);
    if (header) {
      day = header[1];
      used.add(i);
      continue;
    }
    const m = LINE.exec(row);
    if (!m) continue;
    const author = m[3]!.trim();
    // "Note: …", "Subject: …" are prose; an author is a short name or a number.
    if (/^(note|subject|from|to|sent|date|cc|re|ps|p\.s|tel|mob|mobile|phone|number|ref)$/i.test(author))
      continue;
    if (author.split(/\s+/).length > 4) continue;
    const at = [m[1] ?? day, m[2]].filter(Boolean).join(' ');
    const text = m[4]!.trim();
    const media = mediaOfNote(text);
    lines.push({ at, author, text, system: false, ...(media ? { media } : {}) });
    used.add(i);
  }
  if (lines.length >= 2) return { lines, used, kind: 'chat' };
  return parseQuotedMessages(rows);
}

/** SMS pasted as quotes: each quote on its own line(s) is one message from the other party. */
function parseQuotedMessages(rows: string[]): TypedChat | undefined {
  const lines: ChatLine[] = [];
  const used = new Set<number>();
  let stamp: string | undefined;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!.replace(/^>\s?/, '');
    const s = STAMP_ONLY.exec(row);
    if (s) {
      stamp = [s[1], s[2]].filter(Boolean).join(' ');
      used.add(i);
      continue;
    }
    // A quote may span lines: gather until the closing quote.
    if (/^\s*["“]/.test(row)) {
      let j = i;
      let acc = row;
      while (!/["”]\s*$/.test(acc.trimEnd()) && j + 1 < rows.length && j - i < 40 && rows[j + 1]!.trim()) {
        j++;
        acc += `\n${rows[j]!.replace(/^>\s?/, '')}`;
      }
      const q = QUOTE.exec(acc);
      if (q) {
        lines.push({
          ...(stamp ? { at: stamp } : {}),
          author: UNNAMED_SENDER,
          text: q[1]!.trim(),
          system: false,
        });
        for (let k = i; k <= j; k++) used.add(k);
        i = j;
      }
      stamp = undefined;
    }
  }
  return lines.length ? { lines, used, kind: 'quoted' } : undefined;
}
