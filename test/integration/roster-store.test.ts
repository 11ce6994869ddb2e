/**
 * The roster in the table (AWS's roster) against DynamoDB Local: versions written in chunks and
 * switched whole, the warm-container cache, and the stream-triggered subscription sync
 * (functions/roster-sync) through the local event source mapping.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildRosterSyncHandler, createRosterSyncHandler } from '../../functions/roster-sync/handler.ts';
import { localLambdaContext } from '../../infra/local/lambda-context.ts';
import { StreamPoller } from '../../infra/local/stream-poller.ts';
import { chunkEntries, DynamoRosterStore } from '../../shared/adapters/dynamodb/roster-store.ts';
import { matchesRosterChangedFilter } from '../../shared/adapters/dynamodb/stream-filter.ts';
import { CurrentRoster } from '../../shared/roster/current-roster.ts';
import { FileSubscriptionDirectory } from '../../shared/roster/file-subscription-directory.ts';
import type { Roster, RosterEntry } from '../../shared/roster/roster.ts';
import type { Subscription, SubscriptionDirectory } from '../../shared/roster/subscriptions.ts';
import { freshTable } from '../support/dynamodb.ts';

const person = (i: number, role = i % 3 === 0 ? 'MP' : 'Researcher'): RosterEntry => ({
  name: `Person Number${i}`,
  role,
  party: i % 2 ? 'Labour' : 'Conservative',
  email: `person.${i}@parliament.uk`,
  ...(i % 4 === 0 ? { mobile: `+4477009${String(i).padStart(5, '0')}` } : {}),
});
const rosterOf = (n: number, at = '2026-11-25T09:00:00.000Z', offset = 0): Roster => ({
  importedAt: at,
  importedBy: 'duty-officer',
  entries: Array.from({ length: n }, (_, i) => person(i + offset)),
});

async function itemsInRosterPartition(table: Awaited<ReturnType<typeof freshTable>>) {
  const { Items } = await table.db.send(
    new QueryCommand({
      TableName: table.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': 'ROSTER' },
      ProjectionExpression: 'SK, version',
    }),
  );
  return Items ?? [];
}

describe('DynamoRosterStore', () => {
  it('has no roster until one is imported', async () => {
    const table = await freshTable('roster');
    const store = new DynamoRosterStore(table.db, table.tableName);
    expect(await store.load()).toBeUndefined();
    expect(await store.pointer()).toBeUndefined();
  });

  it('keeps a roster far larger than one item, whole and in order', async () => {
    const table = await freshTable('roster');
    const store = new DynamoRosterStore(table.db, table.tableName);
    const big = rosterOf(6000);
    await store.save(big);
    const pointer = await store.pointer();
    expect(pointer?.chunks).toBeGreaterThan(1);
    expect(pointer).toMatchObject({ entries: 6000, importedBy: 'duty-officer', importedAt: big.importedAt });
    expect(await store.load()).toEqual(big);
  });

  it('replaces the roster whole, keeping the current, the previous and any recent version', async () => {
    const table = await freshTable('roster');
    const hour = 3_600_000;
    let now = Date.parse('2026-11-25T09:00:00Z');
    const store = new DynamoRosterStore(table.db, table.tableName, { now: () => now });
    const versions: string[] = [];
    const storedVersions = async () =>
      [...new Set((await itemsInRosterPartition(table)).map((i) => String(i.version)))].sort();
    for (let k = 1; k <= 4; k++) {
      await store.save(rosterOf(10 * k, new Date(now).toISOString()));
      versions.push((await store.pointer())!.version);
      now += 2 * hour;
    }
    expect((await store.load())?.entries).toHaveLength(40);
    expect(await store.pointer()).toMatchObject({ version: versions[3], previousVersion: versions[2] });
    expect(await storedVersions()).toEqual([versions[2], versions[3]]);

    // Imports within the hour: a version that young is kept even when neither current nor
    // previous, since it may be another officer's import about to switch.
    for (const n of [5, 6, 7]) {
      await store.save(rosterOf(n, new Date(now).toISOString()));
      now += 60_000;
    }
    expect((await store.load())?.entries).toHaveLength(7);
    expect(await storedVersions()).toHaveLength(3);
  });

  it('never lets a reader see half of one roster and half of another', async () => {
    const table = await freshTable('roster');
    const store = new DynamoRosterStore(table.db, table.tableName);
    await store.save(rosterOf(3000, '2026-11-25T01:00:00.000Z', 0));
    const writes = (async () => {
      for (let k = 0; k < 4; k++)
        await store.save(rosterOf(k % 2 ? 3000 : 2500, `2026-11-25T0${k + 2}:00:00.000Z`, (k + 1) * 10_000));
    })();
    const seen: string[] = [];
    let done = false;
    void writes.finally(() => {
      done = true;
    });
    while (!done) {
      const roster = await store.load();
      const offsets = new Set(
        roster!.entries.map((e) => Math.floor(Number(e.email!.match(/\d+/)![0]) / 10_000)),
      );
      expect(offsets.size).toBe(1);
      seen.push(`${roster!.importedAt} ${roster!.entries.length}`);
    }
    await writes;
    expect(seen.length).toBeGreaterThan(0);
  });

  it('splits entries into chunks under the size given, none lost', () => {
    const entries = rosterOf(500).entries;
    const chunks = chunkEntries(entries, 4096);
    expect(chunks.length).toBeGreaterThan(10);
    for (const c of chunks) expect(Buffer.byteLength(c)).toBeLessThanOrEqual(4096);
    expect(chunks.flatMap((c) => JSON.parse(c))).toEqual(entries);
    expect(chunkEntries([])).toEqual(['[]']);
  });
});

describe('CurrentRoster (a warm Lambda)', () => {
  it('loads once, checks the version at most every interval, and reloads only after an import', async () => {
    const table = await freshTable('roster');
    const store = new DynamoRosterStore(table.db, table.tableName);
    const counted = {
      pointers: 0,
      loads: 0,
      pointer: () => {
        counted.pointers++;
        return store.pointer();
      },
      load: () => {
        counted.loads++;
        return store.load();
      },
    };
    let now = 0;
    const current = new CurrentRoster(counted, { checkEveryMs: 1000, now: () => now });
    await current.refresh();
    expect(current.index().entries).toHaveLength(0);

    await store.save(rosterOf(12));
    await current.refresh(); // within the interval: not even the pointer is read
    expect(current.index().entries).toHaveLength(0);
    now = 1500;
    await Promise.all([current.refresh(), current.refresh(), current.refresh()]);
    expect(current.index().entries).toHaveLength(12);
    expect(current.index().find({ email: 'PERSON.3@parliament.uk' })).toBe(3);
    expect(current.index().entries[3]!.role).toBe('member');
    expect(counted).toMatchObject({ pointers: 2, loads: 1 });

    now = 3000;
    await current.refresh(); // same version: the pointer only
    expect(counted).toMatchObject({ pointers: 3, loads: 1 });
  });

  it('keeps the last good roster when the store cannot be read', async () => {
    const table = await freshTable('roster');
    const store = new DynamoRosterStore(table.db, table.tableName);
    await store.save(rosterOf(5));
    let broken = false;
    const errors: Error[] = [];
    let now = 0;
    const current = new CurrentRoster(
      {
        pointer: () => (broken ? Promise.reject(new Error('throttled')) : store.pointer()),
        load: () => store.load(),
      },
      { checkEveryMs: 10, now: () => now, onError: (e) => errors.push(e) },
    );
    await current.refresh();
    broken = true;
    now = 100;
    await current.refresh();
    expect(current.index().entries).toHaveLength(5);
    expect(errors.map((e) => e.message)).toEqual(['throttled']);
  });
});

describe('roster-sync on the table stream', () => {
  const WAIT = { timeout: 20_000, interval: 50 };
  const pollers: StreamPoller[] = [];
  afterEach(async () => {
    for (const p of pollers.splice(0)) await p.stop();
  });

  async function harness(directory?: SubscriptionDirectory) {
    const table = await freshTable('roster-sync');
    const dir = mkdtempSync(join(tmpdir(), 'lw-roster-sync-'));
    const file = join(dir, 'subscriptions.json');
    const store = new DynamoRosterStore(table.db, table.tableName);
    const subscriptions = directory ?? new FileSubscriptionDirectory(file);
    const events: number[] = [];
    const handler = buildRosterSyncHandler(() => ({ roster: store, subscriptions }));
    const poller = new StreamPoller({
      endpoint: table.endpoint,
      tableName: table.tableName,
      filter: matchesRosterChangedFilter,
      handler: async (event, context) => {
        events.push(event.Records.length);
        return (await handler(event, context)) ?? undefined;
      },
      context: () => localLambdaContext('roster-sync'),
      checkpointFile: join(dir, 'checkpoint.json'),
      deadLetterFile: join(dir, 'dead-letters.jsonl'),
      retryDelayMs: 5,
      pollIntervalMs: 20,
      maxRetries: 1,
    });
    await poller.start();
    pollers.push(poller);
    return { store, file, dir, events, subscriptions };
  }

  it('an import of hundreds is one event, and the subscriptions follow the roster', async () => {
    const h = await harness();
    await h.store.save(rosterOf(600));
    await vi.waitFor(async () => expect(await h.subscriptions.list()).toHaveLength(600 + 150), WAIT);
    // However many chunks, one pointer write: one record reached the function.
    expect(h.events.reduce((a, b) => a + b, 0)).toBe(1);
    const list = await h.subscriptions.list();
    expect(list.find((s) => s.endpoint === 'person.0@parliament.uk')?.audiences.sort()).toEqual([
      'all',
      'members',
    ]);
    expect(list.find((s) => s.endpoint === 'person.1@parliament.uk')?.audiences.sort()).toEqual([
      'all',
      'staff',
    ]);

    // Someone leaves, someone's role changes: only the difference is applied.
    const next = rosterOf(600);
    next.entries = next.entries
      .slice(1)
      .map((e) => (e.email === 'person.1@parliament.uk' ? { ...e, role: 'MP' } : e));
    await h.store.save({ ...next, importedAt: '2026-11-25T10:00:00.000Z' });
    await vi.waitFor(async () => {
      const now = await h.subscriptions.list();
      expect(now.some((s) => s.endpoint === 'person.0@parliament.uk')).toBe(false);
      expect(now.find((s) => s.endpoint === 'person.1@parliament.uk')?.audiences.sort()).toEqual([
        'all',
        'members',
      ]);
    }, WAIT);
    expect(await h.subscriptions.list()).toHaveLength(599 + 149);
  }, 60_000);

  it('a refused subscription does not hold up the others; the batch fails and ends in the DLQ', async () => {
    const added: Subscription[] = [];
    const refusing: SubscriptionDirectory = {
      list: async () => added,
      subscribe: async (s) => {
        if (s.endpoint === 'person.2@parliament.uk') throw new Error('Invalid parameter: Endpoint');
        added.push({ ...s, id: `arn:${s.endpoint}` });
      },
      unsubscribe: async () => {},
    };
    const h = await harness(refusing);
    await h.store.save(rosterOf(4));
    await vi.waitFor(
      () =>
        expect(readFileSync(join(h.dir, 'dead-letters.jsonl'), 'utf8')).toMatch(
          /subscribe email: Invalid parameter/,
        ),
      WAIT,
    );
    expect(added.map((s) => s.endpoint).sort()).toEqual(
      ['person.0@parliament.uk', 'person.1@parliament.uk', 'person.3@parliament.uk', '+447700900000'].sort(),
    );
  }, 30_000);

  it('ignores stream records that are not roster imports', async () => {
    const calls: string[] = [];
    const handler = createRosterSyncHandler(() => {
      calls.push('deps');
      throw new Error('must not be built');
    });
    await handler({
      Records: [{ eventName: 'INSERT', dynamodb: { NewImage: { type: { S: 'report' } } } }],
    } as never);
    expect(calls).toEqual([]);
  });
});
