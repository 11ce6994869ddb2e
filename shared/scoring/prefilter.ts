/**
 * Exact literal prefilter for the rules' patterns. Each registered pattern is parsed once at
 * module load and reduced to "anchors": literal strings of which every match must contain one,
 * each at a known range of offsets from the match start. One Aho-Corasick automaton over all
 * anchors runs once per text; a pattern none of whose anchors occur cannot match and is never
 * run, and a pattern whose anchors occur is tried (sticky, on the whole text, so \b and
 * look-behinds see the same characters) only at the start positions its anchor hits allow.
 * The matches found are exactly those of a global scan from the start of the text, in order.
 *
 * Anything the small parser below does not understand leaves the pattern unanchored: it is
 * then simply scanned in full, as before. Nothing here changes what a pattern matches.
 */

// ---- A parser for the regex subset the vocabularies use -------------------------------------

type Node = (
  | { t: 'alt'; alts: Node[] }
  | { t: 'seq'; items: Node[] }
  | { t: 'group'; body: Node }
  | { t: 'look'; body: Node }
  | { t: 'assert'; b: boolean } // b: \b; otherwise ^ $ \B (zero width)
  | { t: 'set'; ranges: number[]; neg: boolean } // code point ranges, inclusive pairs
  | { t: 'quant'; body: Node; min: number; max: number }
  | { t: 'lit'; s: string } // a run of plain characters, merged by the parser
) & {
  /** Memoised by the analysis: length range, and finite string set (null: not finite). */
  len?: [number, number];
  fin?: string[] | null;
};

class Unsupported extends Error {}

const WORD_RANGES = [48, 57, 65, 90, 95, 95, 97, 122];
const DIGIT_RANGES = [48, 57];
const SPACE_RANGES = [
  9, 13, 32, 32, 160, 160, 5760, 5760, 8192, 8202, 8232, 8233, 8239, 8239, 8287, 8287, 12288, 12288, 65279,
  65279,
];

function parse(source: string, unicode: boolean): Node {
  let i = 0;
  const peek = () => source[i];
  const fail = (): never => {
    throw new Unsupported(`unsupported at ${i}: ${source.slice(i, i + 12)}`);
  };
  const hex = (n: number) => {
    const h = source.slice(i, i + n);
    if (h.length !== n || !/^[0-9a-fA-F]+$/.test(h)) fail();
    i += n;
    return Number.parseInt(h, 16);
  };
  /** An escape after the backslash: a set of ranges, or a zero-width assertion. */
  const escapeAt = (inClass: boolean): Node => {
    const c = source[i++];
    if (c === undefined) return fail();
    switch (c) {
      case 'd':
        return { t: 'set', ranges: DIGIT_RANGES, neg: false };
      case 'D':
        return { t: 'set', ranges: DIGIT_RANGES, neg: true };
      case 'w':
        return { t: 'set', ranges: WORD_RANGES, neg: false };
      case 'W':
        return { t: 'set', ranges: WORD_RANGES, neg: true };
      case 's':
        return { t: 'set', ranges: SPACE_RANGES, neg: false };
      case 'S':
        return { t: 'set', ranges: SPACE_RANGES, neg: true };
      case 'b':
        return inClass ? single(8) : { t: 'assert', b: true };
      case 'B':
        return inClass ? fail() : { t: 'assert', b: false };
      case 'n':
        return single(10);
      case 't':
        return single(9);
      case 'r':
        return single(13);
      case 'f':
        return single(12);
      case 'v':
        return single(11);
      case 'x':
        return single(hex(2));
      case 'u': {
        if (source[i] === '{') {
          if (!unicode) return fail();
          const end = source.indexOf('}', i);
          if (end < 0) return fail();
          const cp = Number.parseInt(source.slice(i + 1, end), 16);
          if (!Number.isFinite(cp)) return fail();
          i = end + 1;
          return single(cp);
        }
        const cp = hex(4);
        if (cp >= 0xd800 && cp <= 0xdfff) return fail();
        return single(cp);
      }
      default:
        if (/[0-9a-zA-Z]/.test(c)) return fail(); // back-references, \c, \p, \k…
        return single(c.codePointAt(0)!);
    }
  };
  const single = (cp: number): Node => ({ t: 'set', ranges: [cp, cp], neg: false });
  const literalAt = (): number => {
    const cp = unicode ? source.codePointAt(i)! : source.charCodeAt(i);
    i += cp > 0xffff ? 2 : 1;
    return cp;
  };
  const charClass = (): Node => {
    // after '['
    let neg = false;
    if (peek() === '^') {
      neg = true;
      i++;
    }
    const ranges: number[] = [];
    const classAtom = (): number[] => {
      if (peek() === '\\') {
        i++;
        const n = escapeAt(true);
        if (n.t !== 'set' || n.neg) return fail();
        return n.ranges;
      }
      const cp = literalAt();
      if (!unicode && cp >= 0xd800 && cp <= 0xdfff) fail();
      return [cp, cp];
    };
    while (peek() !== ']') {
      if (peek() === undefined) fail();
      const a = classAtom();
      if (peek() === '-' && source[i + 1] !== ']' && a.length === 2 && a[0] === a[1]) {
        i++;
        const b = classAtom();
        if (b.length !== 2 || b[0] !== b[1] || b[0]! < a[0]!) fail();
        ranges.push(a[0]!, b[0]!);
      } else ranges.push(...a);
    }
    i++;
    return { t: 'set', ranges, neg };
  };
  const atom = (): Node | undefined => {
    const c = peek();
    if (c === undefined || c === '|' || c === ')') return undefined;
    if (c === '(') {
      i++;
      if (source.startsWith('?:', i)) {
        i += 2;
        const body = alternation();
        if (source[i++] !== ')') fail();
        return { t: 'group', body };
      }
      if (source.startsWith('?=', i) || source.startsWith('?!', i)) {
        i += 2;
        const body = alternation();
        if (source[i++] !== ')') fail();
        return { t: 'look', body };
      }
      if (source.startsWith('?<=', i) || source.startsWith('?<!', i)) {
        i += 3;
        const body = alternation();
        if (source[i++] !== ')') fail();
        return { t: 'look', body };
      }
      if (c === '(' && source[i] === '?') fail();
      const body = alternation();
      if (source[i++] !== ')') fail();
      return { t: 'group', body };
    }
    if (c === '[') {
      i++;
      return charClass();
    }
    if (c === '\\') {
      i++;
      return escapeAt(false);
    }
    if (c === '.') {
      i++;
      return { t: 'set', ranges: [10, 10, 13, 13, 0x2028, 0x2029], neg: true };
    }
    if (c === '^' || c === '$') {
      i++;
      return { t: 'assert', b: false };
    }
    if (c === '*' || c === '+' || c === '?' || c === '{' || c === '}' || c === ']') return fail();
    const cp = literalAt();
    if (!unicode && cp >= 0xd800 && cp <= 0xdfff) fail();
    return single(cp);
  };
  const quantified = (): Node | undefined => {
    const a = atom();
    if (!a) return undefined;
    let min: number;
    let max: number;
    const c = peek();
    if (c === '*') [min, max] = [0, Number.POSITIVE_INFINITY];
    else if (c === '+') [min, max] = [1, Number.POSITIVE_INFINITY];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      if (!m) return fail();
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Number.POSITIVE_INFINITY : Number(m[3]);
      i += m[0].length - 1;
    } else return a;
    i++;
    if (peek() === '?') i++; // lazy: same strings, other order
    if (a.t === 'assert' || a.t === 'look') return fail();
    return { t: 'quant', body: a, min, max };
  };
  const sequence = (): Node => {
    const items: Node[] = [];
    for (let q = quantified(); q; q = quantified()) {
      // Consecutive single characters become one literal: shorter sequences to analyse.
      const ch = q.t === 'set' && !q.neg && q.ranges.length === 2 && q.ranges[0] === q.ranges[1];
      const last = items[items.length - 1];
      if (ch) {
        const c = String.fromCodePoint((q as { ranges: number[] }).ranges[0]!);
        if (last?.t === 'lit') items[items.length - 1] = { t: 'lit', s: last.s + c };
        else items.push({ t: 'lit', s: c });
      } else items.push(q);
    }
    return { t: 'seq', items };
  };
  function alternation(): Node {
    const alts = [sequence()];
    while (peek() === '|') {
      i++;
      alts.push(sequence());
    }
    return alts.length === 1 ? alts[0]! : { t: 'alt', alts };
  }
  const root = alternation();
  if (i !== source.length) fail();
  return root;
}

