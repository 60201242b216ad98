import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
  it('allows max hits per window per key, then says when to retry', () => {
    const limiter = new RateLimiter(3, 60_000);
    expect([0, 1000, 2000].map((t) => limiter.hit('ip-1', t).allowed)).toEqual([true, true, true]);
    expect(limiter.hit('ip-1', 3000)).toEqual({ allowed: false, retryAfterMs: 57_000 });
    expect(limiter.hit('ip-2', 3000).allowed).toBe(true);
    expect(limiter.hit('ip-1', 60_001).allowed).toBe(true);
  });
});
