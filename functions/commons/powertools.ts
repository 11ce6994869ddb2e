import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';

// Created once per execution environment, outside the handlers.
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'lurewatch' });
export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'lurewatch',
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'lurewatch',
});
export const tracer = new Tracer({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'lurewatch' });
export { MetricUnit };

/**
 * Every handler's middleware, in one place: the Lambda context in each log line, an X-Ray
 * segment per invocation, and the invocation's metrics flushed as EMF (with a cold-start count).
 */
// biome-ignore lint/suspicious/noExplicitAny: middy's handler type is generic over event and result
export function withPowertools<H extends (event: any, context: any) => Promise<any>>(handler: H) {
  return middy(handler)
    .use(captureLambdaHandler(tracer))
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics, { captureColdStartMetric: true }));
}