// ---- Analysis: lengths, finite string sets, anchors ------------------------------------------

const SET_LIMIT = 64;
const INF = Number.POSITIVE_INFINITY;

interface Ctx {
  unicode: boolean;
}

function setSize(n: Extract<Node, { t: 'set' }>): number {
  if (n.neg) return INF;
  let k = 0;
  for (let j = 0; j < n.ranges.length; j += 2) k += n.ranges[j + 1]! - n.ranges[j]! + 1;
  return k;
}

function cpLen(cp: number, ctx: Ctx): number {
  return ctx.unicode && cp > 0xffff ? 2 : 1;
}

function lengths(n: Node, ctx: Ctx): [number, number] {
  n.len ??= lengthsOf(n, ctx);
  return n.len;
}

function lengthsOf(n: Node, ctx: Ctx): [number, number] {
  switch (n.t) {
    case 'lit':
      return [n.s.length, n.s.length];
    case 'assert':
    case 'look':
      return [0, 0];
    case 'set': {
      if (!ctx.unicode) return [1, 1];
      if (n.neg) return [1, 2];
      let lo = 2;
      let hi = 1;
      for (let j = 0; j < n.ranges.length; j += 2) {
        lo = Math.min(lo, cpLen(n.ranges[j]!, ctx));
        hi = Math.max(hi, cpLen(n.ranges[j + 1]!, ctx));
      }
      return [lo, hi];
    }
    case 'group':
      return lengths(n.body, ctx);
    case 'quant': {
      const [a, b] = lengths(n.body, ctx);
      return [a * n.min, n.max === INF ? (b === 0 ? 0 : INF) : b * n.max];
    }
    case 'seq': {
      let lo = 0;
      let hi = 0;
      for (const it of n.items) {
        const [a, b] = lengths(it, ctx);
        lo += a;
        hi += b;
      }
      return [lo, hi];
    }
    case 'alt': {
      let lo = INF;
      let hi = 0;
      for (const a of n.alts) {
        const [x, y] = lengths(a, ctx);
        lo = Math.min(lo, x);
        hi = Math.max(hi, y);
      }
      return [lo, hi];
    }
  }
}

function product(a: string[], b: string[]): string[] | undefined {
  if (a.length * b.length > SET_LIMIT) return undefined;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return [...out];
}

/** Every string the node can match, when there are few; zero-width nodes match only ''. */
function finite(n: Node, ctx: Ctx): string[] | undefined {
  if (n.fin === undefined) n.fin = finiteOf(n, ctx) ?? null;
  return n.fin ?? undefined;
}

