import 'server-only';
import { headers } from 'next/headers';
import { RateLimiter } from '@/lib/rate-limit';
import { AppError } from './errors';

const cache = globalThis as typeof globalThis & { passageLimiters?: Record<Kind, RateLimiter> };
type Kind = 'join' | 'signIn';
// Only failures count: a class of thirty behind one school address joins freely, while someone
// guessing codes or passwords is slowed to a handful of tries a minute.
cache.passageLimiters ??= { join: new RateLimiter(20, 60_000), signIn: new RateLimiter(5, 60_000) };
const limiters = cache.passageLimiters;

export async function clientAddress(): Promise<string> {
  const h = await headers();
  return h.get('x-forwarded-for')?.split(',')[0]?.trim() || h.get('x-real-ip') || 'local';
}

/**
 * Runs `attempt`, refusing with 429 while `key` has failed too often, and counting it as a
 * failure when it throws a 4xx AppError (a wrong code, nickname, password).
 */
export async function limitFailures<T>(kind: Kind, key: string, attempt: () => Promise<T>): Promise<T> {
  const limiter = limiters[kind];
  const wait = limiter.blockedFor(key, Date.now());
  if (wait !== null) throw new AppError('rate_limited', `Too many failed attempts; try again in ${Math.ceil(wait / 1000)} seconds.`);
  try {
    return await attempt();
  } catch (error) {
    if (error instanceof AppError && error.status < 500 && error.status !== 409) limiter.record(key, Date.now());
    throw error;
  }
}
