/**
 * Attachments that run code or smuggle it: executables, scripts, macro documents, HTML
 * (credential forms), disk images, double extensions ("minutes.pdf.exe").
 */
import type { Rule } from '../rule.ts';

const EXECUTABLE =
  /\.(?:exe|scr|com|pif|bat|cmd|msi|msix|js|jse|vbs|vbe|wsf|wsh|hta|ps1|psm1|lnk|jar|cpl|dll|reg|appx|application|gadget|msc|url|scf|chm|one|xll|iqy|slk|appref-ms)$/i;
const MACRO = /\.(?:docm|dotm|xlsm|xltm|xlam|xlsb|pptm|potm|ppam|ppsm|sldm)$/i;
const HTML = /\.(?:html?|shtml|xhtml|mht|mhtml|svg)$/i;
const DISK = /\.(?:iso|img|vhdx?|dmg|udf)$/i;
const ARCHIVE = /\.(?:zip|rar|7z|ace|cab|gz|tgz|tar|arj|lzh|xz|bz2)$/i;
/** Legacy Office formats carry macros too, behind the same "enable content" bar. */
const LEGACY_OFFICE = /\.(?:doc|xls|ppt|dot|xlt)$/i;
const DOUBLE = /\.(?:pdf|docx?|xlsx?|pptx?|jpe?g|png|txt|rtf)\s*\.[a-z0-9]{2,5}$/i;
const RISKY_TYPE =
  /x-msdownload|x-msdos-program|x-dosexec|hta|x-ms-shortcut|vnd\.ms-word\.document\.macroenabled|macroenabled|x-iso9660-image|x-apple-diskimage/i;
const CHAT_ATTACHMENT = /<attached:\s*([^>]{1,200})>/gi;
/** One look instead of four: the cue words CHAT_ATTACHMENT's callers need ("<attached:" holds "attach"). */
const NAMES_A_FILE = /attach|contains|enclosed/;

export function classify(name: string, type: string): [number, string] | undefined {
  if (DOUBLE.test(name) && (EXECUTABLE.test(name) || HTML.test(name)))
    return [0.6, 'disguised double extension'];
  if (EXECUTABLE.test(name)) return [0.6, 'executable or script'];
  if (DISK.test(name)) return [0.5, 'disk image'];
  if (MACRO.test(name)) return [0.45, 'macro-enabled document'];
  if (HTML.test(name)) return [0.4, 'HTML file'];
  if (RISKY_TYPE.test(type)) return [0.5, `risky type ${type}`];
  if (LEGACY_OFFICE.test(name)) return [0.15, 'legacy Office document'];
  if (ARCHIVE.test(name)) return [0.15, 'archive'];
  return undefined;
}

export const riskyAttachment: Rule = {
  id: 'spearphish.risky-attachment',
  category: 'spearphish',
  kind: 'technical',
  reason: 'carries a risky attachment',
  evaluate(view) {
    const names: Array<[string, string]> = view.attachments.map((a) => [a.name ?? '', a.contentType ?? '']);
    // The text is lowercase, so a marker or a named attachment is there only if these literals are.
    const t = view.text.plain;
    if (NAMES_A_FILE.test(t)) {
      CHAT_ATTACHMENT.lastIndex = 0;
      let n = 0;
      for (let m = CHAT_ATTACHMENT.exec(t); m && n < 50; m = CHAT_ATTACHMENT.exec(t), n++) {
        names.push([(m[1] ?? m[2])!.trim(), '']);
      }
      CHAT_ATTACHMENT.lastIndex = 0;
    }
    let best: [number, string, string] | undefined;
    for (const [name, type] of names) {
      const c = classify(name.trim(), type);
      if (c && (!best || c[0] > best[0])) best = [c[0], c[1], name];
    }
    return best ? { weight: best[0], evidence: `${best[1]}: ${best[2].slice(0, 80)}` } : undefined;
  },
};