function finiteOf(n: Node, ctx: Ctx): string[] | undefined {
  switch (n.t) {
    case 'lit':
      return [n.s];
    case 'assert':
    case 'look':
      return [''];
    case 'set': {
      if (setSize(n) > 16) return undefined;
      const out: string[] = [];
      for (let j = 0; j < n.ranges.length; j += 2)
        for (let cp = n.ranges[j]!; cp <= n.ranges[j + 1]!; cp++) out.push(String.fromCodePoint(cp));
      return out;
    }
    case 'group':
      return finite(n.body, ctx);
    case 'quant': {
      if (n.max === INF || n.max > 8) return undefined;
      const body = finite(n.body, ctx);
      if (!body) return undefined;
      let cur = [''];
      const out = new Set<string>();
      for (let k = 0; k <= n.max; k++) {
        if (k >= n.min) for (const s of cur) out.add(s);
        if (k === n.max) break;
        const next = product(cur, body);
        if (!next) return undefined;
        cur = next;
      }
      return out.size > SET_LIMIT ? undefined : [...out];
    }
    case 'seq': {
      let cur = [''];
      for (const it of n.items) {
        const f = finite(it, ctx);
        if (!f) return undefined;
        const next = product(cur, f);
        if (!next) return undefined;
        cur = next;
      }
      return cur;
    }
    case 'alt': {
      const out = new Set<string>();
      for (const a of n.alts) {
        const f = finite(a, ctx);
        if (!f) return undefined;
        for (const s of f) out.add(s);
        if (out.size > SET_LIMIT) return undefined;
      }
      return [...out];
    }
  }
}

export interface Anchor {
  /** The literal. */
  s: string;
  /** Offsets of the literal from the match start, inclusive; hi may be Infinity. */
  lo: number;
  hi: number;
  /** A \b sits right before / after the literal in the pattern. */
  bBefore: boolean;
  bAfter: boolean;
}

interface AnchorSet {
  list: Anchor[];
  cost: number;
}

/** Words so common that a literal made only of them hits everywhere. */
const COMMON = new Set(
  (
    'a i u x the to of and in on at it is for my me we be he she you your our this that with are was ' +
    'not or if so do no what who will can have has had all just any new last next get got one some ' +
    'us them they his her there here from by an as up out about would could should might may know ' +
    "see time sorry like please thanks it's i'm don't can't what's you're i've we're let how when"
  ).split(' '),
);

const baseFrequency = new Map<string, number>();

/** Rough hits per kilobyte of a literal in ordinary English. */
function frequency(a: Anchor): number {
  let f = baseFrequency.get(a.s);
  if (f === undefined) {
    f = frequencyOf(a.s);
    baseFrequency.set(a.s, f);
  }
  // A required word boundary rules out most hits of a short literal inside longer words.
  if (a.s.length <= 4 && a.bBefore) f *= 0.5;
  if (a.s.length <= 4 && a.bAfter) f *= 0.5;
  return f;
}

