/**
 * The API's routes: each turns a request into one use-case call and the result into a response.
 * Authorization is checked here as well as by API Gateway's authorizer (defence in depth): the
 * scope on every route, and the security-officers group on the broadcast and roster routes.
 */
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { GROUPS, hasScope, type Principal, SCOPES, type Scope } from '../../shared/auth/principal.ts';

import { type ApiDependencies, json, type RouteContext } from './http.ts';
import openapi from './openapi.json' with { type: 'json' };
import { HttpProblem } from './problem.ts';
import { approveBroadcastRoute, createBroadcast, getBroadcastRoute } from './routes/broadcasts.ts';
import { getCampaign, getCampaignMisp, getCampaignStix, listCampaigns } from './routes/campaigns.ts';
import { createReport, createReportBatch, getReport, listReportsRoute } from './routes/reports.ts';
import { getRoster, putRoster } from './routes/roster.ts';

export { fieldErrors } from './http.ts';
export { MAX_BODY_BYTES } from './routes/reports.ts';
export type { RouteContext };

export interface Route {
  operationId: string;
  method: string;
  pattern: RegExp;
  /** The OpenAPI path template, to check the document and the table agree. */
  path: string;
  /** undefined: public (the API description only). */
  scope?: Scope;
  /** A Cognito group the caller must also be in. */
  group?: string;
  run: (ctx: RouteContext) => Promise<APIGatewayProxyResult>;
}

const ID = '(?<id>[^/]+)';

export const routes: Route[] = [
  {
    operationId: 'getOpenApi',
    method: 'GET',
    path: '/v1/openapi.json',
    pattern: /^\/v1\/openapi\.json$/,
    run: async () => json(200, openapi),
  },
  {
    operationId: 'createReport',
    method: 'POST',
    path: '/v1/reports',
    pattern: /^\/v1\/reports$/,
    scope: SCOPES.reportsWrite,
    run: createReport,
  },
  {
    operationId: 'listReports',
    method: 'GET',
    path: '/v1/reports',
    pattern: /^\/v1\/reports$/,
    scope: SCOPES.reportsRead,
    run: listReportsRoute,
  },
  {
    operationId: 'createReportBatch',
    method: 'POST',
    path: '/v1/reports/batch',
    pattern: /^\/v1\/reports\/batch$/,
    scope: SCOPES.reportsWrite,
    run: createReportBatch,
  },
  {
    operationId: 'getReport',
    method: 'GET',
    path: '/v1/reports/{id}',
    pattern: new RegExp(`^/v1/reports/${ID}$`),
    scope: SCOPES.reportsRead,
    run: getReport,
  },
  {
    operationId: 'listCampaigns',
    method: 'GET',
    path: '/v1/campaigns',
    pattern: /^\/v1\/campaigns$/,
    scope: SCOPES.campaignsRead,
    run: listCampaigns,
  },
  {
    operationId: 'getCampaign',
    method: 'GET',
    path: '/v1/campaigns/{id}',
    pattern: new RegExp(`^/v1/campaigns/${ID}$`),
    scope: SCOPES.campaignsRead,
    run: getCampaign,
  },
  {
    operationId: 'getCampaignStix',
    method: 'GET',
    path: '/v1/campaigns/{id}/stix',
    pattern: new RegExp(`^/v1/campaigns/${ID}/stix$`),
    scope: SCOPES.campaignsRead,
    run: getCampaignStix,
  },
  {
    operationId: 'getCampaignMisp',
    method: 'GET',
    path: '/v1/campaigns/{id}/misp',
    pattern: new RegExp(`^/v1/campaigns/${ID}/misp$`),
    scope: SCOPES.campaignsRead,
    run: getCampaignMisp,
  },
  {
    operationId: 'createBroadcast',
    method: 'POST',
    path: '/v1/broadcasts',
    pattern: /^\/v1\/broadcasts$/,
    scope: SCOPES.broadcastsSend,
    group: GROUPS.officers,
    run: createBroadcast,
  },
  {
    operationId: 'getBroadcast',
    method: 'GET',
    path: '/v1/broadcasts/{id}',
    pattern: new RegExp(`^/v1/broadcasts/${ID}$`),
    scope: SCOPES.broadcastsSend,
    group: GROUPS.officers,
    run: getBroadcastRoute,
  },
  {
    operationId: 'approveBroadcast',
    method: 'POST',
    path: '/v1/broadcasts/{id}/approve',
    pattern: new RegExp(`^/v1/broadcasts/${ID}/approve$`),
    scope: SCOPES.broadcastsSend,
    group: GROUPS.officers,
    run: approveBroadcastRoute,
  },
  {
    operationId: 'getRoster',
    method: 'GET',
    path: '/v1/roster',
    pattern: /^\/v1\/roster$/,
    scope: SCOPES.rosterManage,
    group: GROUPS.officers,
    run: getRoster,
  },
  {
    operationId: 'putRoster',
    method: 'PUT',
    path: '/v1/roster',
    pattern: /^\/v1\/roster$/,
    scope: SCOPES.rosterManage,
    group: GROUPS.officers,
    run: putRoster,
  },
];

function authorize(match: Route, principal: Principal | undefined) {
  if (!match.scope) return;
  if (!principal)
    throw new HttpProblem(401, 'a bearer token is required', undefined, { 'www-authenticate': 'Bearer' });
  if (!hasScope(principal, match.scope)) throw new HttpProblem(403, `this needs the ${match.scope} scope`);
  if (match.group && !principal.groups.has(match.group)) {
    throw new HttpProblem(403, `only members of the ${match.group} group may do this`);
  }
}

function decodeParams(groups: Record<string, string>): Record<string, string> {
  try {
    return Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, decodeURIComponent(v)]));
  } catch {
    // A malformed escape (%E0%A4%A) names nothing that exists.
    throw new HttpProblem(404, 'no such resource');
  }
}

export async function route(
  event: APIGatewayProxyEvent,
  principal: Principal | undefined,
  deps: ApiDependencies,
) {
  const path = (event.path ?? '/').replace(/\/+$/, '') || '/';
  const matches = routes.filter((r) => r.pattern.test(path));
  if (matches.length === 0) throw new HttpProblem(404, `no route for ${path}`);
  const match = matches.find((r) => r.method === event.httpMethod);
  if (!match) {
    throw new HttpProblem(405, `${event.httpMethod} is not allowed here`, undefined, {
      allow: matches.map((r) => r.method).join(', '),
    });
  }
  authorize(match, principal);
  const params = decodeParams((match.pattern.exec(path)?.groups ?? {}) as Record<string, string>);
  return match.run({ event, principal, deps, params });
}
