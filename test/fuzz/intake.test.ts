/**
 * Property-based fuzzing of the intake: random bytes and mutated real corpus messages must never
 * make parseFile/parseRawMail throw, must always give a storable draft, and must each finish
 * within a bound (measured: under ~20 ms each for corpus-sized input; bound set at 2 s).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toReport } from '../../shared/domain/draft.ts';
import { parseFile, parseRawMail } from '../../shared/intake/parse-file.ts';

const BOUND_MS = 2000;
const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus');
const corpus = ['messages', 'campaign'].flatMap((dir) =>
  readdirSync(path.join(CORPUS, dir))
    .filter((f) => /\.(eml|txt)$/.test(f))
    .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(path.join(CORPUS, dir, f))) })),
);
const enc = (s: string) => new TextEncoder().encode(s);

/** Mutations that hit what parsers trip on: boundaries, headers, encodings, truncation. */
const SNIPPETS = [
  '\r\n--',
  '\r\n\r\n',
  'Content-Type: multipart/mixed; boundary="',
  'Content-Transfer-Encoding: base64\r\n',
  '=?utf-8?b?',
  '=\r\n',
  'message/rfc822',
  '\u202a+44 7700',
  '[15/01/2024, 22:41:07] ',
  'From: ',
  '> ',
  '\u0000',
  '\uffff',
].map(enc);

type Mutation =
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'cut'; at: number }
  | { kind: 'insert'; at: number; snippet: number }
  | { kind: 'dup'; at: number; len: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    snippet: fc.nat({ max: SNIPPETS.length - 1 }),
  }),
  fc.record({ kind: fc.constant('dup' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 400 }) }),
);

function mutate(bytes: Uint8Array, ms: Mutation[]): Uint8Array {
  let b = bytes;
  for (const m of ms) {
    const at = b.length ? m.at % b.length : 0;
    if (m.kind === 'flip') {
      b = b.slice();
      b[at] = m.value;
    } else if (m.kind === 'cut') b = b.slice(0, at);
    else if (m.kind === 'insert')
      b = new Uint8Array([...b.subarray(0, at), ...SNIPPETS[m.snippet]!, ...b.subarray(at)]);
    else
      b = new Uint8Array([
        ...b.subarray(0, at + m.len),
        ...b.subarray(at, at + m.len),
        ...b.subarray(at + m.len),
      ]);
  }
  return b;
}

let slowest = 0;
async function check(run: () => ReturnType<typeof parseFile>) {
  const t = performance.now();
  const parsed = await run();
  const ms = performance.now() - t;
  slowest = Math.max(slowest, ms);
  expect(ms).toBeLessThan(BOUND_MS);
  expect(() =>
    toReport(parsed.draft, { source: { kind: 'email-forward', reporter: 'fuzz@parliament.uk' } }),
  ).not.toThrow();
}

const NAMES = ['x.eml', 'x.txt', 'x.json', 'x.zip', 'x.msg', 'x.bin'];

describe('intake fuzzing', () => {
  it('random bytes under any file name', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.constantFrom(...NAMES), async (bytes, name) => {
        await check(() => parseFile(name, bytes));
      }),
      { numRuns: 300 },
    );
  });

  it('random text that looks like mail or chat', async () => {
    const line = fc.oneof(
      fc.string({ maxLength: 120 }),
      fc.constantFrom(...SNIPPETS.map((s) => new TextDecoder().decode(s))),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 60 }), async (lines) => {
        const bytes = enc(lines.join('\r\n'));
        await check(() => parseRawMail(bytes));
        await check(() => parseFile('chat.txt', bytes));
      }),
      { numRuns: 200 },
    );
  });

  it('mutated corpus messages', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: corpus.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 8 }),
        async (i, ms) => {
          const f = corpus[i]!;
          const bytes = mutate(f.bytes, ms);
          await check(() => parseFile(f.name, bytes));
          await check(() => parseRawMail(bytes));
        },
      ),
      { numRuns: 400 },
    );
    // Shows the measured worst case next to the bound in the test output.
    console.info(`intake fuzz: slowest parse ${slowest.toFixed(1)} ms (bound ${BOUND_MS} ms)`);
  });
});
