import { describe, expect, it } from 'vitest';
import { afterFailure, decide, growing, MAX_WAIT_MS, type Counter, type Rule } from './rate-limit';

const MINUTE = 60_000;
const fail = (times: number, rule: Rule, now = 0): Counter => {
  let counter: Counter | null = null;
  for (let i = 0; i < times; i++) counter = afterFailure(counter, rule, now);
  return counter!;
};

describe('rate-limit rules', () => {
  const pair: Rule = { free: 5, windowMs: 15 * MINUTE };
  const client: Rule = { free: 20, windowMs: 15 * MINUTE, baseMs: 1000, maxMs: 4000 };
  const target: Rule = { free: 10, windowMs: 15 * MINUTE, baseMs: 250, maxMs: 3000 };

  it('locks a client out of one target after its free failures, until the window ends', () => {
    expect(decide({ pair }, { pair: fail(4, pair) }, 1000)).toEqual({ kind: 'proceed', waitMs: 0, nextSlotAt: null });
    expect(decide({ pair }, { pair: fail(5, pair) }, 1000)).toEqual({ kind: 'refuse', retryAfterMs: 15 * MINUTE - 1000, scope: 'pair' });
    expect(decide({ pair }, { pair: fail(5, pair) }, 15 * MINUTE)).toMatchObject({ kind: 'proceed' });
  });

  it('never refuses a client for its failures alone: past the allowance it is spaced out, one turn at a time', () => {
    const slowed = fail(21, client);
    expect(growing(21, client)).toBe(2000);
    const first = decide({ client }, { client: slowed }, 5000);
    expect(first).toEqual({ kind: 'proceed', waitMs: 0, nextSlotAt: 7000 });
    // A second request at the same moment waits for the first one's turn to pass.
    const second = decide({ client }, { client: { ...slowed, nextSlotAt: 7000 } }, 5000);
    expect(second).toEqual({ kind: 'proceed', waitMs: 2000, nextSlotAt: 9000 });
    // Even a thousand failures only space requests out by the cap.
    expect(growing(1000, client)).toBe(4000);
    expect(decide({ client }, { client: fail(1000, client) }, 5000)).toEqual({ kind: 'proceed', waitMs: 0, nextSlotAt: 9000 });
  });

  it('refuses only a request whose turn is more than the maximum wait away (a flood from one address)', () => {
    const flooded = { ...fail(30, client), nextSlotAt: 5000 + MAX_WAIT_MS + 3000 };
    expect(decide({ client }, { client: flooded }, 5000)).toEqual({ kind: 'refuse', retryAfterMs: 3000, scope: 'client' });
  });

  it('delays every try at a much-failed target, whoever asks, and never refuses', () => {
    expect(decide({ target }, { target: fail(9, target) }, 0)).toEqual({ kind: 'proceed', waitMs: 0, nextSlotAt: null });
    expect(decide({ target }, { target: fail(10, target) }, 0)).toEqual({ kind: 'proceed', waitMs: 250, nextSlotAt: null });
    expect(decide({ target }, { target: fail(11, target) }, 0)).toEqual({ kind: 'proceed', waitMs: 500, nextSlotAt: null });
    expect(decide({ target }, { target: fail(500, target) }, 0)).toEqual({ kind: 'proceed', waitMs: 3000, nextSlotAt: null });
  });

  it('forgets a window once it has passed, and starts counting again', () => {
    const old = fail(50, client, 0);
    expect(decide({ client, target }, { client: old, target: fail(50, target, 0) }, 15 * MINUTE)).toEqual({
      kind: 'proceed',
      waitMs: 0,
      nextSlotAt: null,
    });
    expect(afterFailure(old, client, 15 * MINUTE)).toEqual({ failures: 1, windowStart: 15 * MINUTE, nextSlotAt: 0 });
    expect(afterFailure(old, client, 1000)).toMatchObject({ failures: 51, windowStart: 0 });
  });

  it('has no rule over all clients: counters of other clients and targets are never consulted', () => {
    // decide() only ever sees the counters of this request's own client, target and pair.
    expect(decide({ pair, client, target }, {}, 0)).toEqual({ kind: 'proceed', waitMs: 0, nextSlotAt: null });
  });
});
