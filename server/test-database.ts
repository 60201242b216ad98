import 'server-only';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { disconnectDb } from './db';
import { migrate } from './migrations';

/** Which database the integration tests run on: SQLite (default) or PostgreSQL (PASSAGE_TEST_DATABASE=postgresql). */
export const testDatabase = (): 'sqlite' | 'postgresql' => (process.env.PASSAGE_TEST_DATABASE === 'postgresql' ? 'postgresql' : 'sqlite');

let created = 0;

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * A fresh migrated database made the process's DATABASE_URL, so every server/ function under
 * test uses it: a SQLite file in a temporary folder, or, under PASSAGE_TEST_DATABASE=postgresql,
 * a copy of the migrated template database on the run's PostgreSQL server (scripts/vitest-postgresql.ts).
 * Tests of SQLite itself pass `'sqlite'`. For integration tests only.
 */
export async function useTemporaryDatabase(
  provider: 'sqlite' | 'postgresql' = testDatabase(),
): Promise<{ dir: string; file: string; cleanup: () => Promise<void> }> {
  await disconnectDb();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passage-test-'));
  const file = path.join(dir, 'passage.db');
  if (provider === 'postgresql') {
    const serverUrl = inject('postgresqlServerUrl');
    const name = `passage_test_${process.pid}_${++created}`;
    await onServer(serverUrl, `CREATE DATABASE "${name}" TEMPLATE passage_template`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
    process.env.BETTER_AUTH_SECRET ??= 'integration-tests-on-postgresql';
    return {
      dir,
      file,
      cleanup: async () => {
        await disconnectDb();
        await onServer(serverUrl, `DROP DATABASE "${name}" WITH (FORCE)`);
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  process.env.DATABASE_URL = `file:${file}`;
  await migrate(file, path.resolve('prisma/migrations'));
  return {
    dir,
    file,
    cleanup: async () => {
      await disconnectDb();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
