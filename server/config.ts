import 'server-only';
import path from 'node:path';
import { z } from 'zod';

/** A setting missing or wrong in the environment: the message says what to set. */
export class ConfigError extends Error {}

const DEFAULT_DATABASE_URL = 'file:./data/passage.db';

export type DatabaseTarget = { provider: 'sqlite'; file: string } | { provider: 'postgresql'; url: string };

const isPostgresqlUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);

/** The database DATABASE_URL names: a SQLite file (the default) or a PostgreSQL server. */
export function databaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
  return isPostgresqlUrl(url) ? { provider: 'postgresql', url } : { provider: 'sqlite', file: databaseFile(env) };
}

/** Absolute path of the SQLite file named by DATABASE_URL (a `file:` URL, relative to the cwd). */
export function databaseFile(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
  if (isPostgresqlUrl(url)) {
    throw new Error('DATABASE_URL names a PostgreSQL server; this works on a SQLite file only (on PostgreSQL, use pg_dump and pg_restore)');
  }
  if (!url.startsWith('file:')) {
    throw new Error(
      `DATABASE_URL must be a SQLite "file:" URL such as ${DEFAULT_DATABASE_URL} or a "postgresql://" URL; got "${url.replace(/\/\/[^@/]*@/, '//…@')}"`,
    );
  }
  const file = url.slice('file:'.length).replace(/\?.*$/, '');
  if (!file) throw new Error('DATABASE_URL names no file');
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
}

export function questionsDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.PASSAGE_QUESTIONS_DIR?.trim() || 'questions');
}

export function migrationsDir(provider: DatabaseTarget['provider'] = 'sqlite'): string {
  return path.resolve(
    /*turbopackIgnore: true*/ process.cwd(),
    provider === 'sqlite' ? 'prisma/migrations' : 'prisma/postgresql/migrations',
  );
}

/** Interval fuzz spreads reviews out in real use; tests switch it off to compare exact dates. */
export function fsrsFuzz(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.PASSAGE_FSRS_FUZZ === 'off') return false;
  if (env.PASSAGE_FSRS_FUZZ === 'on') return true;
  return env.NODE_ENV !== 'test';
}

export const DEFAULT_SIGNUPS_PER_HOUR = 10;
export const DEFAULT_NEW_LEARNERS_PER_HOUR = 1000;

const perHourParsed = new Map<string, { raw: string; value: number }>();

/** A whole number of events per hour read from the environment, or `fallback` when unset (parsed once per value: the limiter asks on every request). */
function perHourSetting(name: string, fallback: number, max: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const known = perHourParsed.get(name);
  if (known?.raw === raw) return known.value;
  const schema = z.coerce
    .number({ error: `${name} must be a whole number` })
    .int(`${name} must be a whole number`)
    .min(1, `${name} must be at least 1`)
    .max(max, `${name} must be at most ${max}`);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(`${parsed.error.issues[0]!.message}; got "${raw}"`);
  perHourParsed.set(name, { raw, value: parsed.data });
  return parsed.data;
}

/**
 * Teacher sign-ups one address may make an hour before each waits (default 10). A school whose
 * staff all sign up from behind one address on a training day raises it.
 */
export function signUpsPerHour(env: NodeJS.ProcessEnv = process.env): number {
  return perHourSetting('PASSAGE_SIGNUPS_PER_HOUR', DEFAULT_SIGNUPS_PER_HOUR, 100_000, env);
}

/**
 * New anonymous learners one address may create an hour before each waits a second (default
 * 1,000: a whole school behind one address). A district behind one address, or the bench, raises it.
 */
export function newLearnersPerHour(env: NodeJS.ProcessEnv = process.env): number {
  return perHourSetting('PASSAGE_NEW_LEARNERS_PER_HOUR', DEFAULT_NEW_LEARNERS_PER_HOUR, 10_000_000, env);
}

/** Reads every setting the server reads later, so a wrong one stops the start with its message instead of failing requests. */
export function checkSettings(env: NodeJS.ProcessEnv = process.env): void {
  databaseTarget(env);
  signUpsPerHour(env);
  newLearnersPerHour(env);
}
