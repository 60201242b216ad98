import 'server-only';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SqlSession } from './sql';

/** One open write transaction, as a database's seam provides it to the batches below. */
export interface WriteTransaction {
  session: SqlSession;
  savepoint(): Promise<void>;
  release(): Promise<void>;
  rollbackToSavepoint(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  /** False once the database ended the transaction itself (SQLite does on an I/O error or a full disk). */
  isOpen(): boolean;
  /** Gives the connection back; `broken` when it must not be used again. */
  close(broken?: Error): void;
}

export interface WriteBatchDriver {
  /** Runs one batch at a time in this process. */
  exclusive(run: () => Promise<void>): Promise<void>;
  begin(): Promise<WriteTransaction>;
  /** A failure that ends the whole transaction but may pass if it is run again (a serialization failure, a deadlock). */
  retryable(error: unknown): boolean;
  retries: number;
}

type Work = (tx: SqlSession) => Promise<unknown>;
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

interface Queued {
  work: Work;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** The most writes one transaction carries: the first of them waits for all to run before its commit. */
const MAX_BATCH = 32;

const failed = (error: unknown): Outcome => ({ ok: false, error });

/**
 * Group commit. Writes that arrive while another is running wait anyway (one writer at a time);
 * when it is their turn, the waiting ones run one after another in one transaction, each in its
 * own savepoint, and one COMMIT makes them durable together. A write that throws is rolled back
 * to its savepoint alone; a failed COMMIT fails every write of the batch; a batch the database
 * aborted as a whole (a serialization failure) is run again whole. Nobody hears "done" before the
 * COMMIT that stored their write, so an acknowledged write is never lost.
 */
export function batchedWrites(driver: WriteBatchDriver) {
  const queue: Queued[] = [];
  const schedule = () => void driver.exclusive(runBatch);

  /** Runs a batch once: its outcomes, or `retry` when the database aborted it whole. */
  async function runOnce(batch: Queued[]): Promise<{ outcomes: Outcome[] } | { retry: unknown }> {
    let tx: WriteTransaction;
    try {
      tx = await driver.begin();
    } catch (error) {
      return driver.retryable(error) ? { retry: error } : { outcomes: batch.map(() => failed(error)) };
    }
    let broken: Error | undefined;
    try {
      const alone = batch.length === 1;
      let gone = false;
      let outcomes: Outcome[] = [];
      for (const [i, q] of batch.entries()) {
        try {
          if (!alone) await tx.savepoint();
          const value = await q.work(tx.session);
          if (!alone) await tx.release();
          outcomes.push({ ok: true, value });
        } catch (error) {
          if (driver.retryable(error)) {
            await tx.rollback().catch((e: Error) => (broken = e));
            return { retry: error };
          }
          try {
            if (!tx.isOpen()) throw error;
            if (alone) await tx.rollback();
            else {
              await tx.rollbackToSavepoint();
              await tx.release();
            }
            outcomes.push(failed(error));
          } catch (lost) {
            // The transaction is gone (an I/O error, a full disk, a dropped connection): the
            // writes before this one are lost with it, and the ones after it start afresh.
            if (lost !== error) broken = lost as Error;
            gone = true;
            outcomes = [...outcomes.map(() => failed(error)), failed(error)];
            queue.unshift(...batch.slice(i + 1));
            schedule();
            break;
          }
        }
      }
      if (!gone && tx.isOpen()) {
        try {
          await tx.commit();
        } catch (error) {
          if (tx.isOpen()) await tx.rollback().catch((e: Error) => (broken = e));
          if (driver.retryable(error)) return { retry: error };
          outcomes = outcomes.map(() => failed(error));
        }
      }
      return { outcomes };
    } finally {
      tx.close(broken);
    }
  }

  async function runBatch(): Promise<void> {
    const batch = queue.splice(0, MAX_BATCH);
    if (queue.length > 0) schedule();
    if (batch.length === 0) return;
    for (let attempt = 0; ; attempt++) {
      const result = await runOnce(batch);
      if ('outcomes' in result) {
        result.outcomes.forEach((outcome, i) => (outcome.ok ? batch[i]!.resolve(outcome.value) : batch[i]!.reject(outcome.error)));
        return;
      }
      if (attempt >= driver.retries) {
        for (const q of batch) q.reject(result.retry);
        return;
      }
      await sleep(Math.random() * 10 * 2 ** Math.min(attempt, 6));
    }
  }

  return <T>(work: (tx: SqlSession) => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      // Requests arrive one per task (a socket's read), each finishing its SQLite work before the
      // next is read: a batch started at once would always hold one write. Starting it after the
      // poll phase lets the writes of every request read in this turn share its COMMIT.
      if (queue.length === 1) setImmediate(schedule);
    });
}