function frequencyOf(s: string): number {
  const len = s.length;
  if (/[^\x00-\x7f]/.test(s)) return 0.2;
  const words = s.split(/[^a-z0-9'&-]+/).filter(Boolean);
  let f: number;
  if (words.length > 0 && words.every((w) => COMMON.has(w))) {
    f = words.length === 1 ? (len <= 3 ? 20 : 10) : 10 / 4 ** (words.length - 1);
  } else f = len >= 6 ? 0.3 : len === 5 ? 0.6 : len === 4 ? 1.5 : len === 3 ? 4 : len === 2 ? 15 : 30;
  return f;
}

/** Expected work per kilobyte: each hit is reported, then tried at every start it allows. */
function litCost(a: Anchor): number {
  const width = a.hi === INF ? 1e6 : a.hi - a.lo + 1;
  return frequency(a) * (1 + width / 2);
}

const isB = (n: Node | undefined) => n !== undefined && n.t === 'assert' && n.b;

function shift(set: AnchorSet, lo: number, hi: number): AnchorSet {
  if (lo === 0 && hi === 0) return set;
  return { list: set.list.map((a) => ({ ...a, lo: a.lo + lo, hi: a.hi + hi })), cost: 0 };
}

const MAX_LITERAL = 10;

/** Anchors for a set of strings; long ones are cut to a prefix (still in every match, and a smaller automaton). */
function literalsOf(strings: string[], lo: number, hi: number, bBefore: boolean, bAfter: boolean): Anchor[] {
  const seen = new Map<string, Anchor>();
  for (const s of strings) {
    const cut = s.length > MAX_LITERAL;
    const lit = cut ? s.slice(0, MAX_LITERAL) : s;
    const prev = seen.get(lit);
    if (prev) prev.bAfter &&= !cut;
    else seen.set(lit, { s: lit, lo, hi, bBefore, bAfter: bAfter && !cut });
  }
  return [...seen.values()];
}

/** costOf(literalsOf(…)) without building the anchors (cut duplicates counted again: an upper bound). */
function runCost(strings: string[], lo: number, hi: number, bBefore: boolean, bAfter: boolean): number {
  let c = 0;
  const probe: Anchor = { s: '', lo, hi, bBefore, bAfter };
  for (const s of strings) {
    const cut = s.length > MAX_LITERAL;
    probe.s = cut ? s.slice(0, MAX_LITERAL) : s;
    probe.bAfter = bAfter && !cut;
    c += litCost(probe) + 0.05;
  }
  return c;
}

function costOf(list: Anchor[]): number {
  let c = 0;
  for (const a of list) c += litCost(a) + 0.05;
  return c;
}

/** Literals of which every match of `n` contains one, with their offsets; undefined if none. */
function anchors(n: Node, ctx: Ctx, bBefore: boolean, bAfter: boolean): AnchorSet | undefined {
  switch (n.t) {
    case 'lit': {
      const list = literalsOf([n.s], 0, 0, bBefore, bAfter);
      return { list, cost: costOf(list) };
    }
    case 'assert':
    case 'look':
      return undefined;
    case 'group':
      return anchors(n.body, ctx, bBefore, bAfter);
    case 'alt': {
      const list: Anchor[] = [];
      for (const a of n.alts) {
        const s = anchors(a, ctx, bBefore, bAfter);
        if (!s) return undefined;
        list.push(...s.list);
      }
      return { list, cost: costOf(list) };
    }
    case 'set':
    case 'quant': {
      const f = finite(n, ctx);
      if (f) {
        if (f.includes('')) return undefined;
        const list = literalsOf(f, 0, 0, bBefore, bAfter);
        return { list, cost: costOf(list) };
      }
      if (n.t === 'quant' && n.min >= 1) {
        const s = anchors(n.body, ctx, bBefore, n.max === 1 && bAfter);
        return s && { list: s.list, cost: s.cost };
      }
      return undefined;
    }
    case 'seq': {
      const items = n.items;
      const before: Array<[number, number]> = [];
      let lo = 0;
      let hi = 0;
      for (const it of items) {
        before.push([lo, hi]);
        const [a, b] = lengths(it, ctx);
        lo += a;
        hi += b;
      }
      let best: AnchorSet | undefined;
      const consider = (s: AnchorSet | undefined) => {
        if (s && (!best || s.cost < best.cost)) best = s;
      };
      // Runs of consecutive finite, non-zero-width items form literal strings; every run is a
      // candidate, and so is the best anchor inside each other item.
      for (let k = 0; k < items.length; k++) {
        const it = items[k]!;
        if (it.t === 'assert' || it.t === 'look') continue;
        const bb = k === 0 ? bBefore : isB(items[k - 1]);
        const f0 = finite(it, ctx);
        if (!f0) {
          const s = anchors(it, ctx, bb, k === items.length - 1 ? bAfter : isB(items[k + 1]));
          if (s) {
            const shifted = shift(s, before[k]![0], before[k]![1]);
            consider({ list: shifted.list, cost: costOf(shifted.list) });
          }
          continue;
        }
        let cur: string[] = f0;
        for (let end = k + 1; ; end++) {
          if (!cur.includes('')) {
            const ba = end === items.length ? bAfter : isB(items[end]);
            const [blo, bhi] = before[k]!;
            // Costed from the strings; the anchor list is built only for the best run.
            const cost = runCost(cur, blo, bhi, bb, ba);
            if (!best || cost < best.cost) best = { list: literalsOf(cur, blo, bhi, bb, ba), cost };
          }
          // Longer runs give the same (cut) literals once every string is long; and a few
          // items make literals long enough.
          if (end - k >= 4 || cur.every((x) => x.length >= MAX_LITERAL)) break;
          const nx = items[end];
          if (!nx || nx.t === 'assert' || nx.t === 'look') break;
          const g = finite(nx, ctx);
          const p: string[] | undefined = g && product(cur, g);
          if (!p) break;
          cur = p;
        }
      }
      return best;
    }
  }
}

// ---- Registry and automaton ------------------------------------------------------------------

export interface Compiled {
  id: number;
  re: RegExp;
  /** Sticky twin of `re`, tried at candidate starts. */
  sticky: RegExp;
  unicode: boolean;
  /** False when the pattern has no anchors: it is always scanned in full. */
  anchored: boolean;
  /** Largest offset of an anchor from the match start (bounded anchors only). */
  maxOffset: number;
  /**
   * Anchors needing a word boundary before (after) them, by first (last) character: a window
   * cut out of the text has a boundary at its edges the text may not have there.
   */
  edgeStart: Map<number, string[]>;
  edgeEnd: Map<number, string[]>;
}

function byChar(
  list: Anchor[],
  pick: (a: Anchor) => boolean,
  at: (s: string) => number,
): Map<number, string[]> {
  const m = new Map<number, string[]>();
  for (const a of list) {
    if (!pick(a)) continue;
    const k = at(a.s);
    const l = m.get(k);
    if (l) l.push(a.s);
    else m.set(k, [a.s]);
  }
  return m;
}

const compiled = new WeakMap<RegExp, Compiled>();
const unindexedPatterns = new WeakSet<RegExp>();

/**
 * Leaves a pattern out of the automaton: it is always scanned in full. For patterns that only
 * ever read short texts (the target's replies), where one regex pass is cheaper than a scan.
 */
export function unindexed(re: RegExp): RegExp {
  if (compiled.has(re) || pending.includes(re)) throw new Error('unindexed: pattern already registered');
  unindexedPatterns.add(re);
  return re;
}
const patterns: Compiled[] = [];
const anchorLists: Anchor[][] = [];
let automaton: Automaton | undefined;

const isWordCode = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95;

/** Analyses and registers a global pattern (once); returns it for chaining. */
export function register(re: RegExp): RegExp {
  pending.push(re);
  return re;
}

/** Registered patterns not analysed yet (see `prepare`). */
const pending: RegExp[] = [];

function flushPending(): void {
  while (pending.length > 0) analyse(pending.shift()!);
}

export function compile(re: RegExp): Compiled {
  const c = compiled.get(re);
  if (c) return c;
  flushPending();
  return analyse(re);
}

function analyse(re: RegExp): Compiled {
  let c = compiled.get(re);
  if (c) return c;
  const unicode = re.unicode;
  let list: Anchor[] | undefined;
  if (
    re.global &&
    !re.ignoreCase &&
    !re.sticky &&
    !re.multiline &&
    !re.dotAll &&
    !unindexedPatterns.has(re)
  ) {
    try {
      const set = anchors(parse(re.source, unicode), { unicode }, false, false);
      if (set?.list.every((a) => a.s.length > 0)) list = set!.list;
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
    }
  }
  c = {
    id: patterns.length,
    re,
    sticky: new RegExp(re.source, `${re.flags.replace('g', '')}y`),
    unicode,
    anchored: list !== undefined,
    maxOffset: Math.max(0, ...(list ?? []).map((a) => (a.hi === INF ? 0 : a.hi))),
    edgeStart: byChar(
      list ?? [],
      (a) => a.bBefore,
      (x) => x.charCodeAt(0),
    ),
    edgeEnd: byChar(
      list ?? [],
      (a) => a.bAfter,
      (x) => x.charCodeAt(x.length - 1),
    ),
  };
  compiled.set(re, c);
  patterns.push(c);
  anchorLists.push(list ?? []);
  // Unanchored patterns add nothing to the automaton (scans never read their slots).
  if (c.anchored) automaton = undefined;
  return c;
}

/**
 * Characters in rough order of frequency in English chat and mail: classes are numbered in this
 * order, so the transitions a text mostly takes sit at the start of each row (see Automaton).
 */
const FREQUENT_FIRST = " etaoinshrdlucmwfygpbvk.,'x?!jqz-0123456789:/@";

class Automaton {
  readonly classOf = new Uint16Array(65536);
  readonly classes: number;
  /**
   * Row-major transitions (state × classes): the next state, bitwise-negated when that state
   * ends literals. States are numbered breadth first and classes by character frequency, and
   * entries are 16-bit when they fit: the rows a text keeps visiting (the shallow states, their
   * common characters) then share few cache lines. A 2.5 MB table of 32-bit entries in
   * insertion order made real messages three times slower to scan than one phrase repeated.
   */
  readonly table: Int16Array | Int32Array;
  /** Per state: its slice of the entry arrays (every literal ending there, with its patterns). */
  readonly outStart: Int32Array;
  readonly outEnd: Int32Array;
  readonly entPattern: Int32Array;
  readonly entLen: Int32Array;
  readonly entLo: Int32Array;
  /** -1: unbounded. */
  readonly entHi: Int32Array;
  /** 1: \b before, 2: \b after, 4: first char is a word char, 8: last char is a word char. */
  readonly entFlags: Uint8Array;
  readonly patternCount: number;
  /** Length of the longest literal. */
  readonly maxLiteral: number;

  constructor() {
    this.patternCount = patterns.length;
    const byLiteral = new Map<string, Array<[number, Anchor]>>();
    anchorLists.forEach((list, pattern) => {
      for (const a of list) {
        const l = byLiteral.get(a.s);
        if (l) l.push([pattern, a]);
        else byLiteral.set(a.s, [[pattern, a]]);
      }
    });
    const used = new Set<number>();
    for (const lit of byLiteral.keys()) for (let j = 0; j < lit.length; j++) used.add(lit.charCodeAt(j));
    // Class 0 is every character no literal contains; the rest by frequency, then code.
    let k = 1;
    for (let j = 0; j < FREQUENT_FIRST.length; j++) {
      const code = FREQUENT_FIRST.charCodeAt(j);
      if (used.delete(code)) this.classOf[code] = k++;
    }
    for (const code of [...used].sort((x, y) => x - y)) this.classOf[code] = k++;
    const K = k;
    this.classes = K;
    const literals = [...byLiteral.keys()];
    this.maxLiteral = Math.max(0, ...literals.map((l) => l.length));
    let maxStates = 1;
    for (const lit of literals) maxStates += lit.length;
    // Trie in a flat table (0 = no edge: the root is never a target), then turned in place
    // into the full transition table of the Aho-Corasick automaton.
    const delta = new Int32Array(maxStates * K);
    const own: Array<number[] | undefined> = [];
    let n = 1;
    literals.forEach((lit, id) => {
      let st = 0;
      for (let j = 0; j < lit.length; j++) {
        const at = st * K + this.classOf[lit.charCodeAt(j)]!;
        let t = delta[at]!;
        if (t === 0) {
          t = n++;
          delta[at] = t;
        }
        st = t;
      }
      const ends = own[st];
      if (ends) ends.push(id);
      else own[st] = [id];
    });
    const fail = new Int32Array(n);
    const outs: number[][] = new Array(n);
    // Breadth-first order: `queue[q]` is the state numbered q + 1 in the final table.
    const queue = new Int32Array(n);
    let qn = 0;
    outs[0] = [];
    for (let cl = 0; cl < K; cl++) {
      const t = delta[cl]!;
      if (t !== 0) queue[qn++] = t;
    }
    for (let q = 0; q < qn; q++) {
      const st = queue[q]!;
      const f = fail[st]!;
      const mine = own[st];
      outs[st] = mine ? [...mine, ...outs[f]!] : outs[f]!;
      const row = st * K;
      const frow = f * K;
      for (let cl = 0; cl < K; cl++) {
        const t = delta[row + cl]!;
        if (t === 0) delta[row + cl] = delta[frow + cl]!;
        else {
          fail[t] = delta[frow + cl]!;
          queue[qn++] = t;
        }
      }
    }
    const order = new Int32Array(n); // trie state -> breadth-first number
    for (let q = 0; q < qn; q++) order[queue[q]!] = q + 1;
    const byOrder = new Int32Array(n); // breadth-first number -> trie state
    for (let st = 0; st < n; st++) byOrder[order[st]!] = st;
    const table = n <= 0x7fff ? new Int16Array(n * K) : new Int32Array(n * K);
    for (let b = 0; b < n; b++) {
      const st = byOrder[b]!;
      for (let cl = 0; cl < K; cl++) {
        const t = delta[st * K + cl]!;
        table[b * K + cl] = outs[t]!.length > 0 ? ~order[t]! : order[t]!;
      }
    }
    this.table = table;
    this.outStart = new Int32Array(n);
    this.outEnd = new Int32Array(n);
    const ents: Array<[number, Anchor]> = [];
    for (let b = 0; b < n; b++) {
      this.outStart[b] = ents.length;
      for (const id of outs[byOrder[b]!]!) ents.push(...byLiteral.get(literals[id]!)!);
      this.outEnd[b] = ents.length;
    }
    const m = ents.length;
    this.entPattern = new Int32Array(m);
    this.entLen = new Int32Array(m);
    this.entLo = new Int32Array(m);
    this.entHi = new Int32Array(m);
    this.entFlags = new Uint8Array(m);
    ents.forEach(([pattern, a], j) => {
      this.entPattern[j] = pattern;
      this.entLen[j] = a.s.length;
      this.entLo[j] = a.lo;
      this.entHi[j] = a.hi === INF ? -1 : a.hi;
      this.entFlags[j] =
        (a.bBefore ? 1 : 0) |
        (a.bAfter ? 2 : 0) |
        (isWordCode(a.s.charCodeAt(0)) ? 4 : 0) |
        (isWordCode(a.s.charCodeAt(a.s.length - 1)) ? 8 : 0);
    });
  }
}

/**
 * Analyses every registered pattern and builds the automaton now (the rules call it once they
 * are all loaded), so the first report scored does not pay for it.
 */
export function prepare(): void {
  automatonNow();
}

function automatonNow(): Automaton {
  flushPending();
  automaton ??= new Automaton();
  return automaton;
}

// ---- Per-text scan ---------------------------------------------------------------------------

/** Hit buffers of evicted scans, reused: allocating typed arrays costs more than scanning. */
const pool: Int32Array[] = [];

/** Where each anchored pattern could match in one text. */
export class Scan {
  /** Per pattern: the latest hit, or -1; hits chain back through their fourth field. */
  readonly head: Int32Array;
  /** Per pattern: a hit of an anchor with an unbounded offset (the pattern is then scanned in full). */
  readonly unbounded: Uint8Array;
  /** Per hit (four fields): literal start, literal end, entry, previous hit of the same pattern. */
  hits: Int32Array;
  /** Fields of `hits` in use; hits are stored in order of their end. */
  used = 0;
  /** Per pattern: hits kept (at most HIT_CAP). */
  readonly counts: Int32Array;
  /**
   * Per pattern: the end of the first hit dropped over the cap (NO_CUTOFF if none). Every hit
   * ending before it is kept; past it, the pattern is matched with its own regex.
   */
  readonly cutoff: Int32Array;

  constructor(
    readonly text: string,
    readonly a: Automaton,
    variantOf?: { scan: Scan; regions: number[] },
  ) {
    this.head = new Int32Array(a.patternCount).fill(-1);
    this.unbounded = new Uint8Array(a.patternCount);
    this.counts = new Int32Array(a.patternCount);
    this.cutoff = new Int32Array(a.patternCount).fill(NO_CUTOFF);
    this.hits = pool.pop() ?? new Int32Array(1024);
    if (variantOf) deriveInto(this, variantOf.scan, variantOf.regions);
    else scanInto(this, text, a, 0, text.length, null);
  }

  /**
   * Whether the pattern can match in text.slice(from, to): some anchor lies wholly within it
   * (true when unknown). At the slice's edges an anchor needing a word boundary counts even if
   * the text has none there, as the slice does.
   */
  anyWithin(c: Compiled, from: number, to: number): boolean {
    if (!c.anchored || to >= this.cutoff[c.id]!) return true;
    const hits = this.hits;
    for (let h = this.head[c.id]!; h >= 0; h = hits[h + 3]!) {
      if (hits[h]! >= from && hits[h + 1]! <= to) return true;
    }
    const t = this.text;
    if (from < to) {
      for (const lit of c.edgeStart.get(t.charCodeAt(from)) ?? NONE)
        if (from + lit.length <= to && t.startsWith(lit, from)) return true;
      for (const lit of c.edgeEnd.get(t.charCodeAt(to - 1)) ?? NONE)
        if (to - lit.length >= from && t.startsWith(lit, to - lit.length)) return true;
    }
    return false;
  }

  release(): void {
    pool.push(this.hits);
    this.hits = EMPTY_HITS;
    this.head.fill(-1);
  }
}

const EMPTY_HITS = new Int32Array(0);
const NONE: readonly string[] = [];
const NO_CUTOFF = 0x7fffffff;
/**
 * Hits kept per pattern and text. Past the cap a pattern is matched with its own regex over the
 * rest of the text, which on a long message costs far more than the records (64 made a 64 KB
 * message ~30% slower); the cap only bounds a text made of one cue repeated.
 */
const HIT_CAP = 1024;

function pushHit(scan: Scan, start: number, end: number, o: number, a: Automaton): void {
  const p = a.entPattern[o]!;
  // Noted even for dropped hits: an unbounded anchor anywhere means a full scan.
  if (a.entHi[o]! < 0) scan.unbounded[p] = 1;
  if (scan.counts[p]! >= HIT_CAP) {
    if (scan.cutoff[p]! > end) scan.cutoff[p] = end;
    return;
  }
  scan.counts[p]!++;
  let hits = scan.hits;
  const at = scan.used;
  if (at + 4 > hits.length) {
    const bigger = new Int32Array(hits.length * 2);
    bigger.set(hits);
    hits = bigger;
    scan.hits = bigger;
  }
  hits[at] = start;
  hits[at + 1] = end;
  hits[at + 2] = o;
  hits[at + 3] = scan.head[p]!;
  scan.head[p] = at;
  scan.used = at + 4;
}

/** Whether [from, to] meets one of the sorted, disjoint [a, b) ranges in `runs`. */
function touches(runs: number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = runs.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[2 * mid + 1]! <= from) lo = mid + 1;
    else hi = mid;
  }
  return lo < runs.length / 2 && runs[2 * lo]! <= to;
}

