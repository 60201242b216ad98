/**
 * The rules that bound guessing (passwords, join codes, personal codes) and creation (sign-ups,
 * anonymous learners) without locking out anyone else. Pure: counters and the clock come in, the
 * decision and the new counters go out; server/rate-limits.ts keeps the counters in the database.
 *
 * Three scopes, each with its own effect once its free allowance in the window is spent:
 * - `pair` (one client × one target, e.g. an address guessing one teacher's password): a
 *   temporary lock until the window ends. It only ever refuses the client that failed.
 * - `client` (one address): its requests are spaced out, one every `spacing` ms, however many it
 *   sends at once. A request waits for its turn and is then tried, so a correct code from the same
 *   school address is slowed, never refused; only a request whose turn is `MAX_WAIT_MS` or more
 *   away (a flood of simultaneous requests from that address) is refused.
 * - `target` (one account or one assignment, whoever asks): every try waits a growing delay. It
 *   slows a guesser who spreads over many addresses and never refuses anyone.
 * No rule counts over all clients and targets: one guesser can never refuse someone else.
 */

export type Scope = 'pair' | 'client' | 'target';

export interface Rule {
  /** Failures (or events) allowed in a window before the effect starts. */
  free: number;
  windowMs: number;
  /** Spacing (client) or delay (target) after the first excess failure; doubles with each one after. */
  baseMs?: number;
  maxMs?: number;
}

export type Rules = Partial<Record<Scope, Rule>>;

export interface Counter {
  failures: number;
  /** When the window of this counter began (ms since the epoch). */
  windowStart: number;
  /** The earliest time the next spaced request may run (client scope only). */
  nextSlotAt: number;
}

export type Counters = Partial<Record<Scope, Counter | null>>;

/** A request waits less than this for its turn; one whose turn is further away is refused with Retry-After. */
export const MAX_WAIT_MS = 15_000;

/** The counter as it stands at `now`: a finished window counts nothing. */
export function current(counter: Counter | null | undefined, rule: Rule, now: number): Counter | null {
  if (!counter || now >= counter.windowStart + rule.windowMs) return null;
  return counter;
}

/** Spacing or delay for a count of failures: 0 below the allowance, then base·2^(failures − free), capped. */
export function growing(failures: number, rule: Rule): number {
  const excess = failures - rule.free;
  if (excess < 0 || !rule.baseMs) return 0;
  return Math.min(rule.maxMs ?? rule.baseMs, rule.baseMs * 2 ** Math.min(excess, 30));
}

export type Decision =
  | { kind: 'refuse'; retryAfterMs: number; scope: Scope }
  /** Run after `waitMs`; `nextSlotAt` is the client counter's new turn, when it changed. */
  | { kind: 'proceed'; waitMs: number; nextSlotAt: number | null };

/** What to do with a request given the counters of its scopes. */
export function decide(rules: Rules, counters: Counters, now: number): Decision {
  let waitMs = 0;
  let nextSlotAt: number | null = null;
  if (rules.pair) {
    const pair = current(counters.pair, rules.pair, now);
    if (pair && pair.failures >= rules.pair.free)
      return { kind: 'refuse', retryAfterMs: pair.windowStart + rules.pair.windowMs - now, scope: 'pair' };
  }
  if (rules.client) {
    const client = current(counters.client, rules.client, now);
    const spacing = client ? growing(client.failures, rules.client) : 0;
    if (client && spacing > 0) {
      const turn = Math.max(now, client.nextSlotAt);
      if (turn - now >= MAX_WAIT_MS) return { kind: 'refuse', retryAfterMs: Math.max(1000, turn - now - MAX_WAIT_MS), scope: 'client' };
      waitMs = turn - now;
      nextSlotAt = turn + spacing;
    }
  }
  if (rules.target) {
    const target = current(counters.target, rules.target, now);
    if (target) waitMs = Math.max(waitMs, growing(target.failures, rules.target));
  }
  return { kind: 'proceed', waitMs, nextSlotAt };
}

/** The counter after one more failure (or counted event) at `now`. */
export function afterFailure(counter: Counter | null | undefined, rule: Rule, now: number): Counter {
  const live = current(counter, rule, now);
  return live ? { ...live, failures: live.failures + 1 } : { failures: 1, windowStart: now, nextSlotAt: 0 };
}
