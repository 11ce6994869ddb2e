/**
 * `npx tsx test/eval/reported.ts [SET…]`: the independent sets scored as members actually
 * report them, not as bare messages: mail forwarded inline (Gmail) or attached (Outlook,
 * message/rfc822) under a staffer's covering note; chats as an iOS export or typed out in a
 * staffer's mail ("from a number I don't know, typed out below"). Prints, per wrapping, the
 * figures beside the bare ones and the messages whose verdict the wrapping changed, so intake
 * faults show up as flips (a chat whose sender shared the reporter's first name scored 0).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scoreFile } from '../../shared/cli/score.ts';
import { loadConfig } from '../../shared/config.ts';
import { type HoldoutMessage, SETS, scoreSet } from './holdout.ts';

const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');
const HEAD = (from: string, subject: string, id: string, type = 'text/plain; charset=utf-8') =>
  `From: ${from}\nTo: report@lurewatch.example\nSubject: ${subject}\nDate: Tue, 12 Nov 2024 11:00:00 +0000\nMessage-ID: <${id}@parliament.uk>\nMIME-Version: 1.0\nContent-Type: ${type}\nContent-Transfer-Encoding: 8bit\n\n`;
const STAFFER = 'Alex Reed <alex.reed@parliament.uk>';

/** The file a member would send for `m` in wrapping 0 or 1. */
export function reportedFileOf(m: HoldoutMessage, dir: string, wrapping: 0 | 1): string {
  const id = `${m.id}-${wrapping}`;
  const path = join(dir, `${id}.${m.channel === 'whatsapp' && wrapping === 0 ? 'txt' : 'eml'}`);
  const from = m.from ?? 'Someone <someone@example.test>';
  const subject = m.subject ?? '';
  let file: string;
  if (m.channel === 'email' && wrapping === 0) {
    file = `${HEAD(STAFFER, `Fwd: ${subject}`, id)}Is this genuine? I don't know the sender.\n\nAlex\n\n---------- Forwarded message ---------\nFrom: ${from}\nDate: Tue, 12 Nov 2024 at 10:00\nSubject: ${subject}\nTo: <alex.reed@parliament.uk>\n\n\n${m.text}\n`;
  } else if (m.channel === 'email') {
    const inner = `From: ${from}\nTo: alex.reed@parliament.uk\nSubject: ${subject}\nDate: Tue, 12 Nov 2024 10:00:00 +0000\nMessage-ID: <${id}-original@example.test>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n${m.text}\n`;
    file = `${HEAD(STAFFER, `FW: ${subject}`, id, 'multipart/mixed; boundary="report"')}--report\nContent-Type: text/plain; charset=utf-8\n\nForwarding for your review, please advise.\n\nAlex Reed\nOffice of Neil Hammond MP\n\n--report\nContent-Type: message/rfc822\nContent-Disposition: attachment; filename="message.eml"\n\n${inner}\n--report--\n`;
  } else if (m.channel === 'whatsapp' && wrapping === 0) {
    // Texts that are already exports stay as they are; others become one.
    const stamped = /^\[\d\d\/\d\d\/\d{4}/.test(m.text);
    file = stamped
      ? m.text
      : m.text
          .split(/\n+/)
          .filter(Boolean)
          .map((l, i) => `[12/11/2024, 22:${String(10 + (i % 50)).padStart(2, '0')}:07] Abi: ${l}`)
          .join('\n');
    writeFileSync(path, `${file}\n`);
    return path;
  } else {
    const what = m.channel === 'sms' ? 'a text message' : 'a WhatsApp message';
    file = `${HEAD(STAFFER, `${m.channel === 'sms' ? 'text' : 'WhatsApp'} from unknown number`, id)}Hello,\n\nI had ${what} last night from a number I don't know, 07700 900123. Typed out exactly below.\n\n"${m.text}"\n\nI haven't replied.\n\nAlex\n`;
  }
  writeFileSync(path, crlf(file));
  return path;
}

const WRAPPINGS = ['forwarded inline / iOS export', 'attached original / typed out'] as const;

export async function printReportedFigures(names: readonly string[]): Promise<void> {
  const config = loadConfig({});
  const dir = mkdtempSync(join(tmpdir(), 'lurewatch-reported-'));
  try {
    for (const name of names) {
      const file = (SETS as Record<string, string>)[name];
      if (!file) throw new Error(`no set named ${name}`);
      const bare = await scoreSet(file);
      const count = (rows: Array<{ lure: boolean; flagged: boolean }>) =>
        `${rows.filter((r) => r.lure && r.flagged).length}/${rows.filter((r) => r.lure).length} lures, ${rows.filter((r) => !r.lure && r.flagged).length}/${rows.filter((r) => !r.lure).length} false positives`;
      console.log(
        `${name} bare: ${count(bare.map((r) => ({ lure: r.m.label === 'lure', flagged: r.flagged })))}`,
      );
      for (const wrapping of [0, 1] as const) {
        const rows: Array<{ lure: boolean; flagged: boolean }> = [];
        const flips: string[] = [];
        for (const b of bare) {
          const line = await scoreFile(reportedFileOf(b.m, dir, wrapping), { config });
          const flagged = line.verdict !== undefined && line.verdict !== 'benign';
          rows.push({ lure: b.m.label === 'lure', flagged });
          if (flagged !== b.flagged)
            flips.push(`${b.m.id} (${b.m.channel} ${b.m.label}) ${b.line.score}→${line.score ?? line.error}`);
        }
        console.log(`  ${WRAPPINGS[wrapping]}: ${count(rows)}; changed: ${flips.join(', ') || 'none'}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const names = process.argv.slice(2);
  await printReportedFigures(names.length ? names : ['tuning7', 'tuning8']);
}
