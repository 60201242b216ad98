import 'server-only';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { Mutex } from 'async-mutex';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { databaseTarget, type DatabaseTarget } from './config';
import { connectPostgresql, type PostgresqlConnection } from './db-postgresql';
import { PrismaClient } from './generated/prisma/client';
import { render, type SqlDatabase, type SqlSession, type Statement } from './sql';
import { applyConnectionPragmas, BUSY_TIMEOUT_MS } from './sqlite';
import { beginImmediate } from './sqlite-begin';
import { sqliteDatabase } from './sqlite-sql';
import { startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer';

type Adapter = Awaited<ReturnType<PrismaBetterSqlite3['connect']>>;
type AdapterTransaction = Awaited<ReturnType<Adapter['startTransaction']>>;

function prismaClient(adapter: Adapter): PrismaClient {
  const factory: Pick<PrismaBetterSqlite3, 'provider' | 'adapterName' | 'connect'> = {
    provider: 'sqlite',
    adapterName: adapter.adapterName,
    connect: () => Promise.resolve(adapter),
  };
  // Password hashes never leave the database through the data layer; only server/auth.ts opts back in.
  return new PrismaClient({ adapter: factory, omit: { account: { password: true } } });
}

export type Db = PrismaClient;
/** The client Prisma hands to an interactive transaction (`db.$transaction(async (tx) => …)`). */
export type DbTransaction = Parameters<Parameters<Db['$transaction']>[0]>[0];

/**
 * The process's one SQLite connection, shared by Prisma and by the SQL seam (`sql`, server/sql.ts)
 * the hot paths run their cached statements through (answers, ratings, the review queue). `lock` gives the connection
 * to one user at a time: a Prisma interactive transaction holds it from BEGIN to COMMIT, so no
 * other request's statement can slip into that transaction (and be rolled back with it).
 */
interface Connection {
  file: string;
  prisma: Db;
  sqlite: Database.Database;
  lock: Mutex;
  sql: SqlDatabase;
  checkpointer: WalCheckpointer;
}

/** Prisma's adapter with every statement and transaction taken under `lock`, transactions holding SQLite's write lock. */
function lockedAdapter(inner: Adapter, sqlite: Database.Database, lock: Mutex): Adapter {
  const releasing = (tx: AdapterTransaction, release: () => void): AdapterTransaction => {
    const commit = tx.commit.bind(tx);
    const rollback = tx.rollback.bind(tx);
    tx.commit = () => commit().finally(release);
    tx.rollback = () => rollback().finally(release);
    return tx;
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (query) => lock.runExclusive(() => inner.queryRaw(query)),
    executeRaw: (query) => lock.runExclusive(() => inner.executeRaw(query)),
    executeScript: (script) => lock.runExclusive(() => inner.executeScript(script)),
    startTransaction: async (isolationLevel) => {
      const release = await lock.acquire();
      let tx: AdapterTransaction | undefined;
      try {
        tx = await inner.startTransaction(isolationLevel);
        // The adapter began a deferred transaction; another process could then write between this
        // one's reads and its first write. Hold the write lock from the start instead.
        sqlite.prepare('ROLLBACK').run();
        await beginImmediate(sqlite);
        return releasing(tx, release);
      } catch (error) {
        await tx?.rollback();
        release();
        throw error;
      }
    },
    getConnectionInfo: inner.getConnectionInfo?.bind(inner),
    dispose: () => inner.dispose(),
  };
}

async function connect(file: string): Promise<Connection> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const inner = await new PrismaBetterSqlite3({ url: `file:${file}`, timeout: BUSY_TIMEOUT_MS }).connect();
  const sqlite = (inner as unknown as { client?: unknown }).client;
  if (!(sqlite instanceof Database))
    throw new Error('@prisma/adapter-better-sqlite3 no longer exposes its connection as `client`; see server/db.ts');
  applyConnectionPragmas(sqlite);
  const lock = new Mutex();
  return {
    file,
    prisma: prismaClient(lockedAdapter(inner, sqlite, lock)),
    sqlite,
    lock,
    sql: sqliteDatabase(sqlite, lock),
    checkpointer: startWalCheckpointer(sqlite),
  };
}

type AnyConnection = Connection | PostgresqlConnection;
const cache = globalThis as typeof globalThis & { passageDb?: { key: string; connection: Promise<AnyConnection> } };

const targetKey = (target: DatabaseTarget) => (target.provider === 'sqlite' ? `file:${target.file}` : target.url);

function anyConnection(): Promise<AnyConnection> {
  const target = databaseTarget();
  const key = targetKey(target);
  if (!cache.passageDb || cache.passageDb.key !== key) {
    const connection = target.provider === 'sqlite' ? connect(target.file) : Promise.resolve(connectPostgresql(target.url));
    cache.passageDb = { key, connection };
  }
  return cache.passageDb.connection;
}

/** The one PrismaClient of the process. */
export async function getDb(): Promise<Db> {
  return (await anyConnection()).prisma;
}

/**
 * Reads through the SQL seam (server/sql.ts) when no one else is using the connection. Inside,
 * use only `session`: any other database call waits for the connection this holds.
 */
export async function inReadSession<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
  return (await anyConnection()).sql.read(work);
}

/**
 * Runs `work` in one write transaction (SQLite: BEGIN IMMEDIATE; PostgreSQL: SERIALIZABLE, run again on a serialization failure), committed when it resolves and rolled
 * back when it throws. Inside, use only `tx`: any other database call waits for the lock it holds.
 */
export async function inWriteTransaction<T>(work: (tx: SqlSession) => Promise<T>): Promise<T> {
  return (await anyConnection()).sql.write(work);
}

export async function disconnectDb(): Promise<void> {
  const current = cache.passageDb;
  cache.passageDb = undefined;
  if (!current) return;
  const connection = await current.connection;
  await connection.prisma.$disconnect();
  if ('sqlite' in connection) {
    await connection.checkpointer.stop();
    if (connection.sqlite.open) connection.sqlite.close();
  } else {
    await connection.pool.end();
  }
}

/**
 * Runs one seam statement inside a Prisma interactive transaction, rendered for this database: for
 * what Prisma cannot say, such as a row lock (`fragments.forUpdate`, nothing on SQLite, whose write
 * transaction already holds the whole database).
 */
export async function queryInTransaction(tx: DbTransaction, statement: Statement): Promise<unknown[]> {
  const { text, params } = render(statement, databaseTarget().provider);
  return tx.$queryRawUnsafe(text, ...params);
}