/**
 * Runs the automaton over text[from, to), from its root: reports every literal lying wholly
 * in that range (word-boundary checks read the whole text). With `runs`, only literals whose
 * span, or a character either side of it, meets one of the runs.
 */
function scanInto(
  scan: Scan,
  text: string,
  a: Automaton,
  from: number,
  to: number,
  runs: number[] | null,
): void {
  const { table, classOf, outStart, outEnd, entLen, entFlags, entPattern, entHi } = a;
  const K = a.classes;
  const n = text.length;
  // pushHit, inlined with the scan's arrays in locals: a long text records thousands of hits.
  const { head, counts, cutoff, unbounded } = scan;
  let hits = scan.hits;
  let used = scan.used;
  let row = 0;
  for (let i = from; i < to; i++) {
    const v = table[row + classOf[text.charCodeAt(i)]!]!;
    if (v >= 0) {
      row = v * K;
      continue;
    }
    const st = ~v;
    row = st * K;
    const end = outEnd[st]!;
    for (let o = outStart[st]!; o < end; o++) {
      const start = i + 1 - entLen[o]!;
      const f = entFlags[o]!;
      if (f & 1) {
        const prevWord = start > 0 && isWordCode(text.charCodeAt(start - 1));
        if (prevWord === ((f & 4) !== 0)) continue;
      }
      if (f & 2) {
        const nextWord = i + 1 < n && isWordCode(text.charCodeAt(i + 1));
        if (nextWord === ((f & 8) !== 0)) continue;
      }
      if (runs !== null && !touches(runs, start - 1, i + 1)) continue;
      const p = entPattern[o]!;
      if (entHi[o]! < 0) unbounded[p] = 1;
      if (counts[p]! >= HIT_CAP) {
        if (cutoff[p]! > i + 1) cutoff[p] = i + 1;
        continue;
      }
      counts[p]!++;
      if (used + 4 > hits.length) {
        const bigger = new Int32Array(hits.length * 2);
        bigger.set(hits);
        hits = bigger;
      }
      hits[used] = start;
      hits[used + 1] = i + 1;
      hits[used + 2] = o;
      hits[used + 3] = head[p]!;
      head[p] = used;
      used += 4;
    }
  }
  scan.hits = hits;
  scan.used = used;
}

