import 'server-only';
import type { Mutex } from 'async-mutex';
import type Database from 'better-sqlite3';
import { BUSY_TIMEOUT_MS } from './sqlite';
import { render, shapeOf, sqliteParams, type SqlDatabase, type SqlSession, type Statement } from './sql';

/** How many busy timeouts more a write transaction waits for another process's write lock before SQLITE_BUSY reaches anyone. */
export const BUSY_RETRIES = 4;

interface Compiled {
  shape: string;
  statement: Database.Statement;
}

/** Statements compiled once per connection and template (a template's strings are one object per call site). */
const compiledByConnection = new WeakMap<Database.Database, WeakMap<TemplateStringsArray, Compiled>>();

function compiled(sqlite: Database.Database, query: Statement): Database.Statement {
  let byTemplate = compiledByConnection.get(sqlite);
  if (!byTemplate) compiledByConnection.set(sqlite, (byTemplate = new WeakMap()));
  const shape = shapeOf(query.values);
  const known = byTemplate.get(query.strings);
  if (known?.shape === shape) return known.statement;
  const statement = sqlite.prepare(render(query, 'sqlite').text);
  // Integers come back as numbers (the connection's default is BigInt).
  if (statement.reader) statement.safeIntegers(false);
  byTemplate.set(query.strings, { shape, statement });
  return statement;
}

class SqliteSession implements SqlSession {
  constructor(private readonly sqlite: Database.Database) {}

  get<T>(query: Statement): Promise<T | undefined> {
    return Promise.resolve(compiled(this.sqlite, query).get(...sqliteParams(query.values)) as T | undefined);
  }

  all<T>(query: Statement): Promise<T[]> {
    return Promise.resolve(compiled(this.sqlite, query).all(...sqliteParams(query.values)) as T[]);
  }

  run(query: Statement): Promise<number> {
    return Promise.resolve(compiled(this.sqlite, query).run(...sqliteParams(query.values)).changes);
  }
}

export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface Begin {
  statement: Database.Statement;
  /** The connection's own busy timeout, restored once the transaction has begun. */
  busyTimeout: number;
}

const begins = new WeakMap<Database.Database, Begin>();

function beginOf(sqlite: Database.Database): Begin {
  let begin = begins.get(sqlite);
  if (!begin) {
    begin = { statement: sqlite.prepare('BEGIN IMMEDIATE'), busyTimeout: Number(sqlite.pragma('busy_timeout', { simple: true })) };
    begins.set(sqlite, begin);
  }
  return begin;
}

/**
 * Starts a transaction that holds SQLite's write lock from its first statement, so no other
 * process can write between its reads and its writes (a deferred BEGIN would fail at its first
 * write with SQLITE_BUSY_SNAPSHOT instead). While another process holds the lock it polls, up to
 * the busy timeout and a few more tries, instead of letting SQLite's busy handler wait: that
 * handler sleeps the whole thread, so every request of this process would stall with it.
 */
export async function beginImmediate(sqlite: Database.Database): Promise<void> {
  const begin = beginOf(sqlite);
  const deadline = Date.now() + BUSY_TIMEOUT_MS * (1 + BUSY_RETRIES);
  // A busy timeout is set when a PRAGMA is compiled, not when it runs: exec, never a prepared statement.
  sqlite.exec('PRAGMA busy_timeout = 0');
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        begin.statement.run();
        return;
      } catch (error) {
        if (!isBusy(error) || Date.now() >= deadline) throw error;
      }
      await sleep(Math.min(1 + attempt, 20) * (0.5 + Math.random()));
    }
  } finally {
    sqlite.exec(`PRAGMA busy_timeout = ${begin.busyTimeout}`);
  }
}

/**
 * SqlDatabase on one better-sqlite3 connection shared with Prisma. `lock` hands the connection to
 * one user at a time in this process; between processes, SQLite's own write lock (BEGIN IMMEDIATE)
 * keeps write transactions apart.
 */
export function sqliteDatabase(sqlite: Database.Database, lock: Mutex): SqlDatabase {
  const session = new SqliteSession(sqlite);
  const commit = sqlite.prepare('COMMIT');
  const rollback = sqlite.prepare('ROLLBACK');
  return {
    read: (work) => lock.runExclusive(() => work(session)),
    write: (work) =>
      lock.runExclusive(async () => {
        await beginImmediate(sqlite);
        try {
          const result = await work(session);
          commit.run();
          return result;
        } catch (error) {
          if (sqlite.inTransaction) rollback.run();
          throw error;
        }
      }),
  };
}
