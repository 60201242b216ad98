import 'server-only';
import { headers } from 'next/headers';
import { RateLimiter } from '@/lib/rate-limit';
import { AppError } from './errors';

const cache = globalThis as typeof globalThis & { passageLimiters?: Record<string, RateLimiter> };
cache.passageLimiters ??= {
  // Thirty pupils behind one school address join within a minute or two.
  join: new RateLimiter(60, 60_000),
  signIn: new RateLimiter(5, 60_000),
};
const limiters = cache.passageLimiters;

export async function clientAddress(): Promise<string> {
  const h = await headers();
  return h.get('x-forwarded-for')?.split(',')[0]?.trim() || h.get('x-real-ip') || 'local';
}

/** Throws 429 with a plain message when `kind` was hit too often for this key. */
export function enforceLimit(kind: 'join' | 'signIn', key: string, now = Date.now()): void {
  const verdict = limiters[kind]!.hit(key, now);
  if (!verdict.allowed) {
    throw new AppError('rate_limited', `Too many attempts; try again in ${Math.ceil(verdict.retryAfterMs / 1000)} seconds.`);
  }
}
