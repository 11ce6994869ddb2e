import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { principalFromClaims } from '../../shared/auth/principal.ts';
import { awsDependencies, lazily } from '../commons/dependencies.ts';
import { logger, withPowertools } from '../commons/powertools.ts';
import type { ApiDependencies } from './http.ts';
import { HttpProblem, problemResponse } from './problem.ts';
import { route } from './routes.ts';

/** The partner and officer API: API Gateway REST proxy events in, JSON or problem+json out. */
export function createApiHandler(getDeps: () => ApiDependencies) {
  return async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
    const principal = principalFromClaims(event.requestContext?.authorizer?.claims);
    try {
      return await route(event, principal, getDeps());
    } catch (error) {
      if (error instanceof HttpProblem) return problemResponse(error, event.path);
      // Never a stack trace to the caller: log it, answer with a plain 500.
      logger.error('unhandled API error', { error: error as Error, path: event.path });
      return problemResponse(new HttpProblem(500, 'something went wrong on our side'), event.path);
    }
  };
}

/** The deployed handler: middy with Powertools, the same for AWS and the local runtime. */
export const buildApiHandler = (getDeps: () => ApiDependencies) => withPowertools(createApiHandler(getDeps));

export const handler = buildApiHandler(lazily(() => awsDependencies()));
