/** Turning API Gateway proxy events into checked inputs, and results into responses. */
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { Principal } from '../../shared/auth/principal.ts';
import type { CampaignReader } from '../../shared/export/campaign-reader.ts';
import type { Dependencies } from '../commons/dependencies.ts';

import { type FieldError, HttpProblem } from './problem.ts';

/** What the API needs: the shared dependencies, reading campaigns only. */
export type ApiDependencies = Omit<Dependencies, 'campaigns'> & { campaigns: CampaignReader };

export interface RouteContext {
  event: APIGatewayProxyEvent;
  principal: Principal | undefined;
  deps: ApiDependencies;
  params: Record<string, string>;
}

export const json = (
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyResult => ({
  statusCode,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

export function header(event: APIGatewayProxyEvent, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return Object.entries(event.headers ?? {}).find(([k]) => k.toLowerCase() === wanted)?.[1] ?? undefined;
}

export const query = (event: APIGatewayProxyEvent): Record<string, string> =>
  Object.fromEntries(
    Object.entries(event.queryStringParameters ?? {}).filter((e): e is [string, string] => e[1] != null),
  );

export function fieldErrors(
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>,
  prefix = '',
): FieldError[] {
  return issues.map((issue) => ({
    path: `${prefix}/${issue.path.map(String).join('/')}`,
    message: issue.message,
  }));
}

export type BodyKind = 'json' | 'text' | 'csv';

const MEDIA_TYPES: Record<BodyKind, string> = {
  json: 'application/json',
  text: 'text/plain',
  csv: 'text/csv',
};

/** The body as text, after checking its media type and size (413 and 415 before any parsing). */
export function rawBody(
  event: APIGatewayProxyEvent,
  accept: BodyKind[],
  maxBytes: number,
): { kind: BodyKind; raw: string } {
  const contentType = (header(event, 'content-type') ?? '').trim();
  const kind: BodyKind | undefined = /^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType)
    ? 'json'
    : /^text\/plain\b/i.test(contentType)
      ? 'text'
      : /^text\/csv\b/i.test(contentType)
        ? 'csv'
        : undefined;
  if (!kind || !accept.includes(kind)) {
    const wanted = accept.map((k) => MEDIA_TYPES[k]).join(' or ');
    throw new HttpProblem(415, `send the body as ${wanted}`, undefined, {
      'accept-post': wanted.replace(' or ', ', '),
    });
  }
  const raw = event.isBase64Encoded
    ? Buffer.from(event.body ?? '', 'base64').toString('utf8')
    : (event.body ?? '');
  if (Buffer.byteLength(raw, 'utf8') > maxBytes)
    throw new HttpProblem(413, `the body is larger than ${maxBytes} bytes`);
  return { kind, raw };
}

export function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new HttpProblem(400, 'the body is not valid JSON', [{ path: '', message: 'invalid JSON' }]);
  }
}

/** Idempotency-Key: 1–255 visible ASCII characters, or absent. */
export function idempotencyKey(event: APIGatewayProxyEvent): string | undefined {
  const key = header(event, 'idempotency-key');
  if (key !== undefined && !/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new HttpProblem(400, 'Idempotency-Key must be 1–255 visible ASCII characters', [
      { path: 'header/Idempotency-Key', message: 'invalid' },
    ]);
  }
  return key;
}

export const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;
