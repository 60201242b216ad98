import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { PrismaClient } from './generated/prisma/client';
import { PrismaClient as PostgresqlPrismaClient } from './generated/prisma-postgresql/client';
import { postgresqlDatabase } from './postgresql-sql';
import type { SqlDatabase } from './sql';

export interface PostgresqlConnection {
  prisma: PrismaClient;
  pool: pg.Pool;
  sql: SqlDatabase;
}

/** Connections per process; N instances open up to N × this against the server's max_connections. */
const DEFAULT_POOL_SIZE = 10;

/**
 * The process's PrismaClient on PostgreSQL: the client generated from prisma/postgresql/schema.prisma
 * over a `pg` pool. Both generated clients have the same models and model API (the schemas differ
 * only in provider), so the use cases are written once against the SQLite client's type.
 */
export function connectPostgresql(url: string, env: NodeJS.ProcessEnv = process.env): PostgresqlConnection {
  const size = Number(env.PASSAGE_PG_POOL_SIZE ?? DEFAULT_POOL_SIZE);
  const pool = new pg.Pool({ connectionString: url, max: Number.isInteger(size) && size > 0 ? size : DEFAULT_POOL_SIZE });
  // Password hashes never leave the database through the data layer; only server/auth.ts opts back in.
  const prisma = new PostgresqlPrismaClient({ adapter: new PrismaPg(pool), omit: { account: { password: true } } });
  return { prisma: prisma as unknown as PrismaClient, pool, sql: postgresqlDatabase(pool) };
}
