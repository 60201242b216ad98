import 'server-only';
import { setTimeout as sleep } from 'node:timers/promises';
import { headers } from 'next/headers';
import { clientAddress as addressFrom, clientKey, parseTrustedProxy, type TrustedProxy } from '@/lib/client-address';
import { afterFailure, decide, type Counter, type Counters, type Rules, type Scope } from '@/lib/rate-limit';
import { inWriteTransaction } from './db';
import { DEFAULT_NEW_LEARNERS_PER_HOUR, DEFAULT_SIGNUPS_PER_HOUR, newLearnersPerHour, signUpsPerHour } from './config';
import { AppError } from './errors';
import { PEER_HEADER, peerStamping } from './peer-address';
import { fragments, numberFromSql, sql, type SqlSession } from './sql';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The limits, per kind of request (see lib/rate-limit.ts for what each scope does, and
 * docs/security.md for the arithmetic). `countEvery`: every request counts, not just failures
 * (creation: sign-ups and new anonymous learners).
 */
export const LIMITS = {
  // Per address 20 wrong passwords per 15 min free, then one try every 1 s, doubling to 8 s;
  // per address and account 5, then locked for the rest of the 15 min; per account 10 (from
  // anywhere), then every try waits 0.5 s, doubling to 4 s.
  signIn: {
    pair: { free: 5, windowMs: 15 * MINUTE },
    client: { free: 20, windowMs: 15 * MINUTE, baseMs: 1000, maxMs: 8000 },
    target: { free: 10, windowMs: 15 * MINUTE, baseMs: 500, maxMs: 4000 },
  },
  // Every sign-up counts (an accepted one says the email was free): 10 an hour per address (a
  // staff training behind one school address; PASSAGE_SIGNUPS_PER_HOUR changes it), then one
  // every 5 s, doubling to 10 s.
  signUp: { client: { free: DEFAULT_SIGNUPS_PER_HOUR, windowMs: HOUR, baseMs: 5000, maxMs: 10_000 } },
  // Wrong join codes: 20 per 15 min per address, then one try every 2 s (doubling to 8 s).
  joinCode: { client: { free: 20, windowMs: 15 * MINUTE, baseMs: 2000, maxMs: 8000 } },
  // Wrong personal codes: the same per address; per assignment 30 an hour, then every try at that
  // assignment waits 0.5 s (doubling to 4 s).
  personalCode: {
    client: { free: 20, windowMs: 15 * MINUTE, baseMs: 2000, maxMs: 8000 },
    target: { free: 30, windowMs: HOUR, baseMs: 500, maxMs: 4000 },
  },
  // New anonymous learners: 1,000 an hour per address (a whole school behind one address;
  // PASSAGE_NEW_LEARNERS_PER_HOUR changes it), then one a second.
  newLearner: { client: { free: DEFAULT_NEW_LEARNERS_PER_HOUR, windowMs: HOUR, baseMs: 1000, maxMs: 1000 } },
} as const satisfies Record<string, Rules>;

export type LimitKind = keyof typeof LIMITS;

/** Kinds whose per-address allowance an environment setting decides (LIMITS holds its default). */
const ALLOWANCE_SETTINGS: Partial<Record<LimitKind, () => number>> = { signUp: signUpsPerHour, newLearner: newLearnersPerHour };

function rulesFor(kind: LimitKind): Rules {
  const rules: Rules = LIMITS[kind];
  const setting = ALLOWANCE_SETTINGS[kind];
  return setting && rules.client ? { ...rules, client: { ...rules.client, free: setting() } } : rules;
}
const COUNT_EVERY: ReadonlySet<LimitKind> = new Set(['signUp', 'newLearner']);

export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', `Too many tries from here; try again in ${retryAfterSeconds} seconds.`);
  }
}

const trustedCache = globalThis as typeof globalThis & { passageTrustedProxy?: { raw: string | undefined; value: TrustedProxy } };

function trustedProxy(): TrustedProxy {
  const raw = process.env.PASSAGE_TRUSTED_PROXY;
  const cached = trustedCache.passageTrustedProxy;
  if (cached && cached.raw === raw) return cached.value;
  const value = parseTrustedProxy(raw);
  trustedCache.passageTrustedProxy = { raw, value };
  return value;
}

/** The client's address for these request headers (socket peer, or X-Forwarded-For behind a trusted proxy). */
export function clientAddressOf(h: Headers): string {
  const peer = peerStamping() ? h.get(PEER_HEADER) : null;
  return addressFrom({ peer: peer ?? 'local', forwardedFor: h.get('x-forwarded-for'), trusted: trustedProxy() });
}

/** The client's address for the current request (route handlers and server actions). */
export async function clientAddress(): Promise<string> {
  return clientAddressOf(await headers());
}

interface Row {
  key: string;
  failures: number;
  windowStart: number;
  nextSlotAt: number;
}

type Keys = Partial<Record<Scope, string>>;

function keysFor(kind: LimitKind, subject: { client: string; target?: string }): Keys {
  const rules = rulesFor(kind);
  const client = clientKey(subject.client);
  const keys: Keys = {};
  if (rules.client) keys.client = `${kind}|c|${client}`;
  if (rules.target && subject.target !== undefined) keys.target = `${kind}|t|${subject.target}`;
  if (rules.pair && subject.target !== undefined) keys.pair = `${kind}|p|${client}|${subject.target}`;
  return keys;
}

