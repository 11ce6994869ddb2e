/**
 * The members' warning end to end through `npm start`: the roster imported with the CLI, an
 * officer's preview and send, one member-warnings line in the outbox, a partner refused, and a
 * retried POST that sends nothing twice; then the roster replaced over HTTP, with the
 * subscriptions following it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fitsOneSms } from '../../shared/broadcast/gsm7.ts';
import { type RuntimeProcess, startRuntimeProcess } from '../support/runtime-process.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const ROSTER_CSV = [
  'name,role,party,email,mobile',
  'Andrew Fenwick,MP,Labour,andrew.fenwick.mp@parliament.uk,07700 900001',
  'Ben Carrow,Caseworker,,ben.carrow@parliament.uk,07700 900002',
].join('\n');

describe('broadcast, end to end', () => {
  let runtime: RuntimeProcess;
  const memberWarnings = () => runtime.outbox().filter((line) => line.topic === 'member-warnings');

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lurewatch-e2e-broadcast-'));
    const csv = join(dataDir, 'roster.csv');
    writeFileSync(csv, ROSTER_CSV);
    const imported = execFileSync(resolve(ROOT, 'bin/lurewatch.mjs'), ['roster', 'import', csv], {
      env: { ...process.env, LUREWATCH_DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    expect(JSON.parse(imported)).toMatchObject({ entries: 2, subscriptions: { added: 4 } });
    expect(JSON.parse(readFileSync(join(dataDir, 'subscriptions.json'), 'utf8'))).toHaveLength(4);
    runtime = await startRuntimeProcess({ dataDir, env: { LUREWATCH_SECURITY_TEAM_PHONE: '020 7946 0999' } });
  });
  afterAll(async () => {
    await runtime?.stop();
  });

  const post = async (token: string, body: unknown, headers: Record<string, string> = {}, query = '') =>
    fetch(`${runtime.baseUrl}/v1/broadcasts${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('an officer previews, then sends; the outbox holds exactly one member-warnings publish', async () => {
    const officer = await runtime.token('officer', 'duty-officer');
    const preview = await post(officer, { audience: 'all' }, {}, '?preview=true');
    expect(preview.status).toBe(200);
    const previewed = (await preview.json()) as {
      recipients: unknown;
      content: { perProtocol: { sms: string; email: string } };
    };
    expect(previewed.recipients).toEqual({ people: 2, emails: 2, sms: 2 });
    expect(previewed.content.perProtocol.sms).toContain('020 7946 0999');
    expect(memberWarnings()).toHaveLength(0);

    const started = Date.now();
    const sent = await post(officer, { audience: 'all' }, { 'idempotency-key': 'warn-1' });
    expect(sent.status).toBe(201);
    const broadcast = (await sent.json()) as {
      id: string;
      publication: { messageId: string };
      content: unknown;
    };
    console.log(`broadcast request → outbox line: ${Date.now() - started} ms`);
    expect(broadcast.content).toEqual(previewed.content);

    const lines = memberWarnings();
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line).toMatchObject({
      topic: 'member-warnings',
      messageId: broadcast.publication.messageId,
      attributes: { kind: 'member-warning', audience: 'all', broadcastId: broadcast.id },
    });
    const perProtocol = line.perProtocol as { sms: string; email: string; default: string };
    expect(fitsOneSms(perProtocol.sms)).toBe(true);
    expect(perProtocol.email).toBe(line.message);

    const audit = await fetch(`${runtime.baseUrl}/v1/broadcasts/${broadcast.id}`, {
      headers: { authorization: `Bearer ${officer}` },
    });
    expect(await audit.json()).toMatchObject({
      state: 'sent',
      requestedBy: 'duty-officer',
      publication: broadcast.publication,
    });
  });

  it('refuses a partner with 403', async () => {
    const partner = await runtime.token('partner', 'met-police');
    const refused = await post(partner, { audience: 'all' });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(memberWarnings()).toHaveLength(1);
  });

  it('a retried POST with the same key answers the same and sends nothing twice', async () => {
    const officer = await runtime.token('officer', 'duty-officer');
    const retries = await Promise.all(
      [1, 2, 3].map(() => post(officer, { audience: 'all' }, { 'idempotency-key': 'warn-1' })),
    );
    expect(retries.map((r) => r.status)).toEqual([201, 201, 201]);
    const ids = await Promise.all(retries.map(async (r) => ((await r.json()) as { id: string }).id));
    expect(new Set(ids).size).toBe(1);
    expect(memberWarnings()).toHaveLength(1);
    // Another request inside the interval is refused until an officer overrides.
    const second = await post(officer, { audience: 'members' }, { 'idempotency-key': 'warn-2' });
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(memberWarnings()).toHaveLength(1);
  });

  it('an officer replaces the roster over HTTP; subscriptions and audiences follow it', async () => {
    const officer = await runtime.token('officer', 'duty-officer');
    const csv = [
      'name,role,party,email,mobile',
      // Ben has left; Clare joins; Andrew's mobile is gone.
      'Andrew Fenwick,MP,Labour,andrew.fenwick.mp@parliament.uk,',
      'Clare Dunn,Baroness,Crossbench,clare.dunn@parliament.uk,07700 900003',
    ].join('\n');
    const put = await fetch(`${runtime.baseUrl}/v1/roster`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${officer}`, 'content-type': 'text/csv' },
      body: csv,
    });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ stored: true, entries: 2, importedBy: 'duty-officer' });
    const subscriptions = () =>
      (
        JSON.parse(readFileSync(join(runtime.dataDir, 'subscriptions.json'), 'utf8')) as {
          endpoint: string;
        }[]
      )
        .map((s) => s.endpoint)
        .sort();
    await vi.waitFor(
      () =>
        expect(subscriptions()).toEqual([
          '+447700900003',
          'andrew.fenwick.mp@parliament.uk',
          'clare.dunn@parliament.uk',
        ]),
      { timeout: 10_000, interval: 100 },
    );
    const preview = await post(officer, { audience: 'members' }, {}, '?preview=true');
    expect(((await preview.json()) as { recipients: unknown }).recipients).toEqual({
      people: 2,
      emails: 2,
      sms: 1,
    });
    const partner = await runtime.token('partner', 'met-police');
    const refused = await fetch(`${runtime.baseUrl}/v1/roster`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${partner}`, 'content-type': 'text/csv' },
      body: csv,
    });
    expect(refused.status).toBe(403);
  });
});
