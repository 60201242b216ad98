import 'server-only';
import { cookies, headers } from 'next/headers';
import { cookieValue } from '@/lib/http/cookie';
import { createLearner, learnerForToken, type LearnerRef } from './learners';
import { clientAddressOf, limited } from './rate-limits';

export const LEARNER_COOKIE = 'passage_learner';
const ONE_YEAR = 60 * 60 * 24 * 365;

/** The token a request carries: `Authorization: Bearer`, else the learner cookie. */
function presentedToken(requestHeaders: Headers): string | null {
  const bearer = requestHeaders.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return bearer;
  return cookieValue(requestHeaders.get('cookie'), LEARNER_COOKIE);
}

/** The learner this request speaks for (cookie or `Authorization: Bearer`), if any. */
export async function currentLearner(): Promise<LearnerRef | null> {
  return learnerForToken(presentedToken(await headers()));
}

/**
 * currentLearner() for a route handler, read from its own request: the hot API routes skip
 * Next's request-scoped storage behind headers() and cookies().
 */
export function learnerOfRequest(request: Request): Promise<LearnerRef | null> {
  return learnerForToken(presentedToken(request.headers));
}

/**
 * Cookies are Secure in production whenever the page was served over HTTPS (directly or behind
 * a TLS proxy). Over plain HTTP a browser would drop a Secure cookie, so a classroom server on
 * a LAN address would silently forget every student.
 */
export async function cookiesShouldBeSecure(): Promise<boolean> {
  if (process.env.NODE_ENV !== 'production') return false;
  const proto = (await headers()).get('x-forwarded-proto')?.split(',')[0]?.trim();
  return proto === 'https';
}

export async function setLearnerCookie(token: string): Promise<void> {
  (await cookies()).set(LEARNER_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: await cookiesShouldBeSecure(),
    path: '/',
    maxAge: ONE_YEAR,
  });
}

/**
 * The learner for a write: the current one, or a new anonymous learner whose token is set as
 * a cookie. Only callable where cookies can be set (route handlers and server actions).
 */
export async function learnerForWrite(): Promise<LearnerRef> {
  const existing = await currentLearner();
  if (existing) return existing;
  // The browser tells us its time zone, so "today" starts at 04:00 where the learner lives.
  const timeZone = (await headers()).get('x-passage-time-zone');
  const { learner, token } = await limited('newLearner', { client: clientAddressOf(await headers()) }, () => createLearner({ timeZone }));
  await setLearnerCookie(token);
  return learner;
}

/** The site's origin as the browser sees it, for links that leave this device (resume, join). */
export async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto')?.split(',')[0]?.trim() ?? 'http';
  return `${proto}://${host}`;
}

export async function clearLearnerCookie(): Promise<void> {
  (await cookies()).delete(LEARNER_COOKIE);
}
