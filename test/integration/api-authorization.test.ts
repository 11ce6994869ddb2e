/**
 * The authorization matrix: each kind of caller against each route, through the handler alone
 * (as if API Gateway's authorizer had let everything through: the handler must still refuse).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/api/routes.ts';
import { type ApiUnderTest, apiEvent, CLAIMS, startApi } from './api-harness.ts';

type Caller = 'anonymous' | 'member' | 'partner' | 'otherPartner' | 'scopedPartner' | 'officer';

const CALLER_CLAIMS: Record<Caller, Record<string, unknown> | null> = {
  anonymous: null,
  member: CLAIMS.member!,
  partner: CLAIMS.partner!,
  otherPartner: CLAIMS.otherPartner!,
  // A misconfigured app client: the broadcast scope without the officers' group.
  scopedPartner: {
    client_id: 'rogue',
    scope:
      'lurewatch/broadcasts.send lurewatch/roster.manage lurewatch/reports.read lurewatch/campaigns.read',
  },
  officer: CLAIMS.officer!,
};

/** Expected status per operation and caller ("own" = the partner's report; the campaign exists). */
const MATRIX: Record<string, Record<Caller, number>> = {
  getOpenApi: {
    anonymous: 200,
    member: 200,
    partner: 200,
    otherPartner: 200,
    scopedPartner: 200,
    officer: 200,
  },
  createReport: {
    anonymous: 401,
    member: 403,
    partner: 202,
    otherPartner: 202,
    scopedPartner: 403,
    officer: 202,
  },
  listReports: {
    anonymous: 401,
    member: 403,
    partner: 200,
    otherPartner: 200,
    scopedPartner: 200,
    officer: 200,
  },
  createReportBatch: {
    anonymous: 401,
    member: 403,
    partner: 207,
    otherPartner: 207,
    scopedPartner: 403,
    officer: 207,
  },
  getReport: {
    anonymous: 401,
    member: 403,
    partner: 200,
    otherPartner: 403,
    scopedPartner: 403,
    officer: 200,
  },
  listCampaigns: {
    anonymous: 401,
    member: 403,
    partner: 200,
    otherPartner: 200,
    scopedPartner: 200,
    officer: 200,
  },
  getCampaign: {
    anonymous: 401,
    member: 403,
    partner: 200,
    otherPartner: 200,
    scopedPartner: 200,
    officer: 200,
  },
  getCampaignStix: {
    anonymous: 401,
    member: 403,
    partner: 200,
    otherPartner: 200,
    scopedPartner: 200,
    officer: 200,
  },
  getCampaignMisp: {
    anonymous: 401,
    member: 403,
    partner: 200,
    otherPartner: 200,
    scopedPartner: 200,
    officer: 200,
  },
  createBroadcast: {
    anonymous: 401,
    member: 403,
    partner: 403,
    otherPartner: 403,
    scopedPartner: 403,
    officer: 200,
  },
  getBroadcast: {
    anonymous: 401,
    member: 403,
    partner: 403,
    otherPartner: 403,
    scopedPartner: 403,
    officer: 404,
  },
  approveBroadcast: {
    anonymous: 401,
    member: 403,
    partner: 403,
    otherPartner: 403,
    scopedPartner: 403,
    officer: 404,
  },
  getRoster: {
    anonymous: 401,
    member: 403,
    partner: 403,
    otherPartner: 403,
    scopedPartner: 403,
    officer: 200,
  },
  putRoster: {
    anonymous: 401,
    member: 403,
    partner: 403,
    otherPartner: 403,
    // A partner client misconfigured with the roster scope is still not an officer.
    scopedPartner: 403,
    officer: 200,
  },
};

const CAMPAIGN = '01HQ3K7ZD9V8X6W5T4S3R2Q1P0';
const MISSING = '01HZZZZZZZZZZZZZZZZZZZZZZZ';
let api: ApiUnderTest;
let ownReport: string;

beforeAll(async () => {
  api = await startApi();
  const created = await api.handler(
    apiEvent({
      method: 'POST',
      path: '/v1/reports',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        channel: 'sms',
        sender: { phones: ['+447700900417'] },
        text: 'we met at the reception',
      }),
      claims: CLAIMS.partner,
    }),
  );
  ownReport = JSON.parse(created.body).id;
  api.campaigns.add(CAMPAIGN, [ownReport]);
});
afterAll(() => api?.close());

const report = { channel: 'sms', sender: { phones: ['+447700900417'] }, text: 'hello again' };
const BODIES: Record<string, unknown> = {
  createReport: report,
  createReportBatch: { reports: [report] },
  createBroadcast: { dryRun: true },
};
/** Bodies that are not JSON, with their media type. */
const RAW_BODIES: Record<string, { contentType: string; body: string }> = {
  putRoster: {
    contentType: 'text/csv',
    body: 'name,role,party,email,mobile\nAndrew Fenwick,MP,Labour,andrew.fenwick.mp@parliament.uk,',
  },
};

describe('authorization matrix (handler alone)', () => {
  const cases = routes.flatMap((route) =>
    (Object.keys(CALLER_CLAIMS) as Caller[]).map((caller) => [route.operationId, caller] as const),
  );
  it('covers every route', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(routes.map((r) => r.operationId).sort());
  });
  it.each(cases)('%s as %s', async (operationId, caller) => {
    const route = routes.find((r) => r.operationId === operationId)!;
    const id =
      operationId === 'getReport' ? ownReport : operationId.includes('Campaign') ? CAMPAIGN : MISSING;
    const body = BODIES[operationId];
    const raw = RAW_BODIES[operationId];
    const response = await api.handler(
      apiEvent({
        method: route.method,
        path: route.path.replace('{id}', id),
        headers: raw
          ? { 'content-type': raw.contentType }
          : body
            ? { 'content-type': 'application/json' }
            : {},
        body: raw ? raw.body : body ? JSON.stringify(body) : null,
        claims: CALLER_CLAIMS[caller],
      }),
    );
    expect(response.statusCode, response.body).toBe(MATRIX[operationId]![caller]);
  });
});
