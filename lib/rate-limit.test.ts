import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
  it('blocks a key after max events in the window, says for how long, and forgets old events', () => {
    const limiter = new RateLimiter(3, 60_000);
    for (const t of [0, 1000, 2000]) {
      expect(limiter.blockedFor('ip-1', t)).toBeNull();
      limiter.record('ip-1', t);
    }
    expect(limiter.blockedFor('ip-1', 3000)).toBe(57_000);
    expect(limiter.blockedFor('ip-2', 3000)).toBeNull();
    expect(limiter.blockedFor('ip-1', 60_001)).toBeNull();
  });
});
