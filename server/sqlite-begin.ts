import 'server-only';
import { setTimeout as sleep } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { BUSY_TIMEOUT_MS } from './sqlite';

/** How many busy timeouts more a write transaction waits for another process's write lock before SQLITE_BUSY reaches anyone. */
export const BUSY_RETRIES = 4;

export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

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
