import 'server-only';
import { headers } from 'next/headers';
import { RateLimiter } from '@/lib/rate-limit';
import { AppError } from './errors';

type Kind = 'join' | 'signIn' | 'signUp';
const cache = globalThis as typeof globalThis & { passageLimiters?: Record<Kind, { perAddress: RateLimiter; overall: RateLimiter }> };
// Only failures count: a class of thirty behind one school address joins freely, while someone
// guessing codes or passwords is slowed to a handful of tries a minute. The address comes from
// X-Forwarded-For, which a client can forge, so a ceiling over all addresses bounds guessing too
// (at 300 a minute, finding one of 887 million join codes takes years).
cache.passageLimiters ??= {
  join: { perAddress: new RateLimiter(20, 60_000), overall: new RateLimiter(300, 60_000) },
  signIn: { perAddress: new RateLimiter(5, 60_000), overall: new RateLimiter(100, 60_000) },
  // A refused sign-up ("that email already has an account") tells the asker the email is
  // registered, so refusals are limited like wrong passwords.
  signUp: { perAddress: new RateLimiter(5, 60_000), overall: new RateLimiter(100, 60_000) },
};
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
  const { perAddress, overall } = limiters[kind];
  const now = Date.now();
  const wait = perAddress.blockedFor(key, now) ?? overall.blockedFor('all', now);
  if (wait !== null) throw new AppError('rate_limited', `Too many failed attempts; try again in ${Math.ceil(wait / 1000)} seconds.`);
  try {
    return await attempt();
  } catch (error) {
    if (error instanceof AppError && error.status < 500 && error.status !== 409) {
      perAddress.record(key, Date.now());
      overall.record('all', Date.now());
    }
    throw error;
  }
}