async function readCounters(tx: SqlSession, keys: Keys): Promise<Counters> {
  const rows = await tx.all<Row>(
    sql`SELECT key, failures, windowStart, nextSlotAt FROM RateLimit WHERE key IN (${keys.pair ?? null}, ${keys.client ?? null}, ${keys.target ?? null}) ${fragments.forUpdate}`,
  );
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const counters: Counters = {};
  for (const scope of Object.keys(keys) as Scope[]) {
    const row = byKey.get(keys[scope]!);
    counters[scope] = row
      ? { failures: numberFromSql(row.failures), windowStart: numberFromSql(row.windowStart), nextSlotAt: numberFromSql(row.nextSlotAt) }
      : null;
  }
  return counters;
}

/**
 * Decides, and counts the request as a failure before it runs (in one write transaction, so
 * simultaneous requests cannot all slip in under the allowance before any failure is counted).
 * Waits as the rules say, or throws 429. Returns the window each counter was counted in.
 */
async function admit(
  kind: LimitKind,
  keys: Keys,
  now: () => number,
  knownGood?: (session: SqlSession) => Promise<boolean>,
): Promise<Partial<Record<Scope, number>> | null> {
  const rules = rulesFor(kind);
  const admitted = await inWriteTransaction(async (tx) => {
    const at = now();
    const counters = await readCounters(tx, keys);
    const decision = decide(rules, counters, at);
    if (decision.kind === 'refuse') return decision;
    // A request that will succeed (a live join code) is no guess: counting it in advance would let
    // a school joining at once from one address refuse its own later students.
    if (decision.waitMs === 0 && knownGood && (await knownGood(tx))) return { ...decision, windows: null };
    const windows: Partial<Record<Scope, number>> = {};
    for (const scope of Object.keys(keys) as Scope[]) {
      const rule = rules[scope]!;
      const next: Counter = afterFailure(counters[scope], rule, at);
      if (scope === 'client' && decision.nextSlotAt !== null) next.nextSlotAt = decision.nextSlotAt;
      await tx.run(sql`INSERT INTO RateLimit (key, failures, windowStart, nextSlotAt, expiresAt)
        VALUES (${keys[scope]!}, ${next.failures}, ${next.windowStart}, ${next.nextSlotAt}, ${next.windowStart + rule.windowMs})
        ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, windowStart = excluded.windowStart, nextSlotAt = excluded.nextSlotAt,
          expiresAt = excluded.expiresAt`);
      windows[scope] = next.windowStart;
    }
    return { ...decision, windows };
  });
  if (admitted.kind === 'refuse') throw new RateLimitedError(Math.max(1, Math.ceil(admitted.retryAfterMs / 1000)));
  if (admitted.waitMs > 0) await sleep(admitted.waitMs);
  return admitted.windows;
}

/** Takes back the failure counted in advance (the request succeeded); a lock of this client on this target is lifted. */
async function release(keys: Keys, windows: Partial<Record<Scope, number>>): Promise<void> {
  await inWriteTransaction(async (tx) => {
    for (const scope of Object.keys(keys) as Scope[]) {
      if (scope === 'pair') await tx.run(sql`DELETE FROM RateLimit WHERE key = ${keys.pair!}`);
      else
        await tx.run(
          sql`UPDATE RateLimit SET failures = ${fragments.greatest}(failures - 1, 0) WHERE key = ${keys[scope]!} AND windowStart = ${windows[scope]!}`,
        );
    }
  });
}

/** Refusals that count as a failed guess: the client's own 4xx, not a clash with someone else (409) or a limit. */
export function isGuessFailure(error: unknown): boolean {
  return error instanceof AppError && error.status < 500 && error.status !== 409 && error.status !== 429;
}

/**
 * Runs `attempt` under the limits of `kind` for this client (and target: the account or the
 * assignment guessed at). Waits or refuses (429) as the rules say. The request is counted as a
 * failure before it runs and the count taken back when it succeeds or fails for a reason that is
 * not a guess (for creation kinds, every request stays counted). `knownGood`, read in the same
 * transaction as the counters, says the request will succeed: it then runs uncounted, unless the
 * client is already being slowed (so a guesser gains nothing by guessing right).
 */
export async function limited<T>(
  kind: LimitKind,
  subject: { client: string; target?: string },
  attempt: () => Promise<T>,
  options: { isFailure?: (error: unknown) => boolean; now?: () => number; knownGood?: (session: SqlSession) => Promise<boolean> } = {},
): Promise<T> {
  const now = options.now ?? Date.now;
  const keys = keysFor(kind, subject);
  const windows = await admit(kind, keys, now, options.knownGood);
  if (windows === null) return attempt();
  const countEvery = COUNT_EVERY.has(kind);
  let result: T;
  try {
    result = await attempt();
  } catch (error) {
    if (!countEvery && !(options.isFailure ?? isGuessFailure)(error)) await release(keys, windows);
    throw error;
  }
  if (!countEvery) await release(keys, windows);
  return result;
}

/** Drops counters whose window has ended. */
export async function purgeRateLimits(now = Date.now()): Promise<number> {
  return inWriteTransaction((tx) => tx.run(sql`DELETE FROM RateLimit WHERE expiresAt < ${now}`));
}
