/** URLs in a message, with the visible text of HTML links so a text/target mismatch shows. */
import type { LinkRef } from '../domain/report.ts';
import { decodeEntities } from './html.ts';

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'`{}|\\^\]]+/gi;
const ANCHOR_RE = /<a\b([^>]{0,2000})>([\s\S]{0,2000}?)<\/a\s*>/gi;
const HREF_RE = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

const trimUrl = (u: string) => u.replace(/[.,;:!?)\]}'"»]+$/, '');

export function urlsInText(text: string, max = 500): LinkRef[] {
  const out: LinkRef[] = [];
  for (const m of text.matchAll(URL_RE)) {
    out.push({ url: trimUrl(m[0]).slice(0, 4096) });
    if (out.length >= max) break;
  }
  return out;
}

export function urlsInHtml(html: string, max = 500): LinkRef[] {
  const out: LinkRef[] = [];
  for (const m of html.matchAll(ANCHOR_RE)) {
    const h = HREF_RE.exec(m[1] ?? '');
    const href = decodeEntities((h?.[1] ?? h?.[2] ?? h?.[3] ?? '').trim());
    if (!/^(https?:|www\.)/i.test(href)) continue;
    const text = decodeEntities((m[2] ?? '').replace(/<[^>]*>/g, ''))
      .replace(/\s+/g, ' ')
      .trim();
    out.push({ url: href.slice(0, 4096), ...(text ? { text: text.slice(0, 1024) } : {}) });
    if (out.length >= max) break;
  }
  return out;
}

/** HTML links first (they carry their visible text), then bare URLs not already seen. */
export function mergeLinks(lists: LinkRef[][], max = 500): LinkRef[] {
  const seen = new Map<string, LinkRef>();
  for (const list of lists) {
    for (const l of list) {
      const prev = seen.get(l.url);
      if (!prev) seen.set(l.url, l);
      else if (!prev.text && l.text) seen.set(l.url, l);
      if (seen.size >= max) return [...seen.values()];
    }
  }
  return [...seen.values()];
}
