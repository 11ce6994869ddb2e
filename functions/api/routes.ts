/**
 * The API's routes: each turns a request into one use-case call and the result into a response.
 * Authorization is checked here as well as by API Gateway's authorizer.
 */
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { type Principal, SCOPES, type Scope, hasScope, isOfficer } from '../../shared/auth/principal.ts';
import { PartnerReportBody } from '../../shared/domain/partner-report.ts';
import type { Report } from '../../shared/domain/report.ts';
import { submitPartnerReport } from '../../shared/usecases/submit-partner-report.ts';
import type { Dependencies } from '../commons/dependencies.ts';
import openapi from './openapi.json' with { type: 'json' };
import { type FieldError, HttpProblem } from './problem.ts';

/** API Gateway's payload limit is 10 MB; a report is a few KB, so anything near 1 MB is abuse. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface RouteContext {
  event: APIGatewayProxyEvent;
  principal: Principal | undefined;
  deps: Dependencies;
  params: Record<string, string>;
}

type Route = {
  method: string;
  pattern: RegExp;
  /** undefined: public (the API description only). */
  scope?: Scope;
  run: (ctx: RouteContext) => Promise<APIGatewayProxyResult>;
};

const json = (statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyResult => ({
  statusCode,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

function jsonBody(event: APIGatewayProxyEvent): { value: unknown; raw: string } {
  const contentType = Object.entries(event.headers ?? {}).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType.trim())) {
    throw new HttpProblem(415, 'send the body as application/json');
  }
  const raw = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '');
  if (Buffer.byteLength(raw, 'utf8') > MAX_BODY_BYTES) {
    throw new HttpProblem(413, `the body is larger than ${MAX_BODY_BYTES} bytes`);
  }
  try {
    return { value: JSON.parse(raw), raw };
  } catch {
    throw new HttpProblem(400, 'the body is not valid JSON', [{ path: '', message: 'invalid JSON' }]);
  }
}

export function fieldErrors(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): FieldError[] {
  return issues.map((issue) => ({ path: `/${issue.path.map(String).join('/')}`, message: issue.message }));
}

function header(event: APIGatewayProxyEvent, name: string): string | undefined {
  return Object.entries(event.headers ?? {}).find(([k]) => k.toLowerCase() === name)?.[1] ?? undefined;
}

/** Partners see their own reports; officers see all. */
function mayRead(principal: Principal, report: Report): boolean {
  return isOfficer(principal) || (report.source.kind === 'partner-api' && report.source.partnerId === principal.id);
}

const reportView = (report: Report) => ({ ...report, links: { self: `/v1/reports/${report.id}` } });

export const routes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/v1\/openapi\.json$/,
    run: async () => json(200, openapi),
  },
  {
    method: 'POST',
    pattern: /^\/v1\/reports$/,
    scope: SCOPES.reportsWrite,
    run: async ({ event, principal, deps }) => {
      const { value, raw } = jsonBody(event);
      const parsed = PartnerReportBody.safeParse(value);
      if (!parsed.success) {
        throw new HttpProblem(400, 'the report is not valid', fieldErrors(parsed.error.issues));
      }
      const idempotencyKey = header(event, 'idempotency-key');
      if (idempotencyKey !== undefined && !/^[\x21-\x7e]{1,255}$/.test(idempotencyKey)) {
        throw new HttpProblem(400, 'Idempotency-Key must be 1–255 visible ASCII characters', [
          { path: 'header/Idempotency-Key', message: 'invalid' },
        ]);
      }
      const result = await submitPartnerReport(deps.repository, {
        partnerId: principal!.id,
        body: parsed.data,
        rawBody: raw,
        idempotencyKey,
      });
      if (result.outcome === 'conflict') throw new HttpProblem(409, result.detail);
      const { report } = result;
      return json(
        202,
        { id: report.id, status: report.status, receivedAt: report.receivedAt, links: { self: `/v1/reports/${report.id}` } },
        {
          location: `/v1/reports/${report.id}`,
          ...(result.outcome === 'replayed' ? { 'idempotency-replayed': 'true' } : {}),
        },
      );
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/reports\/(?<id>[^/]+)$/,
    scope: SCOPES.reportsRead,
    run: async ({ principal, deps, params }) => {
      const id = params.id ?? '';
      if (!/^[0-9A-HJKMNP-TV-Z]{26}$/.test(id)) throw new HttpProblem(404, 'no report with this id');
      const report = await deps.repository.get(id);
      if (!report) throw new HttpProblem(404, 'no report with this id');
      if (!mayRead(principal!, report)) throw new HttpProblem(403, 'this report belongs to another partner');
      return json(200, reportView(report));
    },
  },
];

export async function route(event: APIGatewayProxyEvent, principal: Principal | undefined, deps: Dependencies) {
  const path = event.path.replace(/\/+$/, '') || '/';
  const matches = routes.filter((r) => r.pattern.test(path));
  if (matches.length === 0) throw new HttpProblem(404, `no route for ${path}`);
  const match = matches.find((r) => r.method === event.httpMethod);
  if (!match) {
    throw new HttpProblem(405, `${event.httpMethod} is not allowed here`, undefined, {
      allow: matches.map((r) => r.method).join(', '),
    });
  }
  if (match.scope) {
    if (!principal) throw new HttpProblem(401, 'a bearer token is required', undefined, { 'www-authenticate': 'Bearer' });
    if (!hasScope(principal, match.scope)) throw new HttpProblem(403, `this needs the ${match.scope} scope`);
  }
  const params = (match.pattern.exec(path)?.groups ?? {}) as Record<string, string>;
  return match.run({ event, principal, deps, params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, decodeURIComponent(v)])) });
}