/**
 * The scan of a text that equals `base`'s text except inside `runs` (same length): base's hits
 * clear of the runs (and of a character either side, which word boundaries read) are kept,
 * and the text is scanned again only in windows around the runs.
 */
/**
 * Fills `scan` (of a text that reads like `base`'s except inside `regions`, quadruples of
 * [from, to) in each text's own positions) from `base`'s hits: those clear of every region
 * (by one character, for word boundaries) are the same literals, shifted by what the regions
 * before them changed; only windows around the regions are scanned again.
 */
function deriveInto(scan: Scan, base: Scan, regions: number[]): void {
  const a = scan.a;
  const text = scan.text;
  const reach = a.maxLiteral + 1;
  const inText: number[] = [];
  const inBase: number[] = [];
  for (let k = 0; k < regions.length; k += 4) {
    inText.push(regions[k]!, regions[k + 1]!);
    inBase.push(regions[k + 2]!, regions[k + 3]!);
  }
  /** A position of base's text clear of the regions, in this text: minus the shift before it. */
  const regionCount = inBase.length / 2;
  const shiftBefore = (r: number) => (r === 0 ? 0 : inBase[2 * r - 1]! - inText[2 * r - 1]!);
  /** Base's position in this text; inside a region, that region's start (earlier is safe for a cutoff). */
  const toText = (pos: number) => {
    if (pos === NO_CUTOFF) return NO_CUTOFF;
    let lo = 0; // regions ending at or before pos
    let hi = regionCount;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (inBase[2 * mid + 1]! <= pos) lo = mid + 1;
      else hi = mid;
    }
    if (lo < regionCount && inBase[2 * lo]! <= pos) return inText[2 * lo]!;
    return pos - shiftBefore(lo);
  };
  const windows: number[] = [];
  let windowed = 0;
  for (let k = 0; k < inText.length; k += 2) {
    const from = Math.max(0, inText[k]! - reach);
    let to = Math.min(text.length, inText[k + 1]! + reach);
    while (k + 2 < inText.length && inText[k + 2]! - reach < to) {
      k += 2;
      to = Math.min(text.length, inText[k + 1]! + reach);
    }
    windows.push(from, to);
    windowed += to - from;
  }
  // Changes all over the text: one scan of it is cheaper than the windows and the merge.
  if (windowed > text.length / 2) {
    scanInto(scan, text, a, 0, text.length, null);
    return;
  }
  const fresh = new Scan('', a);
  for (let p = 0; p < a.patternCount; p++) scan.cutoff[p] = toText(base.cutoff[p]!);
  for (let k = 0; k < windows.length; k += 2) scanInto(fresh, text, a, windows[k]!, windows[k + 1]!, inText);
  // Window hits dropped over the cap bound what is known, like the base's.
  for (let p = 0; p < a.patternCount; p++)
    if (fresh.cutoff[p]! < scan.cutoff[p]!) scan.cutoff[p] = fresh.cutoff[p]!;
  // Merge by end position (in this text), so hits stay in order of their end.
  const bh = base.hits;
  const fh = fresh.hits;
  let i = 0;
  let j = 0;
  let r = 0; // regions wholly before the current base hit
  while (i < base.used || j < fresh.used) {
    if (i < base.used && touches(inBase, bh[i]! - 1, bh[i + 1]!)) {
      i += 4;
      continue;
    }
    if (i < base.used) while (r < regionCount && inBase[2 * r + 1]! < bh[i + 1]!) r++;
    const shift = shiftBefore(r);
    if (j >= fresh.used || (i < base.used && bh[i + 1]! - shift <= fh[j + 1]!)) {
      pushHit(scan, bh[i]! - shift, bh[i + 1]! - shift, bh[i + 2]!, a);
      i += 4;
    } else {
      pushHit(scan, fh[j]!, fh[j + 1]!, fh[j + 2]!, a);
      j += 4;
    }
  }
  fresh.release();
}

