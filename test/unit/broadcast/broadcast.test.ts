import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BroadcastRecord, BroadcastRequestBody } from '../../../shared/broadcast/broadcast.ts';
import {
  approveBroadcast,
  type BroadcastDependencies,
  requestBroadcast,
} from '../../../shared/broadcast/broadcast-service.ts';
import { composeFreshWarning, composeSms } from '../../../shared/broadcast/fresh-warning-template.ts';
import { fitsOneSms, gsm7Septets, isGsm7 } from '../../../shared/broadcast/gsm7.ts';
import type { BroadcastStore } from '../../../shared/broadcast/ports.ts';
import type { EffectClaim, Publication } from '../../../shared/domain/ports.ts';

const settings = { securityTeamPhone: '020 7946 0000', reportAddress: 'report@lurewatch.example' };

describe('GSM-7', () => {
  it('counts basic characters once and extension characters twice', () => {
    expect(gsm7Septets('Hello @£$')).toBe(9);
    expect(gsm7Septets('{€}')).toBe(6);
    expect(gsm7Septets('café 🚨')).toBeUndefined();
    expect(isGsm7('naïve')).toBe(false);
  });
  it('fits one SMS at 160 septets, not 161', () => {
    expect(fitsOneSms('a'.repeat(160))).toBe(true);
    expect(fitsOneSms('a'.repeat(161))).toBe(false);
    expect(fitsOneSms(`${'a'.repeat(159)}€`)).toBe(false);
  });
});

describe('the fresh cyber security warning', () => {
  it('has an SMS that fits one GSM-7 message and an email with every piece of advice', () => {
    const content = composeFreshWarning(settings, {
      audience: 'all',
      campaigns: [],
      freeText: 'Extra words.',
    });
    expect(fitsOneSms(content.perProtocol.sms)).toBe(true);
    expect(content.perProtocol.sms).toContain('020 7946 0000');
    const email = content.perProtocol.email;
    for (const advice of [
      'Do not engage with unknown contacts',
      'Never send images',
      'report@lurewatch.example',
      '020 7946 0000',
      'Extra words.',
    ]) {
      expect(email).toContain(advice);
    }
    expect(content.message).toBe(email);
    expect(content.attributes).toMatchObject({ kind: 'member-warning', audience: 'all' });
  });
  it('falls back to a shorter SMS whatever the configured number and address', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z]{1,30}@[a-z]{1,20}\.uk$/),
        fc.stringMatching(/^\+44 ?\d{4} ?\d{6}$/),
        (address, phone) => {
          expect(fitsOneSms(composeSms({ reportAddress: address, securityTeamPhone: phone }))).toBe(true);
        },
      ),
    );
  });
  it('names restricted campaigns without their details', () => {
    const content = composeFreshWarning(settings, {
      audience: 'members',
      campaigns: [
        {
          id: 'C1',
          shareable: true,
          aliases: ['Abi'],
          phones: ['+447700900417'],
          emails: [],
          domains: [],
          tlp: 'GREEN',
        },
        { id: 'C2', shareable: false, aliases: [], phones: [], emails: [], domains: [] },
      ],
    });
    expect(content.perProtocol.email).toContain('Abi');
    expect(content.perProtocol.email).toMatch(/C2: details are restricted/);
  });
  it('refuses an SMS override outside GSM-7 or over 160 septets', () => {
    expect(BroadcastRequestBody.safeParse({ sms: 'ok text' }).success).toBe(true);
    expect(BroadcastRequestBody.safeParse({ sms: 'warning 🚨' }).success).toBe(false);
    expect(BroadcastRequestBody.safeParse({ sms: 'x'.repeat(161) }).success).toBe(false);
  });
});

/** An in-memory store with the same once-only semantics as the DynamoDB one. */
function memoryDeps(policy: Partial<BroadcastDependencies['policy']> = {}) {
  const records = new Map<string, BroadcastRecord>();
  let lastSentAt: number | undefined;
  const keys = new Map<string, { requestHash: string; resourceId: string }>();
  const effects = new Map<string, 'pending' | 'done'>();
  const published: Publication[] = [];
  let clock = Date.parse('2024-02-20T09:00:00Z');
  const slot = (s: { now: Date; minIntervalMs: number; override: boolean }) => {
    const at = s.now.getTime();
    if (!s.override && lastSentAt !== undefined && at - lastSentAt < s.minIntervalMs) {
      return {
        outcome: 'rate-limited' as const,
        retryAfterSeconds: Math.ceil((lastSentAt + s.minIntervalMs - at) / 1000),
      };
    }
    lastSentAt = at;
    return undefined;
  };
  const store: BroadcastStore = {
    async create(request, s) {
      if (records.has(request.id)) return { outcome: 'exists' };
      const refused = s && slot(s);
      if (refused) return refused;
      records.set(request.id, { ...request });
      return { outcome: 'created' };
    },
    async approve(id, approval, s) {
      const record = records.get(id)!;
      if (record.approval) return { outcome: 'exists' };
      const refused = slot(s);
      if (refused) return refused;
      record.approval = approval;
      return { outcome: 'approved' };
    },
    async recordPublication(id, publication) {
      const record = records.get(id)!;
      record.publication ??= publication;
    },
    async get(id) {
      const r = records.get(id);
      return r ? structuredClone(r) : undefined;
    },
  };
  let n = 0;
  const deps: BroadcastDependencies = {
    store,
    idempotency: {
      async claim(c) {
        const found = keys.get(`${c.scope}|${c.key}`);
        if (found) return { outcome: 'exists', ...found };
        keys.set(`${c.scope}|${c.key}`, { requestHash: c.requestHash, resourceId: c.resourceId });
        return { outcome: 'claimed' };
      },
      async release(scope, key) {
        keys.delete(`${scope}|${key}`);
      },
    },
    notifier: {
      async publish(p) {
        published.push(p);
        return { messageId: `m${published.length}` };
      },
    },
    ledger: {
      async claim(key): Promise<EffectClaim> {
        const state = effects.get(key);
        if (state === 'done') return { state: 'done' };
        if (state === 'pending') return { state: 'busy', leaseUntil: Date.now() + 10 };
        effects.set(key, 'pending');
        return { state: 'claimed' };
      },
      async complete(key) {
        effects.set(key, 'done');
      },
      async release(key) {
        effects.delete(key);
      },
    },
    campaigns: { brief: async (ids) => ({ briefs: [], unknown: ids }) },
    roster: { load: async () => undefined },
    policy: { ...settings, approvalRequired: false, minIntervalMs: 600_000, ...policy },
    now: () => new Date(clock),
    newId: () => `01HQ3K7ZD9V8X6W5T4S3R2Q1P${n++}`,
  };
  return { deps, published, advance: (ms: number) => (clock += ms) };
}

