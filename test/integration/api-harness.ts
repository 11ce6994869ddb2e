/**
 * The API under test: the real handler and gateway, real DynamoDB Local (reports, broadcasts,
 * the roster), in-memory notifier and campaign store; plus an OpenAPI response validator (ajv, JSON Schema 2020-12).
 */
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { buildApiHandler, createApiHandler } from '../../functions/api/handler.ts';
import type { ApiDependencies } from '../../functions/api/http.ts';
import openapi from '../../functions/api/openapi.json' with { type: 'json' };
import { createGateway, type RateLimit } from '../../infra/local/http-gateway.ts';
import { localLambdaContext } from '../../infra/local/lambda-context.ts';
import { loadSigningKey, mintToken, verifyToken } from '../../infra/local/tokens.ts';
import { DynamoBroadcastStore } from '../../shared/adapters/dynamodb/broadcast-store.ts';
import { DynamoEffectLedger } from '../../shared/adapters/dynamodb/effect-ledger.ts';
import { DynamoIdempotencyKeys } from '../../shared/adapters/dynamodb/idempotency-keys.ts';
import { DynamoReportRepository } from '../../shared/adapters/dynamodb/report-repository.ts';
import { DynamoRosterStore } from '../../shared/adapters/dynamodb/roster-store.ts';
import type { Role } from '../../shared/auth/principal.ts';
import { EMPTY_ROSTER } from '../../shared/campaigns/roster.ts';
import { loadConfig } from '../../shared/config.ts';
import type { Publication } from '../../shared/domain/ports.ts';
import type { CampaignReader, CampaignRecord } from '../../shared/export/campaign-reader.ts';
import type { Roster } from '../../shared/roster/roster.ts';
import { freshTable } from '../support/dynamodb.ts';

export class MemoryCampaigns implements CampaignReader {
  readonly campaigns = new Map<string, { record: CampaignRecord; reportIds: string[] }>();
  add(id: string, reportIds: string[], extra: Record<string, unknown> = {}) {
    this.campaigns.set(id, {
      record: { id, createdAt: new Date().toISOString(), reportCount: reportIds.length, ...extra },
      reportIds,
    });
  }
  async get(id: string) {
    return this.campaigns.get(id)?.record;
  }
  async list({ limit = 25, cursor }: { limit?: number; cursor?: string }) {
    const all = [...this.campaigns.values()].map((c) => c.record);
    const start = cursor ? Number(cursor) : 0;
    if (!Number.isInteger(start)) throw new Error('bad cursor');
    const items = all.slice(start, start + limit);
    return { items, ...(start + limit < all.length ? { cursor: String(start + limit) } : {}) };
  }
  async reportIdsOf(id: string) {
    return { items: this.campaigns.get(id)?.reportIds ?? [] };
  }
}

export const ROSTER: Roster = {
  importedAt: '2024-02-01T00:00:00.000Z',
  entries: [
    {
      name: 'Andrew Fenwick',
      role: 'MP',
      party: 'Labour',
      email: 'andrew.fenwick.mp@parliament.uk',
      mobile: '+447700900001',
    },
    { name: 'Ben Carrow', role: 'Caseworker', party: '', email: 'ben.carrow@parliament.uk' },
    { name: 'Clare Dunn', role: 'Baroness', party: 'Crossbench', mobile: '+447700900003' },
  ],
};

export interface ApiUnderTest {
  deps: ApiDependencies;
  published: Publication[];
  campaigns: MemoryCampaigns;
  handler: ReturnType<typeof createApiHandler>;
  baseUrl: string;
  token(role: Role, sub?: string): Promise<string>;
  /** Advances the clock the broadcast rate limit sees. */
  clock: { now: number };
  close(): Promise<void>;
}

