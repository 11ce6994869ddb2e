/**
 * Header blocks that mail clients put above a forwarded message in the body:
 *   Gmail        "---------- Forwarded message ---------" then From/Date/Subject/To
 *   Outlook      "From: / Sent: / To: / Cc: / Subject:" (desktop, often after a ____ rule),
 *                "-----Original Message-----", web's "**From:**"
 *   Apple Mail   "Begin forwarded message:" then From/Subject/Date/To/Reply-To, maybe "> "-quoted
 * A forward of a forward has several; the last one introduces the original.
 */
import { parseAddressLine } from '../names.ts';

export type ForwardStyle = 'gmail' | 'outlook' | 'apple' | 'original-message' | 'plain';

export interface BlockAddress {
  name?: string;
  address?: string;
}

export interface ForwardBlock {
  style: ForwardStyle;
  /** Index of the first line of the block (the marker, or the From line). */
  start: number;
  /** Index of the first line after the block's headers. */
  end: number;
  from?: BlockAddress;
  to: BlockAddress[];
  cc: BlockAddress[];
  replyTo: BlockAddress[];
  date?: string;
  subject?: string;
}

const MARKERS: Array<[RegExp, ForwardStyle]> = [
  [/^-{3,}\s*Forwarded message\s*-{3,}$/i, 'gmail'],
  [/^Begin forwarded message:?$/i, 'apple'],
  [/^-{3,}\s*Original Message\s*-{3,}$/i, 'original-message'],
  [/^-{3,}\s*(Message transféré|Weitergeleitete Nachricht|Mensaje reenviado)\s*-{3,}$/i, 'gmail'],
  [/^_{10,}$/, 'outlook'],
];

const FIELD: Record<string, 'from' | 'to' | 'cc' | 'date' | 'subject' | 'replyTo'> = {
  from: 'from',
  de: 'from',
  von: 'from',
  van: 'from',
  sent: 'date',
  date: 'date',
  envoyé: 'date',
  gesendet: 'date',
  datum: 'date',
  to: 'to',
  à: 'to',
  an: 'to',
  aan: 'to',
  cc: 'cc',
  subject: 'subject',
  objet: 'subject',
  betreff: 'subject',
  onderwerp: 'subject',
  'reply-to': 'replyTo',
};

const HEADER = /^\s*\*{0,2}([A-Za-zéèà-]{2,10})\s*:\*{0,2}\s*(.*)$/;

/** A line with the "> " quoting of a reply/forward removed. */
export const unquote = (line: string) => line.replace(/^(?:\s*>)+\s?/, '');

function headerOf(line: string): [key: (typeof FIELD)[string], value: string] | undefined {
  const m = HEADER.exec(unquote(line));
  if (!m) return undefined;
  const key = FIELD[m[1]!.toLowerCase()];
  return key ? [key, m[2]!.replace(/\*\*/g, '').trim()] : undefined;
}

export function findForwardBlocks(lines: string[], maxBlocks = 20): ForwardBlock[] {
  const blocks: ForwardBlock[] = [];
  for (let i = 0; i < lines.length && blocks.length < maxBlocks; i++) {
    const plain = unquote(lines[i]!).trim();
    let style: ForwardStyle | undefined;
    let j = i;
    for (const [re, s] of MARKERS) {
      if (re.test(plain)) {
        style = s;
        j = i + 1;
        while (j < lines.length && j - i < 4 && !unquote(lines[j]!).trim()) j++;
        break;
      }
    }
    const first = headerOf(lines[j] ?? '');
    if (first?.[0] !== 'from') continue;
    const block: ForwardBlock = { style: style ?? 'plain', start: i, end: j, to: [], cc: [], replyTo: [] };
    const seen = new Set<string>();
    let k = j;
    let lastKey: string | undefined;
    for (; k < lines.length && k - j < 30; k++) {
      const raw = lines[k]!;
      if (!unquote(raw).trim()) break;
      const h = headerOf(raw);
      if (!h) {
        // A wrapped To:/Cc: list continues on an indented line.
        if (lastKey && /^\s+\S/.test(unquote(raw)) && (lastKey === 'to' || lastKey === 'cc')) {
          const list = block[lastKey];
          list.push(...parseAddressLine(unquote(raw)));
          continue;
        }
        break;
      }
      const [key, value] = h;
      seen.add(key);
      lastKey = key;
      if (key === 'from') block.from = parseAddressLine(value)[0];
      else if (key === 'date') block.date = value.slice(0, 64);
      else if (key === 'subject') block.subject = value.slice(0, 998);
      else block[key].push(...parseAddressLine(value).slice(0, 50));
    }
    // "From:" alone is prose; a block has From plus a date, a subject or recipients.
    const fields = ['date', 'subject', 'to'].filter((f) => seen.has(f)).length;
    if (fields >= (style && style !== 'outlook' ? 1 : 2)) {
      block.end = k;
      if (style === 'outlook' || (!style && seen.has('date') && /sent/i.test(lines.slice(j, k).join('\n'))))
        block.style = 'outlook';
      blocks.push(block);
      i = k - 1;
    }
  }
  return blocks;
}
