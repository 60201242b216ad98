import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { limitFailures } from './rate-limits';

const refuse = (code: ConstructorParameters<typeof AppError>[0]) => () => Promise.reject(new AppError(code, 'no'));
const succeed = () => Promise.resolve('ok');

async function outcome(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'ok',
    (error: unknown) => (error instanceof AppError ? error.code : 'other'),
  );
}

describe('limitFailures', () => {
  it('refuses a key after five failed sign-ins a minute without trying again, and leaves other keys alone', async () => {
    for (let i = 0; i < 5; i++) expect(await outcome(limitFailures('signIn', '198.51.100.1:a@school.test', refuse('unauthorized')))).toBe('unauthorized');
    let tried = false;
    const blocked = limitFailures('signIn', '198.51.100.1:a@school.test', () => {
      tried = true;
      return succeed();
    });
    expect(await outcome(blocked)).toBe('rate_limited');
    expect(tried).toBe(false);
    expect(await outcome(limitFailures('signIn', '198.51.100.2:a@school.test', succeed))).toBe('ok');
  });

  it('counts only failures: a class joining from one address is never slowed by its successes or nickname clashes', async () => {
    for (let i = 0; i < 50; i++) expect(await outcome(limitFailures('join', '198.51.100.3', succeed))).toBe('ok');
    for (let i = 0; i < 30; i++) expect(await outcome(limitFailures('join', '198.51.100.3', refuse('conflict')))).toBe('conflict');
    expect(await outcome(limitFailures('join', '198.51.100.3', succeed))).toBe('ok');
  });

  it('limits refused sign-ups per address, since each refusal says whether an email has an account', async () => {
    for (let i = 0; i < 5; i++) expect(await outcome(limitFailures('signUp', '198.51.100.4', refuse('invalid_input')))).toBe('invalid_input');
    expect(await outcome(limitFailures('signUp', '198.51.100.4', succeed))).toBe('rate_limited');
  });
});
