import 'server-only';
import type { Mutex } from 'async-mutex';
import type Database from 'better-sqlite3';
import type { SqlSession } from './sql';
import { beginImmediate } from './sqlite-begin';

type Work = (tx: SqlSession) => Promise<unknown>;
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

interface Queued {
  work: Work;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** The most writes one transaction carries: the first of them waits for all to run before its commit. */
const MAX_BATCH = 32;

/**
 * Group commit. Writes that arrive while another is running wait anyway (one writer at a time);
 * when the connection is free, the waiting ones run one after another in one transaction, each in
 * its own savepoint, and one COMMIT makes them durable together. A write that throws is rolled
 * back to its savepoint alone; a failed COMMIT fails every write of the batch. Nobody hears
 * "done" before the COMMIT that stored their write, so an acknowledged write is never lost.
 */
export function batchedWrites(sqlite: Database.Database, lock: Mutex, session: SqlSession) {
  const savepoint = sqlite.prepare('SAVEPOINT one_write');
  const release = sqlite.prepare('RELEASE one_write');
  const rollbackTo = sqlite.prepare('ROLLBACK TO one_write');
  const commit = sqlite.prepare('COMMIT');
  const rollback = sqlite.prepare('ROLLBACK');
  const queue: Queued[] = [];

  const schedule = () => void lock.runExclusive(runBatch);

  async function runBatch(): Promise<void> {
    const batch = queue.splice(0, MAX_BATCH);
    if (queue.length > 0) schedule();
    if (batch.length === 0) return;
    try {
      await beginImmediate(sqlite);
    } catch (error) {
      for (const q of batch) q.reject(error);
      return;
    }
    const alone = batch.length === 1;
    let outcomes: Outcome[] = [];
    for (const [i, q] of batch.entries()) {
      if (!alone) savepoint.run();
      try {
        const value = await q.work(session);
        if (!alone) release.run();
        outcomes.push({ ok: true, value });
      } catch (error) {
        if (!sqlite.inTransaction) {
          // SQLite rolled the whole transaction back (an I/O error, a full disk): the writes
          // before this one are lost with it, and the ones after it start afresh.
          outcomes = [...outcomes.map(() => ({ ok: false as const, error })), { ok: false, error }];
          queue.unshift(...batch.slice(i + 1));
          if (queue.length > 0) schedule();
          break;
        }
        if (alone) rollback.run();
        else {
          rollbackTo.run();
          release.run();
        }
        outcomes.push({ ok: false, error });
      }
    }
    if (sqlite.inTransaction) {
      try {
        commit.run();
      } catch (error) {
        if (sqlite.inTransaction) rollback.run();
        outcomes = outcomes.map(() => ({ ok: false, error }));
      }
    }
    outcomes.forEach((outcome, i) => (outcome.ok ? batch[i]!.resolve(outcome.value) : batch[i]!.reject(outcome.error)));
  }

  return <T>(work: (tx: SqlSession) => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (queue.length === 1) schedule();
    });
}
