import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openSqlite } from './sqlite';
import { startCheckpointer, type Checkpointer } from './sqlite-checkpointer';

let dir: string;
let checkpointer: Checkpointer | undefined;
afterEach(async () => {
  await checkpointer?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the SQLite checkpointer', () => {
  it('copies the WAL into the database from its own thread while the writer never checkpoints', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passage-checkpoint-'));
    const file = path.join(dir, 'x.db');
    const db = openSqlite(file);
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (x TEXT)');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    for (let i = 0; i < 500; i++) insert.run('x'.repeat(4000));
    const walPages = () => fs.statSync(`${file}-wal`).size / 4096;
    expect(walPages()).toBeGreaterThan(500);

    checkpointer = startCheckpointer(file, 20);
    await vi.waitFor(() => expect(checkpointer!.stats.lastCheckpointed).toBeGreaterThan(500), { timeout: 10_000 });

    // Everything is in the database file: a copy of it alone, without its WAL, has every row.
    const copy = path.join(dir, 'copy.db');
    fs.copyFileSync(file, copy);
    const fromCopy = openSqlite(copy);
    expect(fromCopy.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 500 });
    fromCopy.close();
    // The WAL starts over from its beginning at the next write instead of growing.
    const before = fs.statSync(`${file}-wal`).size;
    insert.run('y');
    expect(fs.statSync(`${file}-wal`).size).toBe(before);
    db.close();
  });

  it('stops when asked, closing its connection', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passage-checkpoint-'));
    const file = path.join(dir, 'x.db');
    openSqlite(file).close();
    const started = startCheckpointer(file, 20);
    await started.stop();
    // With no connection left open, SQLite removes the WAL when the last one closes.
    const last = openSqlite(file);
    last.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });
});
