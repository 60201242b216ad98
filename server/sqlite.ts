import 'server-only';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

/** How long a writer waits for another to finish before SQLite reports SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Settings every connection needs. WAL lets readers and the writer work at once (measured:
 * roughly twice the write throughput of the rollback journal here); synchronous=NORMAL is
 * durable across process crashes in WAL mode.
 */
export function applyConnectionPragmas(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  // Group commit gives each write a savepoint, and a savepoint journals the pages it changes: in
  // memory rather than in a temporary file, that is ~35 µs less system time per answer (measured).
  db.pragma('temp_store = MEMORY');
  // Deleted rows (a learner's "Delete my data", purged learners) are overwritten with zeros in
  // the file, not just unlinked from the b-tree.
  db.pragma('secure_delete = ON');
}

/** Opens (creating its folder if needed) a better-sqlite3 connection with Passage's pragmas. */
export function openSqlite(file: string): Database.Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  applyConnectionPragmas(db);
  return db;
}
