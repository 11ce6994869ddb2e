import { describe, expect, it } from 'vitest';
import { rateLimitFromEnv, TokenBuckets } from '../../../infra/local/http-gateway.ts';

describe('the local gateway’s usage plan', () => {
  it('lets a burst through, then refuses with the seconds to wait, per client', () => {
    let now = 0;
    const buckets = new TokenBuckets({ ratePerSecond: 2, burst: 3 }, () => now);
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 0]);
    expect(buckets.take('a')).toBe(1);
    expect(buckets.take('b')).toBe(0);
    now += 500;
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBeGreaterThan(0);
  });
  it('reads generous defaults, overridable by env', () => {
    expect(rateLimitFromEnv({})).toEqual({ ratePerSecond: 100, burst: 200 });
    expect(rateLimitFromEnv({ LUREWATCH_RATE_LIMIT_RPS: '5', LUREWATCH_RATE_LIMIT_BURST: 'nope' })).toEqual({
      ratePerSecond: 5,
      burst: 200,
    });
  });
});
