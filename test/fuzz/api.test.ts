/**
 * Property-based fuzzing of every POST (and the roster PUT) body: whatever arrives — valid, nearly valid or noise,
 * with any content type and Idempotency-Key — the API answers with a 2xx or a 4xx problem,
 * never a 5xx; and the local runtime stays up under it.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiUnderTest, apiEvent, CLAIMS, startApi } from '../integration/api-harness.ts';
import { type RuntimeProcess, startRuntimeProcess } from '../support/runtime-process.ts';

const validReport = {
  channel: 'whatsapp',
  tlp: 'AMBER',
  sender: { phones: ['07700 900417'], emails: ['abi@honey.example'], aliases: ['Abi'] },
  targets: { names: ['Ben Carrow'] },
  text: "Hi Ben, it's Abi from the reception x",
  urls: [{ url: 'https://honey.example/x' }],
  attachments: [{ name: 'a.jpg', size: 12, isImage: true }],
};
const validBroadcast = { audience: 'all', freeText: 'hello', dryRun: true };

/** JSON values, with the valid body mutated at a random key as well as plain noise. */
const mutated = (valid: Record<string, unknown>) =>
  fc.oneof(
    fc.jsonValue(),
    fc
      .record({ key: fc.constantFrom(...Object.keys(valid), 'extra'), value: fc.jsonValue() })
      .map(({ key, value }) => ({ ...valid, [key]: value })),
    fc.constant(valid),
  );

const bodyFor = (valid: Record<string, unknown>, wrap?: (v: unknown) => unknown) =>
  fc.oneof(
    mutated(valid).map((v) => JSON.stringify(wrap ? wrap(v) : v)),
    fc.string({ maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.constant(''),
  );

const POSTS = [
  {
    path: '/v1/reports',
    body: bodyFor(validReport),
    query: fc.option(
      fc.dictionary(fc.constantFrom('channel', 'tlp', 'partnerRef', 'x'), fc.string({ maxLength: 20 })),
    ),
  },
  {
    path: '/v1/reports/batch',
    body: bodyFor(validReport, (v) => ({ reports: [v, v] })),
    query: fc.constant(null),
  },
  {
    path: '/v1/broadcasts',
    body: bodyFor(validBroadcast),
    query: fc.option(fc.record({ preview: fc.constantFrom('true', 'false', 'maybe') })),
  },
  { path: '/v1/broadcasts/01HZZZZZZZZZZZZZZZZZZZZZZZ/approve', body: bodyFor({}), query: fc.constant(null) },
];

const headers = fc.record(
  {
    'content-type': fc.constantFrom(
      'application/json',
      'text/plain',
      'application/merge-patch+json',
      'text/html',
      '',
      'application/json; charset=utf-8',
    ),
    'idempotency-key': fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('k1', 'k2', ' ', 'é')),
  },
  { requiredKeys: [] },
);

describe('fuzzing the handler (DynamoDB Local)', () => {
  let api: ApiUnderTest;
  beforeAll(async () => {
    api = await startApi({ approvalRequired: true });
  });
  afterAll(() => api?.close());

  for (const post of POSTS) {
    it(`POST ${post.path} never answers 5xx`, async () => {
      await fc.assert(
        fc.asyncProperty(
          post.body,
          headers,
          post.query,
          fc.constantFrom('partner', 'officer', 'member'),
          async (body, hdrs, query, who) => {
            const response = await api.handler(
              apiEvent({
                method: 'POST',
                path: post.path,
                body,
                headers: Object.fromEntries(
                  Object.entries(hdrs).filter(([, v]) => v !== undefined),
                ) as Record<string, string>,
                query: query ?? undefined,
                claims: CLAIMS[who],
              }),
            );
            expect(response.statusCode, `${response.statusCode} ${response.body}`).toBeLessThan(500);
            if (response.statusCode >= 400)
              expect(response.headers?.['content-type']).toBe('application/problem+json');
          },
        ),
        { numRuns: 120 },
      );
    }, 120_000);
  }

  /** Roster CSVs: the real header and plausible rows with hostile cells, or noise. */
  const cell = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom(
      'MP',
      'Caseworker',
      '07700 900001',
      '+447700900002',
      'a@parliament.uk',
      '"',
      '""',
      ',',
      '\r\n',
    ),
  );
  const csv = fc.oneof(
    fc
      .array(fc.array(cell, { minLength: 0, maxLength: 6 }), { maxLength: 8 })
      .map((rows) => ['name,role,party,email,mobile', ...rows.map((r) => r.join(','))].join('\n')),
    fc.string({ maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
  );

  it('PUT /v1/roster never answers 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        csv,
        fc.constantFrom('text/csv', 'text/csv; charset=utf-8', 'application/json', ''),
        fc.option(fc.record({ dryRun: fc.constantFrom('true', 'false', 'yes') })),
        fc.constantFrom('partner', 'officer', 'member'),
        async (body, contentType, query, who) => {
          const response = await api.handler(
            apiEvent({
              method: 'PUT',
              path: '/v1/roster',
              body,
              headers: { 'content-type': contentType },
              query: query ?? undefined,
              claims: CLAIMS[who],
            }),
          );
          expect(response.statusCode, `${response.statusCode} ${response.body}`).toBeLessThan(500);
          if (response.statusCode >= 400)
            expect(response.headers?.['content-type']).toBe('application/problem+json');
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);
});

describe('fuzzing the local runtime over HTTP', () => {
  let runtime: RuntimeProcess;
  beforeAll(async () => {
    runtime = await startRuntimeProcess();
  });
  afterAll(async () => {
    await runtime?.stop();
  });

  it('answers every POST below 500 and is still up afterwards', async () => {
    const tokens = { partner: await runtime.token('partner'), officer: await runtime.token('officer') };
    const post = fc.constantFrom(...POSTS);
    await fc.assert(
      fc.asyncProperty(
        post.chain((p) => fc.tuple(fc.constant(p.path), p.body)),
        headers,
        fc.constantFrom('partner', 'officer') as fc.Arbitrary<'partner' | 'officer'>,
        async ([path, body], hdrs, who) => {
          const response = await fetch(`${runtime.baseUrl}${path}`, {
            method: 'POST',
            headers: {
              ...Object.fromEntries(
                Object.entries(hdrs).filter(
                  ([k, v]) => v !== undefined && !(k === 'idempotency-key' && /[^\x20-\x7e]/.test(v)),
                ),
              ),
              authorization: `Bearer ${tokens[who]}`,
            } as Record<string, string>,
            body,
          });
          await response.arrayBuffer();
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: 40 },
    );
    const alive = await fetch(`${runtime.baseUrl}/v1/openapi.json`);
    expect(alive.status).toBe(200);
  }, 120_000);
});