const cache: Scan[] = [];
/** Texts known to differ from another only inside some runs (plain vs folded), most recent first. */
const variants: Array<{ text: string; of: string; regions: number[] }> = [];

/**
 * Notes that `text` reads like `of` except inside `regions`, [textFrom, textTo, ofFrom, ofTo]
 * quadruples, sorted and disjoint: its scan is then derived from that of `of`.
 */
export function noteVariant(text: string, of: string, regions: number[]): void {
  variants.unshift({ text, of, regions });
  if (variants.length > 2) variants.pop();
}

/**
 * The scan of `text`. The last few are kept (a report's plain, folded and reply texts); callers
 * must not hold on to a scan, whose buffer is reused once it leaves the cache.
 */
export function scanOf(text: string): Scan {
  const a = automatonNow();
  for (const s of cache) if (s.text === text && s.a === a) return s;
  let s: Scan | undefined;
  for (const v of variants)
    if (v.text === text) {
      s = new Scan(text, a, { scan: scanOf(v.of), regions: v.regions });
      break;
    }
  s ??= new Scan(text, a);
  cache.unshift(s);
  if (cache.length > 4) cache.pop()!.release();
  return s;
}

/**
 * Iterates the matches of a global pattern over a text exactly as a global exec loop from
 * index 0 would (after an empty match the caller's loop moves on by one, as before).
 */
