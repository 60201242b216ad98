import 'server-only';
import { setTimeout as sleep } from 'node:timers/promises';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { PrismaClient } from './generated/prisma/client';
import { PrismaClient as PostgresqlPrismaClient } from './generated/prisma-postgresql/client';
import { isRetryable, postgresqlDatabase, TAKE_WRITE_LOCK, WRITE_RETRIES } from './postgresql-sql';
import type { SqlDatabase } from './sql';

export interface PostgresqlConnection {
  prisma: PrismaClient;
  pool: pg.Pool;
  sql: SqlDatabase;
}

/** Connections per process; N instances open up to N × this against the server's max_connections. */
const DEFAULT_POOL_SIZE = 10;

/** Prisma's code for a transaction PostgreSQL aborted as a serialization failure or deadlock. */
const isWriteConflict = (error: unknown) => (error as { code?: string } | null)?.code === 'P2034' || isRetryable(error);

/**
 * On SQLite interactive transactions take the write lock at BEGIN and run one at a time, and use
 * cases read, decide, then write in them (an attempt limit, a roster check). Here they take the
 * seam's write lock first (server/postgresql-sql.ts), so those decisions hold with many
 * connections and instances; one PostgreSQL still aborts for a conflict is run again whole.
 */
function serializableTransactions<
  Client extends { $transaction: (...args: never[]) => unknown; $executeRawUnsafe: (query: string) => unknown },
>(client: Client): Client {
  const transaction = client.$transaction.bind(client) as (arg: unknown, options?: object) => Promise<unknown>;
  const retrying = async (arg: unknown, options?: object) => {
    if (typeof arg !== 'function') {
      // A batch ($transaction([…])) takes the lock as its first statement; its caller gets its own results.
      const results = (await transaction([client.$executeRawUnsafe(TAKE_WRITE_LOCK), ...(arg as unknown[])], options)) as unknown[];
      return results.slice(1);
    }
    for (let attempt = 0; ; attempt++) {
      try {
        const work = arg as (tx: { $executeRawUnsafe: (sql: string) => Promise<number> }) => Promise<unknown>;
        const locked = async (tx: Parameters<typeof work>[0]) => {
          await tx.$executeRawUnsafe(TAKE_WRITE_LOCK);
          return work(tx);
        };
        // Waiting for the write lock counts against the transaction's time: more than Prisma's 2 s and 5 s.
        return await transaction(locked, { maxWait: 10_000, timeout: 20_000, ...options });
      } catch (error) {
        if (!isWriteConflict(error) || attempt >= WRITE_RETRIES) throw error;
      }
      await sleep(Math.random() * 10 * 2 ** Math.min(attempt, 6));
    }
  };
  return new Proxy(client, {
    get: (target, property, receiver) => (property === '$transaction' ? retrying : Reflect.get(target, property, receiver)),
  });
}

/**
 * The process's PrismaClient on PostgreSQL: the client generated from prisma/postgresql/schema.prisma
 * over a `pg` pool. Both generated clients have the same models and model API (the schemas differ
 * only in provider), so the use cases are written once against the SQLite client's type.
 */
export function connectPostgresql(url: string, env: NodeJS.ProcessEnv = process.env): PostgresqlConnection {
  const size = Number(env.PASSAGE_PG_POOL_SIZE ?? DEFAULT_POOL_SIZE);
  const pool = new pg.Pool({ connectionString: url, max: Number.isInteger(size) && size > 0 ? size : DEFAULT_POOL_SIZE });
  // An idle connection the server closes (a restart, a failover, an administrator) is dropped by
  // the pool and replaced on the next query; unheard, the pool's 'error' event would end the process.
  pool.on('error', (error) => {
    if (!pool.ending) console.warn(`PostgreSQL closed an idle connection (${error.message}); the next query opens a new one.`);
  });
  // Password hashes never leave the database through the data layer; only server/auth.ts opts back in.
  const prisma = new PostgresqlPrismaClient({ adapter: new PrismaPg(pool), omit: { account: { password: true } } });
  return { prisma: serializableTransactions(prisma) as unknown as PrismaClient, pool, sql: postgresqlDatabase(pool) };
}
