/**
 * Matching helpers shared by the rules. Every pattern handed in must be linear (no nested
 * quantifiers over overlapping classes); these helpers only bound how many matches are looked at.
 */

const MAX_HITS = 50;
// A negation governs the next few words of its clause ("will never ask you to share a code"),
// but chats rarely punctuate: a kiss ("x") or a line break ends the clause, so "you do not
// remember me x add me on signal" does not read as a negated "add me on signal".
const NEGATION =
  /\b(?:no|not|never|without|nobody|don't|dont|do not|won't|will not|isn't|is not|n't)\b(?:[ \t]+(?!x{1,3}\b)[^\s.?!]+){0,5}[ \t]*$/;

/** A short quotable piece of the text: the match itself, trimmed, at most 80 characters. */
export function quote(s: string): string {
  const t = s.trim();
  return `"${t.length > 80 ? `${t.slice(0, 77)}...` : t}"`;
}

/** First match of a global or sticky-free pattern. */
export function first(text: string, re: RegExp): string | undefined {
  re.lastIndex = 0;
  const m = re.exec(text);
  re.lastIndex = 0;
  return m?.[0];
}

/** First match not preceded (within its clause) by a negation: "no login required" is no lure. */
export function firstAffirmed(text: string, re: RegExp): string | undefined {
  if (!re.global) throw new Error('firstAffirmed needs a global pattern');
  re.lastIndex = 0;
  let hits = 0;
  for (let m = re.exec(text); m && hits < MAX_HITS; m = re.exec(text), hits++) {
    if (m[0] === '') re.lastIndex++;
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    if (!NEGATION.test(before)) {
      re.lastIndex = 0;
      return m[0];
    }
  }
  re.lastIndex = 0;
  return undefined;
}

/** Distinct matched strings of a global pattern, up to `limit`. */
export function distinct(text: string, re: RegExp, limit = 6): string[] {
  if (!re.global) throw new Error('distinct needs a global pattern');
  re.lastIndex = 0;
  const out = new Set<string>();
  let hits = 0;
  for (let m = re.exec(text); m && hits < MAX_HITS && out.size < limit; m = re.exec(text), hits++) {
    if (m[0] === '') re.lastIndex++;
    out.add(m[0].trim());
  }
  re.lastIndex = 0;
  return [...out];
}

/**
 * A match of `anchor` with a match of `near` within `after` characters after it or `before`
 * characters before it: "we met … at the Pugin Room". Returns both pieces.
 */
export function nearPair(
  text: string,
  anchor: RegExp,
  near: RegExp,
  after = 120,
  before = 60,
): { anchor: string; near: string } | undefined {
  if (!anchor.global) throw new Error('nearPair needs a global anchor');
  anchor.lastIndex = 0;
  let hits = 0;
  for (let m = anchor.exec(text); m && hits < MAX_HITS; m = anchor.exec(text), hits++) {
    if (m[0] === '') anchor.lastIndex++;
    const window = text.slice(Math.max(0, m.index - before), m.index + m[0].length + after);
    near.lastIndex = 0;
    const n = near.exec(window);
    near.lastIndex = 0;
    if (n) {
      anchor.lastIndex = 0;
      return { anchor: m[0], near: n[0] };
    }
  }
  anchor.lastIndex = 0;
  return undefined;
}

/** Builds a global, case-insensitive regex from alternatives (already-escaped sources). */
export function anyOf(alternatives: readonly string[], flags = 'g'): RegExp {
  return new RegExp(`(?:${alternatives.join('|')})`, flags);
}

/** Wraps alternatives in word boundaries. */
export function words(alternatives: readonly string[], flags = 'g'): RegExp {
  return new RegExp(`\\b(?:${alternatives.join('|')})\\b`, flags);
}
