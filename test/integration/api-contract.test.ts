/**
 * The OpenAPI document against the running API: every route and every documented status is
 * produced, and every response fits the schema the document gives for it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import openapi from '../../functions/api/openapi.json' with { type: 'json' };
import { routes } from '../../functions/api/routes.ts';
import { type ApiUnderTest, documentedStatuses, startApi, validateResponse } from './api-harness.ts';

const report = (extra: Record<string, unknown> = {}) => ({
  channel: 'whatsapp',
  tlp: 'AMBER',
  sender: { phones: ['07700 900417'], aliases: ['Abi'] },
  targets: { names: ['Ben Carrow'] },
  text: "Hi Ben, it's Abi from the conference reception! So embarrassed you don't remember me x",
  ...extra,
});

const covered = new Set<string>();
let api: ApiUnderTest;
let throttled: ApiUnderTest;
const tokens: Record<string, string> = {};

async function call(
  operationId: string,
  init: {
    method: string;
    path: string;
    token?: string;
    body?: unknown;
    raw?: string;
    contentType?: string;
    headers?: Record<string, string>;
  },
  target: ApiUnderTest = api,
) {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: string | undefined;
  if (init.raw !== undefined) body = init.raw;
  else if (init.body !== undefined) body = JSON.stringify(init.body);
  if (body !== undefined) headers['content-type'] = init.contentType ?? 'application/json';
  const response = await fetch(`${target.baseUrl}${init.path}`, { method: init.method, headers, body });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  const parsed = text ? JSON.parse(text) : undefined;
  expect(
    validateResponse(operationId, { status: response.status, contentType, body: parsed }),
    `${operationId} ${response.status} ${text.slice(0, 300)}`,
  ).toEqual([]);
  if (response.status >= 400) expect(contentType).toContain('application/problem+json');
  covered.add(`${operationId} ${response.status}`);
  return { status: response.status, body: parsed, headers: response.headers };
}

const ids: Record<string, string> = {};
const CAMPAIGN = '01HQ3K7ZD9V8X6W5T4S3R2Q1P0';
const MISSING = '01HZZZZZZZZZZZZZZZZZZZZZZZ';

beforeAll(async () => {
  api = await startApi({ approvalRequired: false });
  throttled = await startApi({ rateLimit: { ratePerSecond: 0.001, burst: 1 } });
  tokens.partner = await api.token('partner', 'met-police');
  tokens.otherPartner = await api.token('partner', 'ncsc');
  tokens.officer = await api.token('officer', 'duty-officer');
  tokens.member = await api.token('member', 'ben');
});
afterAll(async () => {
  await api?.close();
  await throttled?.close();
});

describe('the route table and the document', () => {
  it('documents every route the handler serves, and serves every documented operation', () => {
    const documented = Object.entries(openapi.paths).flatMap(([path, item]) =>
      Object.entries(item).map(
        ([method, op]) => `${method.toUpperCase()} ${path} ${(op as { operationId: string }).operationId}`,
      ),
    );
    expect(routes.map((r) => `${r.method} ${r.path} ${r.operationId}`).sort()).toEqual(documented.sort());
  });
});

describe('reports', () => {
  it('createReport: 202, replay, 409, 400, 413, 415, 401, 403, and a chat export', async () => {
    const created = await call('createReport', {
      method: 'POST',
      path: '/v1/reports',
      token: tokens.partner,
      body: report(),
      headers: { 'idempotency-key': 'k1' },
    });
    expect(created.status).toBe(202);
    ids.amber = created.body.id;
    const replay = await call('createReport', {
      method: 'POST',
      path: '/v1/reports',
      token: tokens.partner,
      body: report(),
      headers: { 'idempotency-key': 'k1' },
    });
    expect(replay.body.id).toBe(ids.amber);
    expect(replay.headers.get('idempotency-replayed')).toBe('true');
    const conflict = await call('createReport', {
      method: 'POST',
      path: '/v1/reports',
      token: tokens.partner,
      body: report({ text: 'other' }),
      headers: { 'idempotency-key': 'k1' },
    });
    expect(conflict.status).toBe(409);
    // Keys are scoped per principal: another partner's k1 is a new report.
    const other = await call('createReport', {
      method: 'POST',
      path: '/v1/reports',
      token: tokens.otherPartner,
      body: report({ tlp: 'GREEN' }),
      headers: { 'idempotency-key': 'k1' },
    });
    expect(other.status).toBe(202);
    ids.green = other.body.id;
    const bad = await call('createReport', {
      method: 'POST',
      path: '/v1/reports',
      token: tokens.partner,
      body: report({ channel: 'pigeon', sender: { phones: ['call me'] } }),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      '/channel',
      '/sender/phones/0',
    ]);
    const big = await call('createReport', {
      method: 'POST',
      path: '/v1/reports',
      token: tokens.partner,
      body: report({ text: 'x'.repeat(1024 * 1024 + 10) }),
    });
    expect(big.status).toBe(413);
    const xml = await call('createReport', {
      method: 'POST',
      path: '/v1/reports',
      token: tokens.partner,
      raw: '<report/>',
      contentType: 'application/xml',
    });
    expect(xml.status).toBe(415);
    expect((await call('createReport', { method: 'POST', path: '/v1/reports', body: report() })).status).toBe(
      401,
    );
    expect(
      (
        await call('createReport', {
          method: 'POST',
          path: '/v1/reports',
          token: tokens.member,
          body: report(),
        })
      ).status,
    ).toBe(403);

    const chat = [
      "12/02/2024, 21:14 - Abi: Hi Ben! It's Abi from the conference reception, so embarrassed you don't remember me",
      '12/02/2024, 21:15 - Ben Carrow: Sorry, who is this?',
      "12/02/2024, 21:16 - Abi: Let's move this to Signal x https://signal-invite.example/abi",
    ].join('\n');
    const exported = await call('createReport', {
      method: 'POST',
      path: '/v1/reports?channel=whatsapp&tlp=RED',
      token: tokens.partner,
      raw: chat,
      contentType: 'text/plain',
    });
    expect(exported.status).toBe(202);
    ids.red = exported.body.id;
    const stored = await api.deps.repository.get(exported.body.id);
    expect(stored).toMatchObject({
      channel: 'whatsapp',
      tlp: 'RED',
      source: { kind: 'partner-api', partnerId: 'met-police' },
    });
    expect(stored?.text).toContain('Signal');
    const noChannel = await call('createReport', {
      method: 'POST',
      path: '/v1/reports',
      token: tokens.partner,
      raw: chat,
      contentType: 'text/plain',
    });
    expect(noChannel.status).toBe(400);
    expect(noChannel.body.errors[0].path).toBe('query/channel');
  });

  it('createReportBatch: 207 per item, replay without duplicates, 409, 400, 413, 415, 401, 403', async () => {
    const batch = {
      reports: [
        report({ partnerRef: 'B-1' }),
        { channel: 'fax' },
        report({ partnerRef: 'B-3', tlp: 'AMBER+STRICT' }),
      ],
    };
    const first = await call('createReportBatch', {
      method: 'POST',
      path: '/v1/reports/batch',
      token: tokens.otherPartner,
      body: batch,
      headers: { 'idempotency-key': 'batch-1' },
    });
    expect(first.status).toBe(207);
    expect(first.body.results.map((r: { status: number }) => r.status)).toEqual([202, 400, 202]);
    expect(first.body.results[1].errors[0].path).toMatch(/^\/reports\/1\//);
    ids.strict = first.body.results[2].id;
    const again = await call('createReportBatch', {
      method: 'POST',
      path: '/v1/reports/batch',
      token: tokens.otherPartner,
      body: batch,
      headers: { 'idempotency-key': 'batch-1' },
    });
    expect(again.body.results.map((r: { id?: string }) => r.id)).toEqual(
      first.body.results.map((r: { id?: string }) => r.id),
    );
    const conflict = await call('createReportBatch', {
      method: 'POST',
      path: '/v1/reports/batch',
      token: tokens.otherPartner,
      body: { reports: [report()] },
      headers: { 'idempotency-key': 'batch-1' },
    });
    expect(conflict.status).toBe(409);
    const tooMany = await call('createReportBatch', {
      method: 'POST',
      path: '/v1/reports/batch',
      token: tokens.partner,
      body: { reports: Array.from({ length: 101 }, () => report()) },
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors[0].path).toBe('/reports');
    const huge = await call('createReportBatch', {
      method: 'POST',
      path: '/v1/reports/batch',
      token: tokens.partner,
      raw: JSON.stringify({ reports: [report({ text: 'y'.repeat(5 * 1024 * 1024) })] }),
    });
    expect(huge.status).toBe(413);
    expect(
      (
        await call('createReportBatch', {
          method: 'POST',
          path: '/v1/reports/batch',
          token: tokens.partner,
          raw: 'a,b',
          contentType: 'text/csv',
        })
      ).status,
    ).toBe(415);
    expect(
      (await call('createReportBatch', { method: 'POST', path: '/v1/reports/batch', body: batch })).status,
    ).toBe(401);
    expect(
      (
        await call('createReportBatch', {
          method: 'POST',
          path: '/v1/reports/batch',
          token: tokens.member,
          body: batch,
        })
      ).status,
    ).toBe(403);
  });

  it('getReport: 200 own, 403 another partner’s, 404, 401', async () => {
    expect(
      (await call('getReport', { method: 'GET', path: `/v1/reports/${ids.amber}`, token: tokens.partner }))
        .status,
    ).toBe(200);
    expect(
      (await call('getReport', { method: 'GET', path: `/v1/reports/${ids.amber}`, token: tokens.officer }))
        .status,
    ).toBe(200);
    expect(
      (
        await call('getReport', {
          method: 'GET',
          path: `/v1/reports/${ids.amber}`,
          token: tokens.otherPartner,
        })
      ).status,
    ).toBe(403);
    expect(
      (await call('getReport', { method: 'GET', path: `/v1/reports/${MISSING}`, token: tokens.officer }))
        .status,
    ).toBe(404);
    expect(
      (await call('getReport', { method: 'GET', path: '/v1/reports/not-an-id', token: tokens.officer }))
        .status,
    ).toBe(404);
    expect((await call('getReport', { method: 'GET', path: `/v1/reports/${ids.amber}` })).status).toBe(401);
  });

  it('listReports: newest first, own only for partners, filters and cursors, 400 on bad queries', async () => {
    const mine = await call('listReports', { method: 'GET', path: '/v1/reports', token: tokens.partner });
    expect(mine.status).toBe(200);
    expect(
      mine.body.items.every((r: { source: { partnerId: string } }) => r.source.partnerId === 'met-police'),
    ).toBe(true);
    const all = await call('listReports', {
      method: 'GET',
      path: '/v1/reports?limit=2',
      token: tokens.officer,
    });
    expect(all.body.items).toHaveLength(2);
    expect(all.body.items[0].id > all.body.items[1].id).toBe(true);
    const seen = [...all.body.items.map((r: { id: string }) => r.id)];
    let cursor = all.body.nextCursor;
    while (cursor) {
      const next = await call('listReports', {
        method: 'GET',
        path: `/v1/reports?limit=2&cursor=${cursor}`,
        token: tokens.officer,
      });
      seen.push(...next.body.items.map((r: { id: string }) => r.id));
      cursor = next.body.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort().reverse());
    expect(seen.length).toBe(5);
    const sms = await call('listReports', {
      method: 'GET',
      path: '/v1/reports?channel=sms',
      token: tokens.officer,
    });
    expect(sms.body.items).toEqual([]);
    const whatsappNcsc = await call('listReports', {
      method: 'GET',
      path: '/v1/reports?channel=whatsapp&status=received',
      token: tokens.otherPartner,
    });
    expect(whatsappNcsc.body.items.length).toBe(3);
    const bad = await call('listReports', {
      method: 'GET',
      path: '/v1/reports?verdict=evil&limit=1000&cursor=nope',
      token: tokens.officer,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'query/cursor',
      'query/limit',
      'query/verdict',
    ]);
    expect((await call('listReports', { method: 'GET', path: '/v1/reports' })).status).toBe(401);
    expect(
      (await call('listReports', { method: 'GET', path: '/v1/reports', token: tokens.member })).status,
    ).toBe(403);
  });
});

describe('campaigns and exports, TLP honoured', () => {
  beforeAll(() => {
    api.campaigns.add(CAMPAIGN, [ids.amber!, ids.green!, ids.red!, ids.strict!], {
      phones: ['+447700900417'],
      tlp: 'RED',
    });
  });

  it('listCampaigns: 200 without contents, 400, 401, 403', async () => {
    const list = await call('listCampaigns', { method: 'GET', path: '/v1/campaigns', token: tokens.partner });
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0].phones).toBeUndefined();
    expect(
      (await call('listCampaigns', { method: 'GET', path: '/v1/campaigns?limit=0', token: tokens.partner }))
        .status,
    ).toBe(400);
    expect((await call('listCampaigns', { method: 'GET', path: '/v1/campaigns' })).status).toBe(401);
    expect(
      (await call('listCampaigns', { method: 'GET', path: '/v1/campaigns', token: tokens.member })).status,
    ).toBe(403);
  });

  it('getCampaign: officers see everything, partners what the markings allow', async () => {
    const officer = await call('getCampaign', {
      method: 'GET',
      path: `/v1/campaigns/${CAMPAIGN}`,
      token: tokens.officer,
    });
    expect(officer.body.reportCount).toBe(4);
    expect(officer.body.indicators.map((i: { value: string }) => i.value)).toContain(
      'https://signal-invite.example/abi',
    );
    // met-police: its own AMBER and the GREEN; never RED, not ncsc's AMBER+STRICT.
    const metPolice = await call('getCampaign', {
      method: 'GET',
      path: `/v1/campaigns/${CAMPAIGN}`,
      token: tokens.partner,
    });
    expect(metPolice.body.reportIds.sort()).toEqual([ids.amber, ids.green].sort());
    expect(metPolice.body.withheldReports).toBe(2);
    expect(JSON.stringify(metPolice.body)).not.toContain('signal-invite');
    const ncsc = await call('getCampaign', {
      method: 'GET',
      path: `/v1/campaigns/${CAMPAIGN}`,
      token: tokens.otherPartner,
    });
    expect(ncsc.body.reportIds).toContain(ids.strict);
    expect(
      (await call('getCampaign', { method: 'GET', path: `/v1/campaigns/${MISSING}`, token: tokens.officer }))
        .status,
    ).toBe(404);
    expect((await call('getCampaign', { method: 'GET', path: `/v1/campaigns/${CAMPAIGN}` })).status).toBe(
      401,
    );
    expect(
      (await call('getCampaign', { method: 'GET', path: `/v1/campaigns/${CAMPAIGN}`, token: tokens.member }))
        .status,
    ).toBe(403);
  });

  it('getCampaignStix / getCampaignMisp: never TLP:RED, not even for officers', async () => {
    for (const [op, suffix] of [
      ['getCampaignStix', 'stix'],
      ['getCampaignMisp', 'misp'],
    ] as const) {
      const officer = await call(op, {
        method: 'GET',
        path: `/v1/campaigns/${CAMPAIGN}/${suffix}`,
        token: tokens.officer,
      });
      expect(officer.status).toBe(200);
      const text = JSON.stringify(officer.body);
      expect(text).not.toContain('signal-invite');
      expect(text).toContain('+447700900417');
      expect(
        (await call(op, { method: 'GET', path: `/v1/campaigns/${MISSING}/${suffix}`, token: tokens.partner }))
          .status,
      ).toBe(404);
      expect((await call(op, { method: 'GET', path: `/v1/campaigns/${CAMPAIGN}/${suffix}` })).status).toBe(
        401,
      );
      expect(
        (await call(op, { method: 'GET', path: `/v1/campaigns/${CAMPAIGN}/${suffix}`, token: tokens.member }))
          .status,
      ).toBe(403);
    }
    const stix = await call('getCampaignStix', {
      method: 'GET',
      path: `/v1/campaigns/${CAMPAIGN}/stix`,
      token: tokens.officer,
    });
    expect(stix.headers.get('content-type')).toContain('application/stix+json');
  });
});

describe('broadcasts', () => {
  const body = { audience: 'all', freeText: 'Two numbers so far.', campaignIds: [] as string[] };

  it('createBroadcast: 200 preview, 201 sent, replay, 409, 429, override, 400, 413, 415, 401, 403', async () => {
    const preview = await call('createBroadcast', {
      method: 'POST',
      path: '/v1/broadcasts?preview=true',
      token: tokens.officer,
      body,
    });
    expect(preview.status).toBe(200);
    expect(preview.body.recipients).toEqual({ people: 3, emails: 2, sms: 2 });
    expect(api.published).toHaveLength(0);
    const sent = await call('createBroadcast', {
      method: 'POST',
      path: '/v1/broadcasts',
      token: tokens.officer,
      body,
      headers: { 'idempotency-key': 'b-1' },
    });
    expect(sent.status).toBe(201);
    expect(sent.body.content).toEqual(preview.body.content);
    expect(sent.body.publication.messageId).toBe('msg-1');
    ids.broadcast = sent.body.id;
    const replay = await call('createBroadcast', {
      method: 'POST',
      path: '/v1/broadcasts',
      token: tokens.officer,
      body,
      headers: { 'idempotency-key': 'b-1' },
    });
    expect(replay.body.id).toBe(ids.broadcast);
    expect(api.published).toHaveLength(1);
    expect(
      (
        await call('createBroadcast', {
          method: 'POST',
          path: '/v1/broadcasts',
          token: tokens.officer,
          body: { ...body, audience: 'staff' },
          headers: { 'idempotency-key': 'b-1' },
        })
      ).status,
    ).toBe(409);
    const limited = await call('createBroadcast', {
      method: 'POST',
      path: '/v1/broadcasts',
      token: tokens.officer,
      body,
      headers: { 'idempotency-key': 'b-2' },
    });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(500);
    const override = await call('createBroadcast', {
      method: 'POST',
      path: '/v1/broadcasts',
      token: tokens.officer,
      body: { ...body, override: true, overrideReason: 'a second wave this afternoon' },
      headers: { 'idempotency-key': 'b-2' },
    });
    expect(override.status).toBe(201);
    expect(override.body.override.reason).toBe('a second wave this afternoon');
    expect(api.published).toHaveLength(2);
    const invalid = await call('createBroadcast', {
      method: 'POST',
      path: '/v1/broadcasts',
      token: tokens.officer,
      body: { audience: 'everyone', sms: 'Emoji 🚨 not allowed', override: true, campaignIds: [MISSING] },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/audience', '/sms']);
    const noReason = await call('createBroadcast', {
      method: 'POST',
      path: '/v1/broadcasts',
      token: tokens.officer,
      body: { override: true },
    });
    expect(noReason.body.errors.map((e: { path: string }) => e.path)).toEqual(['/overrideReason']);
    const unknownCampaign = await call('createBroadcast', {
      method: 'POST',
      path: '/v1/broadcasts',
      token: tokens.officer,
      body: { dryRun: true, campaignIds: [MISSING] },
    });
    expect(unknownCampaign.body.errors[0].path).toBe('/campaignIds/0');
    expect(
      (
        await call('createBroadcast', {
          method: 'POST',
          path: '/v1/broadcasts',
          token: tokens.officer,
          body: { freeText: 'z'.repeat(70_000) },
        })
      ).status,
    ).toBe(413);
    expect(
      (
        await call('createBroadcast', {
          method: 'POST',
          path: '/v1/broadcasts',
          token: tokens.officer,
          raw: 'hello',
          contentType: 'text/plain',
        })
      ).status,
    ).toBe(415);
    expect((await call('createBroadcast', { method: 'POST', path: '/v1/broadcasts', body })).status).toBe(
      401,
    );
    expect(
      (await call('createBroadcast', { method: 'POST', path: '/v1/broadcasts', token: tokens.partner, body }))
        .status,
    ).toBe(403);
    expect(api.published).toHaveLength(2);
  });

  it('a linked campaign appears in the warning without its TLP:RED or AMBER+STRICT details', async () => {
    const preview = await call('createBroadcast', {
      method: 'POST',
      path: '/v1/broadcasts',
      token: tokens.officer,
      body: { dryRun: true, campaignIds: [CAMPAIGN] },
    });
    const email = preview.body.content.perProtocol.email as string;
    expect(email).toContain('+447700900417');
    expect(email).not.toContain('signal-invite');
    expect(preview.body.sms.septets).toBeLessThanOrEqual(160);
  });

  it('getBroadcast: 200, 404, 401, 403', async () => {
    const got = await call('getBroadcast', {
      method: 'GET',
      path: `/v1/broadcasts/${ids.broadcast}`,
      token: tokens.officer,
    });
    expect(got.body).toMatchObject({ id: ids.broadcast, state: 'sent', requestedBy: 'duty-officer' });
    expect(
      (
        await call('getBroadcast', {
          method: 'GET',
          path: `/v1/broadcasts/${MISSING}`,
          token: tokens.officer,
        })
      ).status,
    ).toBe(404);
    expect(
      (await call('getBroadcast', { method: 'GET', path: `/v1/broadcasts/${ids.broadcast}` })).status,
    ).toBe(401);
    expect(
      (
        await call('getBroadcast', {
          method: 'GET',
          path: `/v1/broadcasts/${ids.broadcast}`,
          token: tokens.partner,
        })
      ).status,
    ).toBe(403);
  });

  it('approveBroadcast: a second officer sends it; the first may not; 400, 404, 409, 413, 415, 429', async () => {
    const approvals = await startApi({ approvalRequired: true });
    try {
      const first = await approvals.token('officer', 'duty-officer');
      const second = await approvals.token('officer', 'deputy-officer');
      const third = await approvals.token('officer', 'night-officer');
      const asked = await call(
        'createBroadcast',
        { method: 'POST', path: '/v1/broadcasts', token: first, body },
        approvals,
      );
      expect(asked.status).toBe(202);
      expect(asked.body.state).toBe('awaiting-approval');
      expect(approvals.published).toHaveLength(0);
      const path = `/v1/broadcasts/${asked.body.id}/approve`;
      expect((await call('approveBroadcast', { method: 'POST', path, token: first }, approvals)).status).toBe(
        403,
      );
      expect(
        (
          await call(
            'approveBroadcast',
            { method: 'POST', path, token: second, body: { please: true } },
            approvals,
          )
        ).status,
      ).toBe(400);
      expect(
        (
          await call(
            'approveBroadcast',
            { method: 'POST', path, token: second, raw: 'yes', contentType: 'text/plain' },
            approvals,
          )
        ).status,
      ).toBe(415);
      expect(
        (
          await call(
            'approveBroadcast',
            { method: 'POST', path, token: second, raw: `{"a":"${'q'.repeat(5000)}"}` },
            approvals,
          )
        ).status,
      ).toBe(413);
      const approved = await call(
        'approveBroadcast',
        { method: 'POST', path, token: second, headers: { 'idempotency-key': 'ap-1' } },
        approvals,
      );
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ state: 'sent', approval: { approvedBy: 'deputy-officer' } });
      expect(
        (
          await call(
            'approveBroadcast',
            { method: 'POST', path, token: second, headers: { 'idempotency-key': 'ap-1' } },
            approvals,
          )
        ).status,
      ).toBe(200);
      expect(approvals.published).toHaveLength(1);
      expect((await call('approveBroadcast', { method: 'POST', path, token: third }, approvals)).status).toBe(
        409,
      );
      expect(
        (
          await call(
            'approveBroadcast',
            { method: 'POST', path: `/v1/broadcasts/${MISSING}/approve`, token: second },
            approvals,
          )
        ).status,
      ).toBe(404);
      // The same key for another request is a conflict.
      expect(
        (
          await call(
            'approveBroadcast',
            {
              method: 'POST',
              path: `/v1/broadcasts/${MISSING}/approve`,
              token: second,
              headers: { 'idempotency-key': 'ap-1' },
            },
            approvals,
          )
        ).status,
      ).toBe(409);
      // A second request within the interval is stored, but its approval is refused until then.
      const next = await call(
        'createBroadcast',
        { method: 'POST', path: '/v1/broadcasts', token: first, body: { ...body, audience: 'members' } },
        approvals,
      );
      const refused = await call(
        'approveBroadcast',
        { method: 'POST', path: `/v1/broadcasts/${next.body.id}/approve`, token: second },
        approvals,
      );
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBeTruthy();
      const deputy = await api.token('officer', 'deputy-officer');
      expect(
        (
          await call('approveBroadcast', {
            method: 'POST',
            path: `/v1/broadcasts/${ids.broadcast}/approve`,
            token: deputy,
          })
        ).status,
      ).toBe(409);
      expect((await call('approveBroadcast', { method: 'POST', path })).status).toBe(401);
      expect((await call('approveBroadcast', { method: 'POST', path, token: tokens.partner })).status).toBe(
        403,
      );
    } finally {
      await approvals.close();
    }
  });
});

describe('the roster', () => {
  const CSV = [
    'name,role,party,email,mobile',
    'Andrew Fenwick,MP,Labour,andrew.fenwick.mp@parliament.uk,07700 900001',
    'Ben Carrow,Caseworker,,ben.carrow@parliament.uk,',
    '"Dunn, Clare",Baroness,Crossbench,,+44 7700 900003',
    'Dana Pike,Lobby correspondent,,dana.pike@news.example,',
  ].join('\n');
  const put = (init: { token?: string; raw?: string; contentType?: string; query?: string }, target = api) =>
    call(
      'putRoster',
      {
        method: 'PUT',
        path: `/v1/roster${init.query ?? ''}`,
        token: init.token,
        raw: init.raw ?? CSV,
        contentType: init.contentType ?? 'text/csv',
      },
      target,
    );

  it('an officer replaces the roster from CSV and reads back what each audience reaches', async () => {
    const dry = await put({ token: tokens.officer, query: '?dryRun=true' });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ stored: false, entries: 4 });
    // A dry run stores nothing: the roster in force is still the harness's three people.
    expect(
      (await call('getRoster', { method: 'GET', path: '/v1/roster', token: tokens.officer })).body,
    ).toMatchObject({
      entries: 3,
    });

    const stored = await put({ token: tokens.officer });
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({
      stored: true,
      entries: 4,
      importedBy: 'duty-officer',
      audiences: {
        all: { people: 4, emails: 3, sms: 2 },
        members: { people: 2, emails: 1, sms: 2 },
        staff: { people: 1, emails: 1, sms: 0 },
      },
      subscriptions: { email: 3, sms: 2 },
    });
    const read = await call('getRoster', { method: 'GET', path: '/v1/roster', token: tokens.officer });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(
      Object.fromEntries(Object.entries(stored.body).filter(([k]) => k !== 'stored')),
    );
    // Broadcast audiences follow the new roster at once.
    const preview = await call('createBroadcast', {
      method: 'POST',
      path: '/v1/broadcasts?preview=true',
      token: tokens.officer,
      body: { audience: 'members' },
    });
    expect(preview.body.recipients).toEqual({ people: 2, emails: 1, sms: 2 });
  });

  it('refuses a CSV with bad lines, naming each line, and keeps the roster in force', async () => {
    const before = (await call('getRoster', { method: 'GET', path: '/v1/roster', token: tokens.officer }))
      .body;
    const bad = `${CSV}\nNo Contact,MP,,,\nEve Hart,MP,,not-an-address,\nZed,,,zed@parliament.uk,0770`;
    const refused = await put({ token: tokens.officer, raw: bad });
    expect(refused.status).toBe(400);
    const paths = refused.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['line/6', 'line/7/email', 'line/8/role', 'line/8/mobile']));
    expect(refused.body.detail).toMatch(/nothing was imported/);
    const header = await put({ token: tokens.officer, raw: 'name,email\nA,a@b.example' });
    expect(header.status).toBe(400);
    expect(header.body.errors[0].message).toMatch(/missing column/);
    expect((await put({ token: tokens.officer, query: '?dryRun=maybe' })).status).toBe(400);
    const after = (await call('getRoster', { method: 'GET', path: '/v1/roster', token: tokens.officer }))
      .body;
    expect(after).toEqual(before);
  });

  it('refuses other media types, oversize bodies, strangers and non-officers', async () => {
    expect((await put({ token: tokens.officer, contentType: 'application/json', raw: '{}' })).status).toBe(
      415,
    );
    const huge = `${CSV}\n${'x'.repeat(2 * 1024 * 1024)}`;
    expect((await put({ token: tokens.officer, raw: huge })).status).toBe(413);
    expect((await put({})).status).toBe(401);
    expect((await call('getRoster', { method: 'GET', path: '/v1/roster' })).status).toBe(401);
    expect((await put({ token: tokens.partner })).status).toBe(403);
    expect((await put({ token: tokens.member })).status).toBe(403);
    expect(
      (await call('getRoster', { method: 'GET', path: '/v1/roster', token: tokens.partner })).status,
    ).toBe(403);
  });

  it('answers 404 before any roster was imported', async () => {
    const empty = await startApi({ roster: null });
    try {
      const token = await empty.token('officer', 'first-officer');
      expect((await call('getRoster', { method: 'GET', path: '/v1/roster', token }, empty)).status).toBe(404);
      expect((await put({ token }, empty)).status).toBe(200);
      expect((await call('getRoster', { method: 'GET', path: '/v1/roster', token }, empty)).status).toBe(200);
    } finally {
      await empty.close();
    }
  });
});

describe('the gateway', () => {
  it('serves the document publicly', async () => {
    const doc = await call('getOpenApi', { method: 'GET', path: '/v1/openapi.json' });
    expect(doc.body.openapi).toBe('3.1.0');
  });

  it('answers 429 with Retry-After on every route once a client’s bucket is empty', async () => {
    const token = await throttled.token('officer', 'busy-officer');
    for (const r of routes) {
      const path = r.path.replace('{id}', MISSING);
      // Each route under a fresh identity: the first request spends the one token, the second is refused.
      const sub = `client-${r.operationId}`;
      const t = r.scope ? await throttled.token('officer', sub) : undefined;
      const init = { method: r.method, path, token: t, ...(r.method === 'POST' ? { body: {} } : {}) };
      if (r.scope)
        await fetch(`${throttled.baseUrl}${path}`, {
          method: r.method,
          headers: { authorization: `Bearer ${t}` },
        });
      else await fetch(`${throttled.baseUrl}${path}`);
      const refused = await call(r.operationId, init, throttled);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(token).toBeTruthy();
  });

  it('every documented status was produced and validated', () => {
    const missing = documentedStatuses()
      .map(([op, status]) => `${op} ${status}`)
      .filter((key) => !covered.has(key));
    expect(missing).toEqual([]);
  });
});
