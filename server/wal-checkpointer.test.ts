import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite } from './sqlite';
import { BACKSTOP_CHECKPOINT_PAGES, COMMIT_CHECKPOINT_PAGES, startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer';

const MB = 1024 * 1024;

describe('the WAL checkpointer', () => {
  let dir: string;
  let file: string;
  let sqlite: Database.Database;
  let checkpointer: WalCheckpointer | undefined;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passage-checkpointer-'));
    file = path.join(dir, 'passage.db');
    sqlite = openSqlite(file);
    sqlite.exec('CREATE TABLE page (id INTEGER PRIMARY KEY, body BLOB NOT NULL)');
  });

  afterEach(async () => {
    await checkpointer?.stop();
    checkpointer = undefined;
    sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const size = (name: string) => fs.statSync(name).size;
  /** Commits `mb` megabytes of new rows in one transaction (about 256 pages a megabyte). */
  const writeMegabytes = (mb: number) => {
    const insert = sqlite.prepare('INSERT INTO page (body) VALUES (?)');
    sqlite.transaction(() => {
      for (let i = 0; i < mb * 256; i++) insert.run(crypto.randomBytes(3000));
    })();
  };

  it('copies committed pages into the database file from its own thread, not in the COMMIT', async () => {
    checkpointer = startWalCheckpointer(sqlite, 20);
    const before = size(file);
    writeMegabytes(3);
    // The COMMIT itself left every page in the WAL...
    expect(size(file)).toBe(before);
    expect(size(`${file}-wal`)).toBeGreaterThan(3 * MB);
    // ...and the checkpointer's thread copies them into the file.
    await expect.poll(() => size(file), { timeout: 10_000 }).toBeGreaterThan(before + 3 * MB);
  });

  it('keeps the WAL from growing: once checkpointed, the next writes reuse it from its start', async () => {
    checkpointer = startWalCheckpointer(sqlite, 20);
    let expected = size(file) + 3 * MB;
    writeMegabytes(3);
    const walAfterFirst = size(`${file}-wal`);
    for (let round = 0; round < 3; round++) {
      await expect.poll(() => size(file), { timeout: 10_000 }).toBeGreaterThan(expected);
      writeMegabytes(3);
      expected += 3 * MB;
    }
    // Without checkpoints the WAL would hold all 12 MB.
    expect(size(`${file}-wal`)).toBeLessThan(walAfterFirst + MB);
  });

  it('leaves COMMITs a backstop while it runs, and gives checkpoints back to them when it stops', async () => {
    checkpointer = startWalCheckpointer(sqlite, 20);
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP_CHECKPOINT_PAGES);
    await checkpointer.stop();
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(COMMIT_CHECKPOINT_PAGES);
  });

  it('gives checkpoints back to COMMITs when its thread ends unasked (the file was moved away under the server)', async () => {
    fs.renameSync(file, path.join(dir, 'moved.db'));
    checkpointer = startWalCheckpointer(sqlite, 20);
    await checkpointer.stopped;
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(COMMIT_CHECKPOINT_PAGES);
  });
});
