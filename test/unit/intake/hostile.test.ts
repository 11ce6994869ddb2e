import { describe, expect, it } from 'vitest';
import { toReport } from '../../../shared/domain/draft.ts';
import { parseFile, parseRawMail } from '../../../shared/intake/parse-file.ts';
import type { ParsedMessage } from '../../../shared/intake/types.ts';
import * as hostile from './hostile-mail.ts';

/** Bounded time: generous against the ~10-500 ms measured, so a slow CI box does not flake. */
const BOUND_MS = 5000;

async function timed(run: () => Promise<ParsedMessage>): Promise<{ parsed: ParsedMessage; ms: number }> {
  const t = performance.now();
  const parsed = await run();
  return { parsed, ms: performance.now() - t };
}

function storable(p: ParsedMessage) {
  // Whatever came out must still become a valid stored report.
  return toReport(p.draft, {
    source: { kind: 'email-forward', reporter: p.reporter?.address ?? 'unknown@parliament.uk' },
  });
}

const degraded = (p: ParsedMessage) =>
  !!p.draft.unparseable || !!p.draft.headers?.['x-lurewatch-intake-problems'];

describe('hostile mail never throws and ends in bounded time', () => {
  it('broken MIME boundaries', async () => {
    const { parsed, ms } = await timed(() => parseRawMail(hostile.brokenBoundaries()));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(parsed.reporter?.address).toBe('sam.staffer@parliament.uk');
    expect(storable(parsed).status).toMatch(/received|unparseable/);
  });

  it('an unknown charset', async () => {
    const { parsed, ms } = await timed(() => parseRawMail(hostile.unknownCharset()));
    expect(ms).toBeLessThan(BOUND_MS);
    // The digits survive whatever the text decoder made of the rest.
    expect(parsed.draft.sender.phones).toContain('+447700900417');
  });

  it('rfc822 nested 50 deep is unparseable, with the reporter kept', async () => {
    const { parsed, ms } = await timed(() => parseRawMail(hostile.nestedRfc822(50)));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(parsed.draft.unparseable).toMatch(/nested deeper/);
    expect(parsed.reporter?.address).toBe('sam.staffer@parliament.uk');
    expect(storable(parsed).status).toBe('unparseable');
  });

  it('rfc822 nested 3 deep still finds the lure', async () => {
    const { parsed } = await timed(() => parseRawMail(hostile.nestedRfc822(3)));
    expect(parsed.draft.unparseable).toBeUndefined();
    expect(parsed.draft.sender.emails).toEqual(['abi@lure.test']);
    expect(parsed.draft.sender.phones).toEqual(['+447700900417']);
  });

  it('10,000 MIME parts', async () => {
    const { parsed, ms } = await timed(() => parseRawMail(hostile.manyParts(10_000)));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(parsed.draft.unparseable).toMatch(/more than 500 MIME parts/);
    expect(parsed.reporter?.address).toBe('sam.staffer@parliament.uk');
  });

  it('a 30 MB attachment', async () => {
    const raw = hostile.hugeAttachment(30 * 1024 * 1024);
    const { parsed, ms } = await timed(() => parseRawMail(raw));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(parsed.draft.unparseable).toMatch(/over the .*-byte limit/);
    expect(parsed.draft.subject).toBe('FW: something odd');
    expect(storable(parsed).status).toBe('unparseable');
  });

  it('a zip bomb attached as a WhatsApp export', async () => {
    // Built before the clock starts: compressing 128 MB of zeros is the test's cost, not the parser's.
    const mail = hostile.zipBombReport(64 * 1024 * 1024);
    const { parsed, ms } = await timed(() => parseRawMail(mail));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(degraded(parsed)).toBe(true);
    expect(JSON.stringify(parsed.draft)).toMatch(/zip bomb/);
  });

  it('a zip bomb given as a file', async () => {
    const zip = hostile.zipBomb(64 * 1024 * 1024);
    const { parsed, ms } = await timed(() => parseFile('WhatsApp Chat - Abi.zip', zip));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(parsed.draft.unparseable).toMatch(/zip bomb/);
  });

  it('garbage, empty input and wrong extensions', async () => {
    for (const [name, bytes] of [
      ['x.eml', new Uint8Array(0)],
      ['x.eml', new Uint8Array([0, 1, 2, 255, 254, 13, 10, 13, 10])],
      ['x.txt', new Uint8Array(0)],
      ['x.json', new TextEncoder().encode('{"channel":')],
      ['x.json', new TextEncoder().encode('{"channel":"carrier-pigeon"}')],
      ['x.msg', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3])],
      ['x.zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])],
    ] as const) {
      const p = await parseFile(name, bytes);
      expect(() => storable(p)).not.toThrow();
    }
    expect((await parseFile('x.json', new TextEncoder().encode('{"channel":'))).draft.unparseable).toMatch(
      /JSON/,
    );
    expect((await parseFile('x.txt', new Uint8Array(0))).draft.unparseable).toBe('empty file');
  });

  it('enforces limits given in the options', async () => {
    const p = await parseRawMail(hostile.manyParts(30), { limits: { maxParts: 10 } });
    expect(p.draft.unparseable).toMatch(/more than 10 MIME parts/);
  });
});
