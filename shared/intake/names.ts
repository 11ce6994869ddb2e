/** Display names and email addresses as people and mail clients write them. */

const MARKS = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

export const stripMarks = (s: string) => s.replace(MARKS, '');

/** "SELBY, Martin" (Outlook's directory style) → "Martin Selby"; quotes and marks dropped. */
export function normaliseName(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let s = stripMarks(raw)
    // Saved names carry emoji ("Jess 💛", "Sarah ❤️"): the name is what correlates.
    .replace(/\p{Extended_Pictographic}|\u{fe0f}|\u{200d}|[\u{1f3fb}-\u{1f3ff}]/gu, '')
    .replace(/^["'\s~]+|["'\s]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const m = /^([A-Z][A-Z'-]+), ([A-Z][\w'-]+(?: [A-Z][\w'-]+)*)$/.exec(s);
  if (m) s = `${m[2]} ${m[1]!.charAt(0)}${m[1]!.slice(1).toLowerCase()}`;
  if (!s || s.includes('@')) return undefined;
  return s.slice(0, 256);
}

export const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

export function sameAddress(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
}

const EMAIL_RE = /[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

export function isEmail(s: string): boolean {
  return /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/.test(s) && s.length <= 320;
}

export function findEmails(text: string, max = 100): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(EMAIL_RE)) {
    out.add(m[0].replace(/^[.'-]+|[.'-]+$/g, '').toLowerCase());
    if (out.size >= max) break;
  }
  return [...out].filter(isEmail);
}

/** The domain of an address, lower-case. */
export const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/** True when the domain is one of `domains` or a subdomain of one. */
export function inDomains(address: string, domains: readonly string[]): boolean {
  const d = domainOf(address);
  return domains.some((x) => d === x.toLowerCase() || d.endsWith(`.${x.toLowerCase()}`));
}

/** One "Name <addr>" / "addr" / "Name [mailto:addr]" / "Name" header value from a pasted block. */
export function parseAddressLine(value: string): Array<{ name?: string; address?: string }> {
  const out: Array<{ name?: string; address?: string }> = [];
  // Split on ; or on commas that follow an address (Outlook names contain commas: "SELBY, Martin").
  const parts = value.split(/;|(?<=[>\]])\s*,/);
  for (const part of parts) {
    const p = part.trim();
    if (!p) continue;
    const email = findEmails(p, 1)[0];
    const name = normaliseName(
      p
        .replace(/<[^>]*>|\[mailto:[^\]]*\]|\([^)]*@[^)]*\)/gi, '')
        .replace(EMAIL_RE, '')
        .trim(),
    );
    if (email || name) out.push({ ...(name ? { name } : {}), ...(email ? { address: email } : {}) });
  }
  return out;
}
