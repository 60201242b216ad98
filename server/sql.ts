import 'server-only';
import type Database from 'better-sqlite3';

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A statement compiled once per connection and reused: the hot paths' way around compiling and
 * preparing SQL on every call. Integers come back as numbers (the connection's default is BigInt).
 */
export function prepared(sqlite: Database.Database, sql: string): Database.Statement {
  let byText = statements.get(sqlite);
  if (!byText) statements.set(sqlite, (byText = new Map()));
  let statement = byText.get(sql);
  if (!statement) {
    statement = sqlite.prepare(sql);
    if (statement.reader) statement.safeIntegers(false);
    byText.set(sql, statement);
  }
  return statement;
}

/** A DateTime as Prisma stores it in SQLite (ISO 8601 with an explicit offset). */
export const sqlDate = (date: Date): string => date.toISOString().replace('Z', '+00:00');

export function sqlDateOrNull(date: Date | null | undefined): string | null {
  return date ? sqlDate(date) : null;
}

export function dateFromSql(value: string): Date {
  return new Date(value);
}

export function dateOrNullFromSql(value: string | null): Date | null {
  return value === null ? null : new Date(value);
}
