import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentHashOf, toReport } from '../../../shared/domain/draft.ts';
import { parseFile } from '../../../shared/intake/parse-file.ts';
import type { ParsedMessage } from '../../../shared/intake/types.ts';

const CORPUS = path.resolve(import.meta.dirname, '../../../../shared/corpus');
const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/intake/corpus-expectations.json');

interface Expectation {
  channel: string;
  sender: {
    emails?: string[];
    phones?: string[];
    aliases?: string[];
    replyTo?: string[];
    returnPath?: string;
  };
  targets?: { emails?: string[]; names?: string[] };
  notSender?: string[];
  onBehalfOf?: string;
  knownGaps?: string[];
}

const expectations = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, Expectation>;
const files = ['messages', 'campaign'].flatMap((dir) =>
  readdirSync(path.join(CORPUS, dir))
    .filter((f) => /\.(eml|txt)$/.test(f))
    .sort()
    .map((f) => `${dir}/${f}`),
);
const labels = new Map(
  readFileSync(path.join(CORPUS, 'labels.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'))
    .map(([file, , , channel]) => [file!, channel!]),
);

const parsed = new Map<string, ParsedMessage>();
async function parse(file: string): Promise<ParsedMessage> {
  let p = parsed.get(file);
  if (!p) {
    p = await parseFile(path.basename(file), readFileSync(path.join(CORPUS, file)));
    parsed.set(file, p);
  }
  return p;
}

const lower = (xs: string[] | undefined) => (xs ?? []).map((x) => x.toLowerCase()).sort();

describe('corpus expectations fixture', () => {
  it('covers every .eml and .txt in the corpus', () => {
    expect(files.length).toBe(75);
    expect(
      Object.keys(expectations)
        .filter((k) => !k.startsWith('$'))
        .sort(),
    ).toEqual([...files].sort());
  });
  it('agrees with labels.tsv on the channel of every message', () => {
    for (const [file, channel] of labels) expect(expectations[file]?.channel, file).toBe(channel);
  });
});

describe.each(files)('%s', (file) => {
  const e = expectations[file]!;
  const gap = (field: string) => e.knownGaps?.includes(field) ?? false;

  it('parses into a valid report without being unparseable', async () => {
    const p = await parse(file);
    expect(p.draft.unparseable).toBeUndefined();
    const report = toReport(p.draft, {
      source: { kind: 'email-forward', reporter: p.reporter?.address ?? 'someone@parliament.uk' },
    });
    expect(report.status).toBe('received');
  });

  it('has the channel of the original', async () => {
    expect((await parse(file)).draft.channel).toBe(e.channel);
  });

  it('has the sender emails and phones', async () => {
    const s = (await parse(file)).draft.sender;
    if (e.sender.emails) expect(lower(s.emails)).toEqual(lower(e.sender.emails));
    if (e.sender.phones) expect([...(s.phones ?? [])].sort()).toEqual([...e.sender.phones].sort());
    if (e.sender.replyTo) expect(lower(s.replyTo)).toEqual(lower(e.sender.replyTo));
    if (e.sender.returnPath) expect(s.returnPath).toBe(e.sender.returnPath);
  });

  (gap('aliases') ? it.fails : it)('has the sender aliases', async () => {
    const aliases = lower((await parse(file)).draft.sender.aliases);
    for (const a of e.sender.aliases ?? []) expect(aliases).toContain(a.toLowerCase());
  });

  it('has the targets', async () => {
    const t = (await parse(file)).draft.targets;
    if (e.targets?.emails) expect(lower(t.emails)).toEqual(lower(e.targets.emails));
    const names = lower(t.names);
    for (const n of e.targets?.names ?? []) expect(names).toContain(n.toLowerCase());
  });

  it("never puts the reporter's or the targets' identifiers in the sender", async () => {
    const p = await parse(file);
    const s = p.draft.sender;
    const ids = lower([...(s.emails ?? []), ...(s.replyTo ?? []), ...(s.returnPath ? [s.returnPath] : [])]);
    for (const x of [...(e.notSender ?? []), 'report@lurewatch.example'])
      expect(ids).not.toContain(x.toLowerCase());
    if (p.kind === 'forward' && p.reporter) expect(ids).not.toContain(p.reporter.address.toLowerCase());
    for (const t of p.draft.targets.emails ?? []) expect(ids).not.toContain(t.toLowerCase());
    if (e.onBehalfOf) expect(p.draft.onBehalfOf).toBe(e.onBehalfOf);
  });
});

describe('campaign folder against expected.json', () => {
  const expected = JSON.parse(readFileSync(path.join(CORPUS, 'campaign/expected.json'), 'utf8')) as {
    campaign_numbers: string[];
    campaign_aliases: string[];
    campaign_targets: string[];
    campaign_files: string[];
    duplicate_pairs: string[][];
  };

  it('finds every campaign number and alias, and each file has one of them', async () => {
    const numbers = new Set<string>();
    const aliases = new Set<string>();
    for (const f of expected.campaign_files) {
      const { draft } = await parse(`campaign/${f}`);
      const own = (draft.sender.phones ?? []).filter((p) => expected.campaign_numbers.includes(p));
      expect(own.length, f).toBeGreaterThan(0);
      for (const p of own) numbers.add(p);
      for (const a of draft.sender.aliases ?? []) if (expected.campaign_aliases.includes(a)) aliases.add(a);
    }
    expect([...numbers].sort()).toEqual([...expected.campaign_numbers].sort());
    expect([...aliases].sort()).toEqual([...expected.campaign_aliases].sort());
  });

  it('names every campaign target', async () => {
    const names = new Set<string>();
    for (const f of expected.campaign_files)
      for (const n of (await parse(`campaign/${f}`)).draft.targets.names ?? []) names.add(n);
    for (const t of expected.campaign_targets) expect([...names]).toContain(t);
  });

  it('gives the same conversation reported twice the same content hash', async () => {
    for (const [a, b] of expected.duplicate_pairs) {
      const da = (await parse(`campaign/${a}`)).draft;
      const db = (await parse(`campaign/${b}`)).draft;
      expect(contentHashOf(da)).toBe(contentHashOf(db));
    }
  });
});
