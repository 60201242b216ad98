import 'server-only';
import pg from 'pg';
import { render, type SqlDatabase, type SqlSession, type Statement } from './sql';

/**
 * The SQL seam on PostgreSQL (the SQLite one is server/sqlite-sql.ts). What PostgreSQL forces
 * apart from SQLite, beyond server/sql.ts's rendering (placeholders, values, quoted names, fragments):
 * - Results: timestamps (Prisma's `timestamp(3)`, UTC without a zone) as Dates in UTC, and
 *   bigint and numeric results (counts, sums) as numbers, as SQLite returns them.
 * - Writes: SQLite serialises write transactions with one lock; here each runs SERIALIZABLE, so
 *   read-then-write cannot race either, and one the server aborts as a serialization failure or
 *   deadlock is run again whole. `work` therefore has no effect outside its session.
 */

const TIMESTAMP = 1114;
const INT8 = 20;
const NUMERIC = 1700;
const utcTimestamp = (value: string) => new Date(`${value.replace(' ', 'T')}Z`);
const types = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === TIMESTAMP) return utcTimestamp;
    if (oid === INT8 || oid === NUMERIC) return Number;
    return pg.types.getTypeParser(oid, format as 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/** A prepared-statement name per distinct rendered statement: each connection parses it once. */
const names = new Map<string, string>();

function statementName(text: string): string {
  let name = names.get(text);
  if (!name) names.set(text, (name = `passage_${names.size + 1}`));
  return name;
}

class PostgresqlSession implements SqlSession {
  constructor(private readonly client: pg.Pool | pg.PoolClient) {}

  private async query(statement: Statement): Promise<pg.QueryResult> {
    const { text, params } = render(statement, 'postgresql');
    return this.client.query({ name: statementName(text), text, values: params.map(toParam), types });
  }

  async get<T>(statement: Statement): Promise<T | undefined> {
    return (await this.query(statement)).rows[0] as T | undefined;
  }

  async all<T>(statement: Statement): Promise<T[]> {
    return (await this.query(statement)).rows as T[];
  }

  async run(statement: Statement): Promise<number> {
    return (await this.query(statement)).rowCount ?? 0;
  }
}

/** Dates as UTC text: `timestamp(3)` columns keep no zone, and pg would send the machine's local time. */
const toParam = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

/** How many times a write transaction is run again after a serialization failure or deadlock. */
export const WRITE_RETRIES = 12;
const RETRYABLE = new Set(['40001', '40P01']);

export const isRetryable = (error: unknown): boolean => RETRYABLE.has((error as { code?: string } | null)?.code ?? '');

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function postgresqlDatabase(pool: pg.Pool): SqlDatabase {
  const session = new PostgresqlSession(pool);
  return {
    read: (work) => work(session),
    async write(work) {
      for (let attempt = 0; ; attempt++) {
        const client = await pool.connect();
        let broken: Error | undefined;
        try {
          await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
          const result = await work(new PostgresqlSession(client));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
          if (!isRetryable(error) || attempt >= WRITE_RETRIES) throw error;
        } finally {
          client.release(broken);
        }
        await sleep(Math.random() * 10 * 2 ** Math.min(attempt, 6));
      }
    },
  };
}
