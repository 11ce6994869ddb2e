/**
 * The local stand-in for API Gateway: an HTTP server that verifies bearer tokens the way the
 * Cognito authorizer would and hands the api handler the same REST proxy event.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';

/** API Gateway rejects payloads over 10 MB before the function sees them. */
const GATEWAY_MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Routes the authorizer lets through without a token: the API description only. */
const PUBLIC_PATHS = new Set(['/v1/openapi.json']);

export type ApiHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

/** Like an API Gateway usage plan: a steady rate per client, with a burst on top. */
export interface RateLimit {
  ratePerSecond: number;
  burst: number;
}

/** Generous defaults (a partner's batch client, an officer's dashboard), overridable by env. */
export function rateLimitFromEnv(env: NodeJS.ProcessEnv = process.env): RateLimit {
  const number = (value: string | undefined, fallback: number) => {
    const n = Number(value);
    return value !== undefined && Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return {
    ratePerSecond: number(env.LUREWATCH_RATE_LIMIT_RPS, 100),
    burst: number(env.LUREWATCH_RATE_LIMIT_BURST, 200),
  };
}

/** One token bucket per client: refilled continuously, each request takes one token. */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** 0 when the request may go ahead, else the seconds until a token is free. */
  take(client: string): number {
    const now = this.now();
    const bucket = this.buckets.get(client) ?? { tokens: this.limit.burst, at: now };
    bucket.tokens = Math.min(
      this.limit.burst,
      bucket.tokens + ((now - bucket.at) / 1000) * this.limit.ratePerSecond,
    );
    bucket.at = now;
    this.buckets.set(client, bucket);
    if (this.buckets.size > 10_000) this.forgetFull(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.limit.ratePerSecond));
  }

  /** Full buckets carry no state worth keeping: bounded memory under many clients. */
  private forgetFull(now: number) {
    for (const [client, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * this.limit.ratePerSecond >= this.limit.burst)
        this.buckets.delete(client);
    }
  }
}

export interface GatewayOptions {
  handler: ApiHandler;
  /** Per-client throttling; defaults from LUREWATCH_RATE_LIMIT_RPS / LUREWATCH_RATE_LIMIT_BURST. */
  rateLimit?: RateLimit;
  verify: (token: string) => Promise<Record<string, unknown> | undefined>;
  context: () => Context;
  log?: (line: string) => void;
}

function problem(
  res: ServerResponse,
  status: number,
  title: string,
  detail: string,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/problem+json', ...headers });
  res.end(
    JSON.stringify({
      type: `https://lurewatch.example/problems/${title.toLowerCase().replace(/\s+/g, '-')}`,
      title,
      status,
      detail,
    }),
  );
}

async function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > GATEWAY_MAX_BODY_BYTES) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function toEvent(
  req: IncomingMessage,
  url: URL,
  body: Buffer,
  claims: Record<string, unknown> | undefined,
): APIGatewayProxyEvent {
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    headers[name] = values.join(',');
    multiValueHeaders[name] = values;
  }
  const query: Record<string, string> = {};
  const multiQuery: Record<string, string[]> = {};
  for (const [k, v] of url.searchParams) {
    query[k] = v;
    multiQuery[k] = [...(multiQuery[k] ?? []), v];
  }
  const hasQuery = Object.keys(query).length > 0;
  // The Cognito authorizer passes claims as strings.
  const stringClaims = claims
    ? Object.fromEntries(
        Object.entries(claims).map(([k, v]) => [k, Array.isArray(v) ? v.join(' ') : String(v)]),
      )
    : undefined;
  return {
    resource: '/{proxy+}',
    path: url.pathname,
    httpMethod: req.method ?? 'GET',
    headers,
    multiValueHeaders,
    queryStringParameters: hasQuery ? query : null,
    multiValueQueryStringParameters: hasQuery ? multiQuery : null,
    pathParameters: { proxy: url.pathname.replace(/^\//, '') },
    stageVariables: null,
    body: body.length > 0 ? body.toString('utf8') : null,
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      authorizer: stringClaims ? { claims: stringClaims } : null,
      protocol: 'HTTP/1.1',
      httpMethod: req.method ?? 'GET',
      identity: {
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
      } as APIGatewayProxyEvent['requestContext']['identity'],
      path: url.pathname,
      stage: 'local',
      requestId: randomUUID(),
      requestTimeEpoch: Date.now(),
      resourceId: 'local',
      resourcePath: '/{proxy+}',
    },
  };
}

const clientOf = (claims: Record<string, unknown> | undefined, req: IncomingMessage) =>
  claims
    ? `principal:${String(claims.client_id ?? claims.username ?? claims.sub)}`
    : `ip:${req.socket.remoteAddress ?? ''}`;

export function createGateway(options: GatewayOptions): Server {
  const limit = options.rateLimit ?? rateLimitFromEnv();
  const buckets = new TokenBuckets(limit);
  return createServer(async (req, res) => {
    const started = Date.now();
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let claims: Record<string, unknown> | undefined;
      if (!PUBLIC_PATHS.has(url.pathname)) {
        const auth = req.headers.authorization ?? '';
        const token = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
        claims = token ? await options.verify(token) : undefined;
        if (!claims) {
          req.resume();
          return problem(
            res,
            401,
            'Unauthorized',
            token ? 'the bearer token is invalid or expired' : 'a bearer token is required',
            {
              'www-authenticate': 'Bearer',
            },
          );
        }
      }
      const retryAfter = buckets.take(clientOf(claims, req));
      if (retryAfter > 0) {
        req.resume();
        options.log?.(`http ${req.method} ${url.pathname} 429 throttled`);
        return problem(
          res,
          429,
          'Too Many Requests',
          `slow down: the rate limit for this client is ${limit.ratePerSecond} requests/s`,
          {
            'retry-after': String(retryAfter),
          },
        );
      }
      const body = await readBody(req);
      if (body === 'too-large') {
        return problem(
          res,
          413,
          'Content Too Large',
          `the body is larger than ${GATEWAY_MAX_BODY_BYTES} bytes`,
          {
            connection: 'close',
          },
        );
      }
      const result = await options.handler(toEvent(req, url, body, claims), options.context());
      res.writeHead(result.statusCode, { ...(result.headers as Record<string, string>) });
      res.end(result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body);
      options.log?.(`http ${req.method} ${url.pathname} ${result.statusCode} ${Date.now() - started}ms`);
    } catch (error) {
      // A crashed invocation is a 502 from API Gateway; the process stays up.
      options.log?.(`http ${req.method} ${req.url} failed: ${(error as Error).message}`);
      if (!res.headersSent) problem(res, 502, 'Bad Gateway', 'the API function failed');
      else res.end();
    }
  });
}
