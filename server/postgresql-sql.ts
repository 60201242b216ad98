import 'server-only';
import pg from 'pg';
import { Mutex } from 'async-mutex';
import { batchedWrites, type WriteTransaction } from './write-batches';
import { render, type SqlDatabase, type SqlSession, type Statement } from './sql';

/**
 * The SQL seam on PostgreSQL (the SQLite one is server/sqlite-sql.ts). What PostgreSQL forces
 * apart from SQLite, beyond server/sql.ts's rendering (placeholders, values, quoted names, fragments):
 * - Results: timestamps (Prisma's `timestamp(3)`, UTC without a zone) as Dates in UTC, and
 *   bigint and numeric results (counts, sums) as numbers, as SQLite returns them.
 * - Writes: SQLite runs one write transaction at a time, and the use cases read, decide and write
 *   inside one. Here every write transaction (and every Prisma interactive transaction, see
 *   server/db-postgresql.ts) first takes one transaction-level advisory lock, the same on every
 *   instance, so they run one at a time as on SQLite. (SERIALIZABLE was tried first: under a
 *   whole school's answers it aborted so many transactions as pivots that retries ran out.) One
 *   the server still aborts (deadlock, serialization failure) is run again whole, so `work` has no
 *   effect outside its session.
 */

/** The advisory lock key of Passage's write transactions ("pass" in ASCII). */
export const WRITE_LOCK = 0x70617373;
export const TAKE_WRITE_LOCK = `SELECT pg_advisory_xact_lock(${WRITE_LOCK})`;

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

/** A serialization failure or deadlock, from pg directly or wrapped by Prisma's adapter. */
export function isRetryable(error: unknown): boolean {
  const e = error as { code?: string; cause?: { originalCode?: string } } | null;
  return RETRYABLE.has(e?.code ?? '') || RETRYABLE.has(e?.cause?.originalCode ?? '');
}

/** One write transaction on a pooled connection, holding the write lock from its start. */
async function beginOn(pool: pg.Pool): Promise<WriteTransaction> {
  const client = await pool.connect();
  let open = false;
  const run = (text: string, stillOpen: boolean) => async () => {
    try {
      await client.query(text);
    } finally {
      open = stillOpen && open;
    }
  };
  try {
    await client.query(`BEGIN; ${TAKE_WRITE_LOCK}`);
    open = true;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    client.release();
    throw error;
  }
  return {
    session: new PostgresqlSession(client),
    savepoint: run('SAVEPOINT one_write', true),
    release: run('RELEASE SAVEPOINT one_write', true),
    rollbackToSavepoint: run('ROLLBACK TO SAVEPOINT one_write', true),
    commit: run('COMMIT', false),
    rollback: run('ROLLBACK', false),
    isOpen: () => open,
    close: (broken) => client.release(broken),
  };
}

export function postgresqlDatabase(pool: pg.Pool): SqlDatabase {
  const session = new PostgresqlSession(pool);
  // Writes wait for one lock on every instance anyway: in this process they wait in one queue and go in batches.
  const writers = new Mutex();
  return {
    read: (work) => work(session),
    write: batchedWrites({
      exclusive: (run) => writers.runExclusive(run),
      begin: () => beginOn(pool),
      retryable: isRetryable,
      retries: WRITE_RETRIES,
    }),
  };
}
