import 'server-only';
import path from 'node:path';

const DEFAULT_DATABASE_URL = 'file:./data/passage.db';

// Every statement asks for the file (tests switch DATABASE_URL): resolve each URL only once.
let lastResolved: { url: string | undefined; cwd: string; file: string } | null = null;

/** Absolute path of the SQLite file named by DATABASE_URL (a `file:` URL, relative to the cwd). */
export function databaseFile(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.DATABASE_URL;
  const cwd = process.cwd();
  if (lastResolved && lastResolved.url === raw && lastResolved.cwd === cwd) return lastResolved.file;
  const file = resolveDatabaseFile(raw);
  lastResolved = { url: raw, cwd, file };
  return file;
}

function resolveDatabaseFile(raw: string | undefined): string {
  const url = raw?.trim() || DEFAULT_DATABASE_URL;
  if (!url.startsWith('file:')) {
    throw new Error(`DATABASE_URL must be a SQLite "file:" URL such as ${DEFAULT_DATABASE_URL}; got "${url}"`);
  }
  const file = url.slice('file:'.length).replace(/\?.*$/, '');
  if (!file) throw new Error('DATABASE_URL names no file');
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
}

export function questionsDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.PASSAGE_QUESTIONS_DIR?.trim() || 'questions');
}

export function migrationsDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'prisma/migrations');
}

/** Interval fuzz spreads reviews out in real use; tests switch it off to compare exact dates. */
export function fsrsFuzz(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.PASSAGE_FSRS_FUZZ === 'off') return false;
  if (env.PASSAGE_FSRS_FUZZ === 'on') return true;
  return env.NODE_ENV !== 'test';
}
