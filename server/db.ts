import 'server-only';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { databaseFile } from './config';
import { PrismaClient } from './generated/prisma/client';
import { BUSY_TIMEOUT_MS } from './sqlite';

function createClient(file: string): PrismaClient {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const adapter = new PrismaBetterSqlite3({ url: `file:${file}`, timeout: BUSY_TIMEOUT_MS });
  // Password hashes never leave the database through the data layer; only server/auth.ts opts back in.
  return new PrismaClient({ adapter, omit: { account: { password: true } } });
}

type Db = ReturnType<typeof createClient>;
const cache = globalThis as typeof globalThis & { passageDb?: { file: string; client: Db; ready: Promise<void> } };

/**
 * The one PrismaClient of the process. Its connection gets the same pragmas as every other
 * (WAL is stored in the file by the migration runner; foreign keys and the busy timeout are
 * per connection).
 */
export async function getDb(): Promise<Db> {
  const file = databaseFile();
  if (!cache.passageDb || cache.passageDb.file !== file) {
    const client = createClient(file);
    const ready = (async () => {
      await client.$queryRawUnsafe('PRAGMA journal_mode = WAL');
      await client.$queryRawUnsafe('PRAGMA foreign_keys = ON');
      await client.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
    })();
    cache.passageDb = { file, client, ready };
  }
  await cache.passageDb.ready;
  return cache.passageDb.client;
}

export async function disconnectDb(): Promise<void> {
  const current = cache.passageDb;
  cache.passageDb = undefined;
  await current?.client.$disconnect();
}