const body = (extra: Record<string, unknown> = {}) =>
  BroadcastRequestBody.parse({ audience: 'all', ...extra });
const key = (k: string, hash = 'h1') => ({ scope: 'principal:duty', key: k, requestHash: hash });

describe('requestBroadcast', () => {
  it('publishes once, even when the same key is retried', async () => {
    const { deps, published } = memoryDeps();
    const first = await requestBroadcast(deps, { body: body(), officerId: 'duty', idempotency: key('k') });
    const again = await requestBroadcast(deps, { body: body(), officerId: 'duty', idempotency: key('k') });
    expect(first.outcome).toBe('created');
    expect(again.outcome).toBe('replayed');
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({
      topic: 'member-warnings',
      perProtocol: { sms: expect.any(String) },
    });
    expect(
      (await requestBroadcast(deps, { body: body(), officerId: 'duty', idempotency: key('k', 'h2') }))
        .outcome,
    ).toBe('conflict');
  });
  it('a preview sends and stores nothing, and is exactly what is then sent', async () => {
    const { deps, published } = memoryDeps();
    const preview = await requestBroadcast(deps, {
      body: body({ dryRun: true, freeText: 'x' }),
      officerId: 'duty',
    });
    const sent = await requestBroadcast(deps, { body: body({ freeText: 'x' }), officerId: 'duty' });
    expect(preview.outcome === 'preview' && sent.outcome === 'created' && preview.preview.content).toEqual(
      sent.outcome === 'created' ? sent.record.content : undefined,
    );
    expect(published).toHaveLength(1);
  });
  it('refuses a second broadcast within ten minutes unless overridden, and frees the key', async () => {
    const { deps, advance } = memoryDeps();
    await requestBroadcast(deps, { body: body(), officerId: 'duty' });
    advance(60_000);
    const limited = await requestBroadcast(deps, { body: body(), officerId: 'duty', idempotency: key('k2') });
    expect(limited).toMatchObject({ outcome: 'rate-limited', retryAfterSeconds: 540 });
    const overridden = await requestBroadcast(deps, {
      body: body({ override: true, overrideReason: 'second wave reported' }),
      officerId: 'duty',
      idempotency: key('k2', 'h3'),
    });
    expect(overridden.outcome).toBe('created');
    advance(600_000);
    expect((await requestBroadcast(deps, { body: body(), officerId: 'duty' })).outcome).toBe('created');
  });
  it('resumes a broadcast whose publish failed when the same key is retried', async () => {
    const { deps, published } = memoryDeps();
    const publish = deps.notifier.publish;
    deps.notifier.publish = async () => {
      throw new Error('SNS down');
    };
    await expect(
      requestBroadcast(deps, { body: body(), officerId: 'duty', idempotency: key('k') }),
    ).rejects.toThrow('SNS down');
    deps.notifier.publish = publish;
    const retried = await requestBroadcast(deps, { body: body(), officerId: 'duty', idempotency: key('k') });
    expect(retried.outcome === 'replayed' && retried.record.publication?.messageId).toBe('m1');
    expect(published).toHaveLength(1);
  });
});

describe('approveBroadcast', () => {
  it('needs a second, different officer, and sends once', async () => {
    const { deps, published } = memoryDeps({ approvalRequired: true });
    const asked = await requestBroadcast(deps, { body: body(), officerId: 'duty' });
    expect(asked.outcome === 'created' && asked.record.approvalRequired).toBe(true);
    expect(published).toHaveLength(0);
    const id = asked.outcome === 'created' ? asked.record.id : '';
    expect((await approveBroadcast(deps, { id, officerId: 'duty' })).outcome).toBe('forbidden');
    expect((await approveBroadcast(deps, { id, officerId: 'deputy' })).outcome).toBe('approved');
    expect((await approveBroadcast(deps, { id, officerId: 'deputy' })).outcome).toBe('replayed');
    expect((await approveBroadcast(deps, { id, officerId: 'night' })).outcome).toBe('conflict');
    expect((await approveBroadcast(deps, { id: 'nope', officerId: 'deputy' })).outcome).toBe('not-found');
    expect(published).toHaveLength(1);
  });
});
