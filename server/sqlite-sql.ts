import 'server-only';
import type { Mutex } from 'async-mutex';
import type Database from 'better-sqlite3';
import { batchedWrites } from './sqlite-write-batches';
import { render, shapeOf, sqliteParams, type SqlDatabase, type SqlSession, type Statement } from './sql';

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

/**
 * SqlDatabase on one better-sqlite3 connection shared with Prisma. `lock` hands the connection to
 * one user at a time in this process; between processes, SQLite's own write lock (BEGIN IMMEDIATE)
 * keeps write transactions apart.
 */
export function sqliteDatabase(sqlite: Database.Database, lock: Mutex): SqlDatabase {
  const session = new SqliteSession(sqlite);
  return {
    read: (work) => lock.runExclusive(() => work(session)),
    write: batchedWrites(sqlite, lock, session),
  };
}
