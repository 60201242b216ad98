import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inReadSession, inWriteTransaction } from './db';
import { sql } from './sql';
import { AppError } from './errors';
import { limited, purgeRateLimits, RateLimitedError } from './rate-limits';
import { useTemporaryDatabase } from './test-database';

let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ cleanup } = await useTemporaryDatabase());
});
afterAll(() => cleanup());
beforeEach(() => inWriteTransaction((tx) => tx.run(sql`DELETE FROM RateLimit`)));

const refuse = (code: ConstructorParameters<typeof AppError>[0]) => () => Promise.reject(new AppError(code, 'no'));
const succeed = () => Promise.resolve('ok');

async function outcome(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'ok',
    (error: unknown) => (error instanceof AppError ? error.code : 'other'),
  );
}

/** A clock the test moves; waits the limiter asks for are measured, not slept through, where it matters. */
function clock(start = 1_800_000_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

const rows = () =>
  inReadSession((session) => session.all<{ key: string; failures: number }>(sql`SELECT key, failures FROM RateLimit ORDER BY key`));

describe('limited (counters in the database)', () => {
  it('locks one address out of one account after five wrong passwords, without trying it, and leaves other addresses alone', async () => {
    const c = clock();
    for (let i = 0; i < 5; i++)
      expect(
        await outcome(limited('signIn', { client: '198.51.100.1', target: 'a@school.test' }, refuse('unauthorized'), { now: c.now })),
      ).toBe('unauthorized');
    let tried = false;
    const blocked = limited('signIn', { client: '198.51.100.1', target: 'a@school.test' }, () => ((tried = true), succeed()), {
      now: c.now,
    });
    await expect(blocked).rejects.toBeInstanceOf(RateLimitedError);
    expect(tried).toBe(false);
    expect(await outcome(limited('signIn', { client: '198.51.100.2', target: 'a@school.test' }, succeed, { now: c.now }))).toBe('ok');
    c.advance(15 * 60_000);
    expect(await outcome(limited('signIn', { client: '198.51.100.1', target: 'a@school.test' }, succeed, { now: c.now }))).toBe('ok');
  });

  it('never refuses a correct code for the failures of others at the same address: it only waits its turn', async () => {
    const c = clock(Date.now());
    for (let i = 0; i < 40; i++) {
      await outcome(limited('joinCode', { client: '198.51.100.3' }, refuse('not_found'), { now: c.now }));
      c.advance(10_000);
    }
    // The address has failed 40 times: its next try waits for its turn (at most 8 s), then is tried and accepted.
    c.advance(-6_000);
    const started = Date.now();
    expect(await outcome(limited('joinCode', { client: '198.51.100.3' }, succeed, { now: c.now }))).toBe('ok');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(await outcome(limited('joinCode', { client: '198.51.100.4' }, succeed, { now: c.now }))).toBe('ok');
  }, 20_000);

  it('counts only guesses: successes and nickname clashes (409) leave the count where it was', async () => {
    for (let i = 0; i < 30; i++) expect(await outcome(limited('joinCode', { client: '198.51.100.5' }, succeed))).toBe('ok');
    for (let i = 0; i < 5; i++) expect(await outcome(limited('joinCode', { client: '198.51.100.5' }, refuse('conflict')))).toBe('conflict');
    expect(await rows()).toEqual([{ key: 'joinCode|c|198.51.100.5', failures: 0 }]);
  });

  it('counts a try before it runs, so a burst of simultaneous guesses cannot all slip in under the allowance', async () => {
    let ran = 0;
    const guess = () =>
      limited('signIn', { client: '198.51.100.8', target: 'c@school.test' }, () => ((ran += 1), refuse('unauthorized')()));
    const outcomes = await Promise.all(Array.from({ length: 40 }, () => outcome(guess())));
    expect(ran).toBe(5);
    expect(outcomes.filter((o) => o === 'rate_limited')).toHaveLength(35);
  });

  it('counts every sign-up (an accepted one says the email was free), and refuses only a flood', async () => {
    const c = clock();
    for (let i = 0; i < 10; i++) expect(await outcome(limited('signUp', { client: '198.51.100.6' }, succeed, { now: c.now }))).toBe('ok');
    expect(await rows()).toEqual([{ key: 'signUp|c|198.51.100.6', failures: 10 }]);
    // Ten more at once: one runs now, the next waits 5 s, the one after would wait 15 s or more and is refused, and so on.
    const burst = await Promise.all(
      Array.from({ length: 10 }, () => outcome(limited('signUp', { client: '198.51.100.6' }, succeed, { now: c.now }))),
    );
    expect(burst.filter((o) => o === 'ok')).toHaveLength(2);
    expect(burst.filter((o) => o === 'rate_limited')).toHaveLength(8);
  });

  it('lets PASSAGE_SIGNUPS_PER_HOUR raise the free sign-ups of one address (a staff training behind one school address)', async () => {
    const c = clock();
    const before = process.env.PASSAGE_SIGNUPS_PER_HOUR;
    process.env.PASSAGE_SIGNUPS_PER_HOUR = '12';
    try {
      const outcomes = [];
      for (let i = 0; i < 13; i++) outcomes.push(await outcome(limited('signUp', { client: '198.51.100.7' }, succeed, { now: c.now })));
      expect(outcomes.slice(0, 12)).toEqual(Array(12).fill('ok'));
      expect(await rows()).toContainEqual({ key: 'signUp|c|198.51.100.7', failures: 13 });
    } finally {
      if (before === undefined) delete process.env.PASSAGE_SIGNUPS_PER_HOUR;
      else process.env.PASSAGE_SIGNUPS_PER_HOUR = before;
    }
  });

  it('lets PASSAGE_NEW_LEARNERS_PER_HOUR set how many new learners one address creates before each waits a second', async () => {
    const c = clock();
    const before = process.env.PASSAGE_NEW_LEARNERS_PER_HOUR;
    process.env.PASSAGE_NEW_LEARNERS_PER_HOUR = '3';
    try {
      const started = Date.now();
      for (let i = 0; i < 3; i++)
        expect(await outcome(limited('newLearner', { client: '198.51.100.10' }, succeed, { now: c.now }))).toBe('ok');
      expect(Date.now() - started, 'the allowance runs at once').toBeLessThan(900);
      const past = Date.now();
      for (let i = 0; i < 2; i++)
        expect(await outcome(limited('newLearner', { client: '198.51.100.10' }, succeed, { now: c.now }))).toBe('ok');
      expect(Date.now() - past, 'past the allowance, new learners come one a second').toBeGreaterThanOrEqual(900);
      expect(await rows()).toContainEqual({ key: 'newLearner|c|198.51.100.10', failures: 5 });
    } finally {
      if (before === undefined) delete process.env.PASSAGE_NEW_LEARNERS_PER_HOUR;
      else process.env.PASSAGE_NEW_LEARNERS_PER_HOUR = before;
    }
  });

  it('runs requests known to succeed uncounted: sixty students joining at once from one school address all get in at once', async () => {
    const started = Date.now();
    const outcomes = await Promise.all(
      Array.from({ length: 60 }, () => outcome(limited('joinCode', { client: '198.51.100.9' }, succeed, { knownGood: async () => true }))),
    );
    expect(outcomes.filter((o) => o !== 'ok')).toEqual([]);
    expect(Date.now() - started, 'nobody was made to wait').toBeLessThan(5000);
    expect((await rows()).filter((r) => r.key.includes('198.51.100.9'))).toEqual([]);
  });

  it('counts IPv6 clients by /64, so rotating addresses in one network does not reset the count', async () => {
    const c = clock();
    for (let i = 0; i < 5; i++)
      await outcome(
        limited('signIn', { client: `2001:db8:1:2::${i + 1}`, target: 'b@school.test' }, refuse('unauthorized'), { now: c.now }),
      );
    expect(await outcome(limited('signIn', { client: '2001:db8:1:2::99', target: 'b@school.test' }, succeed, { now: c.now }))).toBe(
      'rate_limited',
    );
  });

  it('purges counters whose window has ended', async () => {
    const c = clock();
    await outcome(limited('joinCode', { client: '198.51.100.7' }, refuse('not_found'), { now: c.now }));
    expect(await purgeRateLimits(c.now())).toBe(0);
    expect(await purgeRateLimits(c.now() + 16 * 60_000)).toBe(1);
  });
});
