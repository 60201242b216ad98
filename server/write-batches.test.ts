import { Mutex } from 'async-mutex';
import type Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql, type SqlDatabase, type SqlSession } from './sql';
import { openSqlite } from './sqlite';
import { sqliteDatabase } from './sqlite-sql';

let dir: string;
let sqlite: Database.Database;
let observer: Database.Database;
let db: SqlDatabase;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passage-batches-'));
  sqlite = openSqlite(path.join(dir, 'x.db'));
  sqlite.exec(`CREATE TABLE parent (id TEXT PRIMARY KEY);
    CREATE TABLE t (x TEXT NOT NULL UNIQUE, parent TEXT REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)`);
  observer = openSqlite(path.join(dir, 'x.db'));
  db = sqliteDatabase(sqlite, new Mutex());
});
afterEach(() => {
  observer.close();
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const insert = (tx: SqlSession, x: string, parent: string | null = null) => tx.run(sql`INSERT INTO t (x, parent) VALUES (${x}, ${parent})`);
const stored = () => (observer.prepare('SELECT x FROM t ORDER BY x').all() as { x: string }[]).map((r) => r.x);
const outcomes = (results: PromiseSettledResult<unknown>[]) => results.map((r) => (r.status === 'fulfilled' ? r.value : String(r.reason)));

describe('writes that arrive together (group commit)', () => {
  it('run in one transaction, each seeing the ones before it, and are heard only after their commit', async () => {
    const seen: unknown[] = [];
    const first = db.write(async (tx) => {
      await insert(tx, 'a');
      return 'a done';
    });
    const second = db.write(async (tx) => {
      seen.push(await tx.all(sql`SELECT x FROM t`), stored());
      await insert(tx, 'b');
      return 'b done';
    });
    expect(await Promise.all([first, second])).toEqual(['a done', 'b done']);
    // Inside the second write the first one's row was there, and no other connection saw it yet.
    expect(seen).toEqual([[{ x: 'a' }], []]);
    expect(stored()).toEqual(['a', 'b']);
  });

  it('gather writes that arrive one after another in the same turn of the event loop, as requests on separate sockets do', async () => {
    // Each immediate is its own task, with the microtask queue drained between them, like two
    // requests read from two sockets in one poll: the first write must not commit alone before the
    // next arrives. Immediates queued together run in one check phase, whatever the clock does
    // (timers set in one loop can straddle a millisecond and fire in separate turns).
    const seen = await new Promise<string[][]>((resolve, reject) => {
      const views: Promise<string[]>[] = [];
      for (const x of ['a', 'b', 'c', 'd'])
        setImmediate(() => {
          views.push(
            db.write(async (tx) => {
              await insert(tx, x);
              return stored();
            }),
          );
          if (views.length === 4) Promise.all(views).then(resolve, reject);
        });
    });
    // No other connection saw any of them before the last one ran: they shared one COMMIT.
    expect(seen).toEqual([[], [], [], []]);
    expect(stored()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('journal their savepoints in memory, not in a temporary file (a write syscall per changed page)', () => {
    expect(sqlite.pragma('temp_store', { simple: true })).toBe(2);
  });

  it('roll back a write that throws alone, keeping the others of its batch', async () => {
    const results = await Promise.allSettled([
      db.write((tx) => insert(tx, 'a')),
      db.write(async (tx) => {
        await insert(tx, 'half');
        throw new Error('the second write changed its mind');
      }),
      db.write((tx) => insert(tx, 'a')),
      db.write((tx) => insert(tx, 'c')),
    ]);
    expect(outcomes(results)).toEqual([
      1,
      'Error: the second write changed its mind',
      expect.stringMatching(/UNIQUE constraint failed/),
      1,
    ]);
    expect(stored()).toEqual(['a', 'c']);
  });

  it('fail every write of a batch whose COMMIT fails, and store none of them', async () => {
    const results = await Promise.allSettled([
      db.write((tx) => insert(tx, 'a')),
      db.write((tx) => insert(tx, 'orphan', 'no-such-parent')),
      db.write((tx) => insert(tx, 'c')),
    ]);
    expect(outcomes(results)).toEqual(Array(3).fill(expect.stringMatching(/FOREIGN KEY constraint failed/)));
    expect(stored()).toEqual([]);
    // The connection is usable afterwards.
    await db.write((tx) => insert(tx, 'after'));
    expect(stored()).toEqual(['after']);
  });

  it('a write on its own is one plain transaction, rolled back whole when it throws', async () => {
    await expect(
      db.write(async (tx) => {
        await insert(tx, 'x');
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(sqlite.inTransaction).toBe(false);
    expect(stored()).toEqual([]);
  });
});
