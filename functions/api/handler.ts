import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { principalFromClaims } from '../../shared/auth/principal.ts';
import { awsDependencies, lazily } from '../commons/dependencies.ts';
import { logger, withPowertools } from '../commons/powertools.ts';
import type { ApiDependencies } from './http.ts';
import { HttpProblem, problemResponse } from './problem.ts';
import { route } from './routes.ts';

/** AWS SDK errors that mean "not now" rather than "never". */
const TRANSIENT = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
]);
const isTransient = (error: unknown) => error instanceof Error && TRANSIENT.has(error.name);

/** The partner and officer API: API Gateway REST proxy events in, JSON or problem+json out. */
export function createApiHandler(getDeps: () => ApiDependencies) {
  return async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
    const principal = principalFromClaims(event.requestContext?.authorizer?.claims);
    try {
      return await route(event, principal, getDeps());
    } catch (error) {
      if (error instanceof HttpProblem) return problemResponse(error, event.path);
      // Storage throttled or briefly away: the request was fine, so say when to try again
      // (partners' retry logic keys on 503 + Retry-After; with Idempotency-Key a retry is safe).
      if (isTransient(error)) {
        logger.warn('transient storage error', { error: error as Error, path: event.path });
        return problemResponse(
          new HttpProblem(503, 'storage is busy; try again shortly', undefined, { 'retry-after': '1' }),
          event.path,
        );
      }
      // Never a stack trace to the caller: log it, answer with a plain 500.
      logger.error('unhandled API error', { error: error as Error, path: event.path });
      return problemResponse(new HttpProblem(500, 'something went wrong on our side'), event.path);
    }
  };
}

/** The deployed handler: middy with Powertools, the same for AWS and the local runtime. */
export const buildApiHandler = (getDeps: () => ApiDependencies) => withPowertools(createApiHandler(getDeps));

export const handler = buildApiHandler(lazily(() => awsDependencies()));
