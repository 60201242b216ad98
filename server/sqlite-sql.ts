import 'server-only';
import type { Mutex } from 'async-mutex';
import type Database from 'better-sqlite3';
import { render, shapeOf, sqliteParams, type SqlDatabase, type SqlSession, type Statement } from './sql';

/** How many more times a write transaction tries to start when another process holds the write lock past the busy timeout. */
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

const beginStatements = new WeakMap<Database.Database, Database.Statement>();

/**
 * Starts a transaction that holds SQLite's write lock from its first statement, so no other
 * process can write between its reads and its writes (a deferred BEGIN would fail at its first
 * write with SQLITE_BUSY_SNAPSHOT instead). Waits for another process's write lock up to the busy
 * timeout, then tries again a bounded number of times before the error reaches anyone.
 */
export async function beginImmediate(sqlite: Database.Database): Promise<void> {
  let begin = beginStatements.get(sqlite);
  if (!begin) beginStatements.set(sqlite, (begin = sqlite.prepare('BEGIN IMMEDIATE')));
  for (let attempt = 0; ; attempt++) {
    try {
      begin.run();
      return;
    } catch (error) {
      if (!isBusy(error) || attempt >= BUSY_RETRIES) throw error;
      await sleep(10 + Math.random() * 40 * (attempt + 1));
    }
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
