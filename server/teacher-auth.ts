import 'server-only';
import { z } from 'zod';
import { AppError } from './errors';
import { limited } from './rate-limits';

/**
 * Teacher sign-in and sign-up, whichever way they arrive (the forms' server actions or
 * better-auth's own HTTP handler under /api/auth): one validation, one limiter, one refusal text.
 */

const email = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .max(200, { error: 'An email address can be at most 200 characters.' })
  .email({ error: 'Enter an email address, like name@school.org.' });
const optional = { callbackURL: z.string().max(2000).optional(), rememberMe: z.boolean().optional() };

export const signUpInput = z.strictObject({
  name: z
    .string({ error: 'Enter your name.' })
    .trim()
    .min(1, { error: 'Enter your name.' })
    .max(80, { error: 'Keep your name to 80 characters or fewer.' }),
  email,
  password: z
    .string({ error: 'Choose a password.' })
    .min(10, { error: 'Choose a password of at least 10 characters.' })
    .max(128, { error: 'A password can be at most 128 characters.' }),
  ...optional,
});
export const signInInput = z.strictObject({
  email,
  password: z
    .string({ error: 'Enter your password.' })
    .min(1, { error: 'Enter your password.' })
    .max(128, { error: 'A password can be at most 128 characters.' }),
  ...optional,
});

export const SIGN_IN_REFUSED = 'That email and password do not match an account.';
// The same words whether or not the email has an account, so a refusal does not say which.
export const SIGN_UP_REFUSED = 'Could not create an account with these details. If you already have an account, sign in instead.';

/** The header better-auth reads the client's address from (set by Passage, never by the client). */
export const CLIENT_ADDRESS_HEADER = 'x-passage-client';

/** Runs a sign-in under the limits (per address, per account, per address at one account); any refusal is one 401. */
export function limitedSignIn<T>(client: string, accountEmail: string, run: () => Promise<T>): Promise<T> {
  return limited('signIn', { client, target: accountEmail }, async () => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof AppError && error.status >= 500) throw error;
      throw new AppError('unauthorized', SIGN_IN_REFUSED);
    }
  });
}

/** Runs a sign-up under the per-address creation limit; any refusal is one 400 that reveals nothing. */
export function limitedSignUp<T>(client: string, run: () => Promise<T>): Promise<T> {
  return limited('signUp', { client }, async () => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof AppError && error.status >= 500) throw error;
      throw new AppError('invalid_input', SIGN_UP_REFUSED);
    }
  });
}
