import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb, inWriteTransaction } from './db';
import { sql } from './sql';
import { beginImmediate, isBusy } from './sqlite-begin';
import { useTemporaryDatabase } from './test-database';

let file: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ file, cleanup } = await useTemporaryDatabase('sqlite'));
});
afterEach(() => cleanup());

const insertLearner = (id: string, at = new Date()) => sql`INSERT INTO Learner (id, createdAt, updatedAt) VALUES (${id}, ${at}, ${at})`;
const RAW_INSERT =
  "INSERT INTO Learner (id, createdAt, updatedAt) VALUES (?, '2026-01-01T00:00:00.000+00:00', '2026-01-01T00:00:00.000+00:00')";

/** Another process that takes the database's write lock, says so, and holds it for `ms`. */
async function otherProcessHoldingWriteLock(ms: number) {
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const db = new (require('better-sqlite3'))(process.argv[1]);
       db.prepare('BEGIN IMMEDIATE').run();
       db.prepare(${JSON.stringify(RAW_INSERT)}).run('from-the-other-process');
       console.log('locked');
       setTimeout(() => { db.prepare('COMMIT').run(); db.close(); }, ${ms});`,
      file,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await once(child.stdout!, 'data');
  return { exited: once(child, 'exit') };
}

describe('several processes on one SQLite file', () => {
  it('a Prisma transaction holds the write lock from BEGIN, so no other process writes between its read and its write', async () => {
    const db = await getDb();
    const other = new Database(file, { timeout: 0 });
    let otherWrite: unknown = null;
    await db.$transaction(async (tx) => {
      await tx.learner.count();
      try {
        other.prepare(RAW_INSERT).run('slipped-in');
      } catch (error) {
        otherWrite = error;
      }
      await tx.learner.create({ data: { id: 'after-the-read' } });
    });
    other.close();
    expect(isBusy(otherWrite)).toBe(true);
    expect((await db.learner.findMany({ select: { id: true } })).map((l) => l.id)).toEqual(['after-the-read']);
  });

  it('waits for another process’s write lock instead of failing: raw and Prisma transactions both land', async () => {
    const db = await getDb();
    const { exited } = await otherProcessHoldingWriteLock(300);
    await Promise.all([
      inWriteTransaction((tx) => tx.run(insertLearner('raw'))),
      db.$transaction(async (tx) => tx.learner.create({ data: { id: 'prisma' } })),
    ]);
    await exited;
    expect((await db.learner.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((l) => l.id)).toEqual([
      'from-the-other-process',
      'prisma',
      'raw',
    ]);
  });

  it('waits for another process’s write lock without stalling its own process (SQLite’s busy handler sleeps the thread)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passage-busy-'));
    // A busy timeout longer than the test's own: had SQLite's busy handler done the waiting, the
    // holder below (released by a timer, which needs this thread) could not let go in time.
    const patient = new Database(path.join(dir, 'x.db'), { timeout: 60_000 });
    patient.pragma('journal_mode = WAL');
    patient.exec('CREATE TABLE t (x)');
    const holder = new Database(path.join(dir, 'x.db'));
    holder.prepare('BEGIN IMMEDIATE').run();
    holder.prepare('INSERT INTO t VALUES (1)').run();
    const waiting = beginImmediate(patient);
    setTimeout(() => holder.prepare('COMMIT').run(), 20);
    await waiting;
    patient.prepare('INSERT INTO t VALUES (2)').run();
    patient.prepare('COMMIT').run();
    expect(patient.prepare('SELECT x FROM t ORDER BY x').all()).toEqual([{ x: 1 }, { x: 2 }]);
    expect(patient.pragma('busy_timeout', { simple: true })).toBe(60_000);
    holder.close();
    patient.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('tries BEGIN IMMEDIATE again when the write lock is still held after the busy timeout', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passage-busy-'));
    const impatient = new Database(path.join(dir, 'x.db'), { timeout: 0 });
    impatient.pragma('journal_mode = WAL');
    impatient.exec('CREATE TABLE t (x)');
    const holder = new Database(path.join(dir, 'x.db'));
    holder.prepare('BEGIN IMMEDIATE').run();
    setTimeout(() => holder.prepare('COMMIT').run(), 30);
    await beginImmediate(impatient);
    impatient.prepare('INSERT INTO t VALUES (1)').run();
    impatient.prepare('COMMIT').run();
    expect(impatient.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1 });
    holder.close();
    impatient.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
