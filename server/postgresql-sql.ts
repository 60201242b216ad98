import 'server-only';
import pg from 'pg';
import { render, type SqlDatabase, type SqlSession, type Statement } from './sql';

/**
 * The SQL seam on PostgreSQL (the SQLite one is server/sqlite-sql.ts). What PostgreSQL forces
 * apart from SQLite, beyond server/sql.ts's placeholders, values and fragments:
 * - Identifiers: the use cases write Prisma's mixed-case table and column names bare
 *   (`SELECT dueAt FROM Assignment`); PostgreSQL would fold them to lower case, so every bare
 *   word holding both cases is quoted. Keywords are written in capitals, other names in lower case.
 * - Results: timestamps (Prisma's `timestamp(3)`, UTC without a zone) as Dates in UTC, and
 *   bigint and numeric results (counts, sums) as numbers, as SQLite returns them.
 * - Writes: SQLite serialises write transactions with one lock; here each runs SERIALIZABLE, so
 *   read-then-write cannot race either, and one the server aborts as a serialization failure or
 *   deadlock is run again whole. `work` therefore has no effect outside its session.
 */

const MIXED_CASE_WORD = /'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\/|\$\d+|[A-Za-z_][A-Za-z0-9_]*/g;

/** The statement text with every bare mixed-case identifier quoted (strings, quoted names and comments untouched). */
export function quoteIdentifiers(text: string): string {
  return text.replace(MIXED_CASE_WORD, (token) =>
    /^[A-Za-z_]/.test(token) && /[a-z]/.test(token) && /[A-Z]/.test(token) ? `"${token}"` : token,
  );
}

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

/** Quoted text and a prepared-statement name per distinct rendered statement: each connection parses it once. */
const preparedByText = new Map<string, { name: string; text: string }>();

function prepared(text: string): { name: string; text: string } {
  let known = preparedByText.get(text);
  if (!known) preparedByText.set(text, (known = { name: `passage_${preparedByText.size + 1}`, text: quoteIdentifiers(text) }));
  return known;
}

class PostgresqlSession implements SqlSession {
  constructor(private readonly client: pg.Pool | pg.PoolClient) {}

  private async query(statement: Statement): Promise<pg.QueryResult> {
    const { text, params } = render(statement, 'postgresql');
    const { name, text: quoted } = prepared(text);
    return this.client.query({ name, text: quoted, values: params.map(toParam), types });
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