export class Matches {
  private pos = 0;
  /** [lo, hi, lo, hi, …] sorted by lo. */
  private readonly intervals: number[] | undefined;
  private k = 0;
  private cur = 0;
  private full: boolean;
  private readonly none: boolean;
  /** Candidates cover only starts before this (hits were capped); past it, a plain scan. */
  private covered = NO_CUTOFF;

  constructor(
    private readonly text: string,
    private readonly c: Compiled,
  ) {
    if (!c.anchored) {
      this.full = true;
      this.none = false;
      return;
    }
    const scan = scanOf(text);
    const first = scan.head[c.id]!;
    this.none = first < 0 && scan.cutoff[c.id] === NO_CUTOFF;
    this.full = !this.none && scan.unbounded[c.id] === 1;
    if (this.none || this.full) return;
    const { hits, a } = scan;
    const cut = scan.cutoff[c.id]!;
    // A match starting at s has its anchor's hit ending by s + maxOffset + maxLiteral.
    if (cut !== NO_CUTOFF) this.covered = Math.max(0, cut - c.maxOffset - a.maxLiteral - 1);
    // Candidate start intervals [lo, hi], sorted by lo.
    const max = text.length;
    // Hits chain latest first: filled from the back, the pairs come out nearly sorted (only
    // anchors' different offsets disorder them a little), which insertion sort finishes.
    let n = 0;
    for (let h = first; h >= 0; h = hits[h + 3]!) n++;
    const iv = new Array<number>(2 * n);
    let j = 2 * n;
    for (let h = first; h >= 0; h = hits[h + 3]!) {
      const start = hits[h]!;
      const o = hits[h + 2]!;
      const lo = Math.max(0, start - a.entHi[o]!);
      const hi = Math.min(max, start - a.entLo[o]!);
      if (hi < lo) continue;
      iv[--j] = hi;
      iv[--j] = lo;
    }
    this.intervals = sortPairs(j === 0 ? iv : iv.slice(j));
  }

  /** The next match, or null; `after` is where the caller's loop will search from. */
  next(): RegExpExecArray | null {
    if (this.none) return null;
    if (this.full) {
      const re = this.c.re;
      re.lastIndex = this.pos;
      const m = re.exec(this.text);
      this.pos = m ? re.lastIndex : this.text.length + 1;
      re.lastIndex = 0;
      return m;
    }
    const iv = this.intervals!;
    const sticky = this.c.sticky;
    const text = this.text;
    const unicode = this.c.unicode;
    const covered = this.covered;
    while (this.k < iv.length) {
      const lo = iv[this.k]!;
      if (lo >= covered) break;
      const hi = Math.min(iv[this.k + 1]!, covered - 1);
      let s = Math.max(lo, this.cur, this.pos);
      for (; s <= hi; s++) {
        if (unicode && s > 0 && isLowSurrogate(text.charCodeAt(s)) && isHighSurrogate(text.charCodeAt(s - 1)))
          continue;
        sticky.lastIndex = s;
        const m = sticky.exec(text);
        if (m) {
          sticky.lastIndex = 0;
          this.pos = s + m[0].length;
          this.cur = this.pos;
          return m;
        }
      }
      this.cur = Math.max(this.cur, hi + 1);
      this.k += 2;
    }
    sticky.lastIndex = 0;
    if (covered === NO_CUTOFF) return null;
    // Past what the kept hits cover: no match starts before `covered` that was not tried.
    let from = Math.max(this.pos, covered);
    if (
      unicode &&
      from > 0 &&
      isLowSurrogate(text.charCodeAt(from)) &&
      isHighSurrogate(text.charCodeAt(from - 1))
    )
      from++;
    this.full = true;
    this.pos = from;
    return this.next();
  }

  /** After an empty match the caller skips one position, as the global loops do. */
  skipOne(): void {
    this.pos++;
    if (this.cur < this.pos) this.cur = this.pos;
  }
}

/** Sorts [lo, hi] pairs by lo in place (insertion sort: there are a few dozen at most, mostly in order). */
function sortPairs(iv: number[]): number[] {
  for (let j = 2; j < iv.length; j += 2) {
    const lo = iv[j]!;
    const hi = iv[j + 1]!;
    let k = j - 2;
    while (k >= 0 && iv[k]! > lo) {
      iv[k + 2] = iv[k]!;
      iv[k + 3] = iv[k + 1]!;
      k -= 2;
    }
    iv[k + 2] = lo;
    iv[k + 3] = hi;
  }
  return iv;
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;

/** For tests and the profile: how a pattern was reduced. */
export function describePattern(re: RegExp): { anchored: boolean; anchors: Anchor[] } {
  const c = compile(re);
  return { anchored: c.anchored, anchors: anchorLists[c.id]! };
}

/** Every registered pattern with its anchors (tests and the profile). */
export function registeredPatterns(): Array<{
  re: RegExp;
  anchored: boolean;
  unindexed: boolean;
  anchors: Anchor[];
}> {
  flushPending();
  return patterns.map((c) => ({
    re: c.re,
    anchored: c.anchored,
    unindexed: unindexedPatterns.has(c.re),
    anchors: anchorLists[c.id]!,
  }));
}

/** Times a scan that bypasses the cache (the profile). */
export function scanUncached(text: string): number {
  const s = new Scan(text, automatonNow());
  let n = 0;
  for (const h of s.head) if (h >= 0) n++;
  s.release();
  return n;
}
