/**
 * Storage that is throttled or briefly away is not the caller's fault: the API answers 503
 * problem+json with Retry-After (a retry with the same Idempotency-Key is then safe), and only
 * a genuine bug is a 500. The report is stored by the retry, once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiUnderTest, apiEvent, CLAIMS, startApi } from './api-harness.ts';

let api: ApiUnderTest;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api?.close());

const post = (key: string) =>
  api.handler(
    apiEvent({
      method: 'POST',
      path: '/v1/reports',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify({
        channel: 'sms',
        sender: { phones: ['+447700900417'] },
        text: 'we met at the reception',
      }),
      claims: CLAIMS.partner,
    }),
  );

/** The repository, failing its next writes with the given error. */
function failWrites(name: string, times: number) {
  const real = api.deps.repository;
  let left = times;
  api.deps.repository = new Proxy(real, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (left > 0 && /^create|^save|^put/.test(String(prop))) {
          left--;
          throw Object.assign(new Error('Rate of requests exceeds the allowed throughput'), { name });
        }
        return value.apply(target, args);
      };
    },
  });
  return () => {
    api.deps.repository = real;
  };
}

describe('transient storage errors', () => {
  it('answer 503 with Retry-After, and the retry with the same key stores the report once', async () => {
    const restore = failWrites('ProvisionedThroughputExceededException', 1);
    try {
      const refused = await post('retry-me');
      expect(refused.statusCode).toBe(503);
      expect(refused.headers?.['content-type']).toBe('application/problem+json');
      expect(refused.headers?.['retry-after']).toBe('1');
      const accepted = await post('retry-me');
      expect(accepted.statusCode).toBe(202);
      const again = await post('retry-me');
      expect(again.statusCode).toBe(202);
      expect(JSON.parse(again.body).id).toBe(JSON.parse(accepted.body).id);
    } finally {
      restore();
    }
  });

  it('a bug is still a plain 500, without its stack', async () => {
    const restore = failWrites('TypeError', 1);
    try {
      const failed = await post('bug');
      expect(failed.statusCode).toBe(500);
      expect(failed.body).not.toMatch(/at .*\.ts/);
    } finally {
      restore();
    }
  });
});