export async function startApi(
  options: {
    approvalRequired?: boolean;
    minIntervalMs?: number;
    rateLimit?: RateLimit;
    failPublish?: () => boolean;
    /** The roster in the table at the start; null: none imported yet. */
    roster?: Roster | null;
  } = {},
): Promise<ApiUnderTest> {
  const { db, tableName } = await freshTable('api');
  const repository = new DynamoReportRepository(db, tableName);
  const roster = new DynamoRosterStore(db, tableName);
  if (options.roster !== null) await roster.save(options.roster ?? ROSTER);
  const published: Publication[] = [];
  const campaigns = new MemoryCampaigns();
  const clock = { now: Date.now() };
  const config = loadConfig({});
  const deps: ApiDependencies = {
    config,
    repository,
    ledger: new DynamoEffectLedger(db, tableName),
    notifier: {
      async publish(publication) {
        if (options.failPublish?.()) throw new Error('SNS is down');
        published.push(publication);
        return { messageId: `msg-${published.length}` };
      },
    },
    mailer: { send: async () => ({ messageId: 'mail' }) },
    rawMail: { get: async () => new Uint8Array(), put: async () => {} },
    broadcasts: new DynamoBroadcastStore(db, tableName),
    idempotency: new DynamoIdempotencyKeys(db, tableName),
    campaigns,
    roster,
    rosterIndex: () => EMPTY_ROSTER,
    refreshRoster: async () => {},
    broadcastPolicy: {
      securityTeamPhone: '020 7946 0000',
      reportAddress: config.reportAddress,
      approvalRequired: options.approvalRequired ?? false,
      minIntervalMs: options.minIntervalMs ?? 600_000,
    },
    now: () => new Date(clock.now),
  };
  const handler = createApiHandler(() => deps);
  const key = await loadSigningKey(join(mkdtempSync(join(tmpdir(), 'lurewatch-api-')), 'key.json'));
  const gateway = createGateway({
    handler: buildApiHandler(() => deps),
    verify: (token) => verifyToken(key, token),
    context: () => localLambdaContext('api'),
    rateLimit: options.rateLimit ?? { ratePerSecond: 100_000, burst: 100_000 },
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  const { port } = gateway.address() as AddressInfo;
  return {
    deps,
    published,
    campaigns,
    handler,
    baseUrl: `http://127.0.0.1:${port}`,
    token: (role, sub) => mintToken(key, role, { sub }),
    clock,
    close: () =>
      new Promise<void>((resolve) => {
        gateway.close(() => resolve());
        gateway.closeAllConnections();
      }),
  };
}

/** A REST proxy event for calling the handler directly (no gateway). */
export function apiEvent(init: {
  method: string;
  path: string;
  body?: string | null;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  claims?: Record<string, unknown> | null;
}): APIGatewayProxyEvent {
  return {
    resource: '/{proxy+}',
    path: init.path,
    httpMethod: init.method,
    headers: init.headers ?? {},
    multiValueHeaders: {},
    queryStringParameters: init.query ?? null,
    multiValueQueryStringParameters: null,
    pathParameters: null,
    stageVariables: null,
    body: init.body ?? null,
    isBase64Encoded: false,
    requestContext: {
      authorizer: init.claims ? { claims: init.claims } : null,
    } as APIGatewayProxyEvent['requestContext'],
  };
}

export const CLAIMS: Record<string, Record<string, unknown>> = {
  partner: {
    client_id: 'met-police',
    scope: 'lurewatch/reports.write lurewatch/reports.read lurewatch/campaigns.read',
  },
  otherPartner: {
    client_id: 'ncsc',
    scope: 'lurewatch/reports.write lurewatch/reports.read lurewatch/campaigns.read',
  },
  officer: {
    username: 'duty-officer',
    'cognito:groups': 'security-officers',
    scope:
      'lurewatch/reports.write lurewatch/reports.read lurewatch/campaigns.read lurewatch/broadcasts.send lurewatch/roster.manage',
  },
  member: { username: 'ben', 'cognito:groups': 'members', scope: '' },
};

// --- OpenAPI response validation ---

type Json = Record<string, unknown>;
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
ajv.addSchema(openapi as Json, 'openapi.json');

const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
const resolveRef = (node: Json): { node: Json; pointer?: string } => {
  const ref = node.$ref as string | undefined;
  if (!ref) return { node };
  const parts = ref.replace(/^#\//, '').split('/');
  let target: unknown = openapi;
  for (const p of parts) target = (target as Json)[p.replace(/~1/g, '/').replace(/~0/g, '~')];
  return { node: target as Json, pointer: ref };
};

export function operationOf(operationId: string): { path: string; method: string; op: Json } {
  for (const [path, item] of Object.entries(openapi.paths as Record<string, Json>)) {
    for (const [method, op] of Object.entries(item)) {
      if ((op as Json).operationId === operationId) return { path, method, op: op as Json };
    }
  }
  throw new Error(`no operation ${operationId}`);
}

/** Every (operationId, status) the document promises. */
export function documentedStatuses(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const item of Object.values(openapi.paths as Record<string, Json>)) {
    for (const op of Object.values(item) as Json[]) {
      for (const status of Object.keys(op.responses as Json)) out.push([String(op.operationId), status]);
    }
  }
  return out;
}

/** Checks a response against the document: the status is documented, the body fits its schema. */
export function validateResponse(
  operationId: string,
  response: { status: number; contentType: string; body: unknown },
): string[] {
  const { path, method, op } = operationOf(operationId);
  const responses = op.responses as Record<string, Json>;
  const declared = responses[String(response.status)];
  if (!declared) return [`status ${response.status} is not documented for ${operationId}`];
  const { node, pointer: responsePointer } = resolveRef(declared);
  const content = node.content as Record<string, Json> | undefined;
  if (!content) return [];
  const mediaType = Object.keys(content).find((m) => response.contentType.startsWith(m.split(';')[0]!));
  if (!mediaType)
    return [`content type ${response.contentType} is not documented for ${operationId} ${response.status}`];
  const base = responsePointer
    ? responsePointer
    : `#/paths/${escapePointer(path)}/${method}/responses/${response.status}`;
  const schemaRef = `openapi.json${base}/content/${escapePointer(mediaType)}/schema`;
  const validate = ajv.getSchema(schemaRef) ?? ajv.compile({ $ref: schemaRef });
  return validate(response.body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
