/**
 * Matching helpers shared by the rules. Every pattern handed in must be linear (no nested
 * quantifiers over overlapping classes); these helpers only bound how many matches are looked at.
 */

import { compile, Matches, register, scanOf, unindexed } from './prefilter.ts';

export { register, unindexed };

const MAX_HITS = 50;
// A negation governs the next few words of its clause ("will never ask you to move money or
// share a code"), but chats rarely punctuate: a kiss ("x"), "but", "just" or a line break ends
// the clause, so "you do not remember me x add me on signal" does not read as a negated "add me
// on signal", nor "don't share it with anyone, just send it to me" as a negated "send it".
const NEGATION =
  /\b(?:no|not|never|without|nobody|don't|dont|do not|won't|will not|isn't|is not|n't)\b(?:[ \t]+(?!x{1,3}\b|but\b|just\b)[^\s.?!]+){0,8}[ \t]*$/;

/**
 * "We'll never ask you to move money to a safe account or share a passcode": what a bank or a
 * service says it will never ask governs the rest of its sentence, however long, unless "but",
 * "just" or "however" turns it round.
 */
const NEVER_ASKS =
  /\b(?:never|not|n't|won'?t) (?:ever )?(?:ask|request|require|contact you to|call you to)s? (?:you |anyone |customers |members |staff )?(?:to|for)\b/g;
const CLAUSE_TURN = /[.?!\n]|\b(?:but|just|however|instead)\b/;

/** Whether the text just before `at` is inside a "we'll never ask you to …" sentence. */
function neverAsked(text: string, at: number): boolean {
  const window = text.slice(Math.max(0, at - 200), at);
  let end = -1;
  NEVER_ASKS.lastIndex = 0;
  for (let m = NEVER_ASKS.exec(window); m; m = NEVER_ASKS.exec(window)) end = m.index + m[0].length;
  NEVER_ASKS.lastIndex = 0;
  return end >= 0 && !CLAUSE_TURN.test(window.slice(end));
}

/** A short quotable piece of the text: the match itself, trimmed, at most 80 characters. */
export function quote(s: string): string {
  const t = s.trim();
  return `"${t.length > 80 ? `${t.slice(0, 77)}...` : t}"`;
}

/** First match of a global or sticky-free pattern. */
export function first(text: string, re: RegExp): string | undefined {
  return firstMatch(text, re)?.[0];
}

/** First match (the exec array) of a global pattern, found through the literal prefilter. */
export function firstMatch(text: string, re: RegExp): RegExpExecArray | null {
  if (!re.global) {
    re.lastIndex = 0;
    const m = re.exec(text);
    re.lastIndex = 0;
    return m;
  }
  return new Matches(text, compile(re)).next();
}

/** The matches of a global pattern in order, as a global exec loop from index 0 finds them. */
export function matches(text: string, re: RegExp): Matches {
  return new Matches(text, compile(re));
}

/** First match not preceded (within its clause) by a negation: "no login required" is no lure. */
export function firstAffirmed(text: string, re: RegExp): string | undefined {
  if (!re.global) throw new Error('firstAffirmed needs a global pattern');
  const it = matches(text, re);
  let hits = 0;
  for (let m = it.next(); m && hits < MAX_HITS; m = it.next(), hits++) {
    if (m[0] === '') it.skipOne();
    const before = text.slice(Math.max(0, m.index - 60), m.index);
    if (NEGATION.test(before)) continue;
    if (neverAsked(text, m.index)) continue;
    return m[0];
  }
  return undefined;
}

/** Distinct matched strings of a global pattern, up to `limit`. */
export function distinct(text: string, re: RegExp, limit = 6): string[] {
  if (!re.global) throw new Error('distinct needs a global pattern');
  const it = matches(text, re);
  const out = new Set<string>();
  let hits = 0;
  for (let m = it.next(); m && hits < MAX_HITS && out.size < limit; m = it.next(), hits++) {
    if (m[0] === '') it.skipOne();
    out.add(m[0].trim());
  }
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
  const it = matches(text, anchor);
  const nearC = compile(near);
  let hits = 0;
  for (let m = it.next(); m && hits < MAX_HITS; m = it.next(), hits++) {
    if (m[0] === '') it.skipOne();
    const from = Math.max(0, m.index - before);
    const to = Math.min(text.length, m.index + m[0].length + after);
    // `near` can only match in the window if one of its literals lies wholly inside it.
    if (!scanOf(text).anyWithin(nearC, from, to)) continue;
    const window = text.slice(from, to);
    near.lastIndex = 0;
    const n = near.exec(window);
    near.lastIndex = 0;
    if (n) return { anchor: m[0], near: n[0] };
  }
  return undefined;
}

/** The source `anyOf` builds, for patterns assembled from parts. */
export function anyOfSource(alternatives: readonly string[]): string {
  return `(?:${alternatives.join('|')})`;
}

/** The source `words` builds, for patterns assembled from parts. */
export function wordsSource(alternatives: readonly string[]): string {
  return `\\b(?:${alternatives.join('|')})\\b`;
}

/**
 * Alternatives that start with a currency sign ("£2,500 in bitcoin"): `\b` before "£" would
 * need a letter or digit right before it, so these are delimited by what precedes them instead.
 * Ends at a word boundary like `wordsSource`.
 */
export function sumsSource(alternatives: readonly string[]): string {
  return `(?<![\\w\\u00a3$])(?:${alternatives.join('|')})\\b`;
}

/** `words` and `sumsSource` alternatives in one global pattern. */
export function wordsAndSums(
  wordAlternatives: readonly string[],
  sumAlternatives: readonly string[],
): RegExp {
  return register(new RegExp(`${wordsSource(wordAlternatives)}|${sumsSource(sumAlternatives)}`, 'g'));
}

/** Builds a global, case-insensitive regex from alternatives (already-escaped sources). */
export function anyOf(alternatives: readonly string[], flags = 'g'): RegExp {
  return register(new RegExp(anyOfSource(alternatives), flags));
}

/** Wraps alternatives in word boundaries. */
export function words(alternatives: readonly string[], flags = 'g'): RegExp {
  return register(new RegExp(wordsSource(alternatives), flags));
}
