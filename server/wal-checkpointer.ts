import 'server-only';
import type Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';

/** SQLite's own default: how many WAL pages a COMMIT lets pile up before it checkpoints them itself. */
export const COMMIT_CHECKPOINT_PAGES = 1000;
/**
 * While the checkpointer runs, a COMMIT checkpoints only if the WAL has grown this far (40 MB of
 * 4 kB pages): the checkpointer fell far behind, and the server's thread must bound the WAL itself.
 */
export const BACKSTOP_CHECKPOINT_PAGES = 10_000;
export const CHECKPOINT_INTERVAL_MS = 100;

export interface WalCheckpointer {
  /** Ends the thread; the connection checkpoints in its COMMITs again. */
  stop(): Promise<void>;
  /** Settles when the thread has ended, asked to or not. */
  stopped: Promise<void>;
}

/**
 * Checkpoints the WAL of `sqlite`'s database from a thread of its own. A checkpoint copies the
 * pages of past commits into the database file and syncs it. Done by the COMMIT that passes SQLite's
 * threshold, it ran on the server's one thread: under the answers bench a batch's COMMIT averaged
 * 2.3 ms with checkpoints in it and 0.74 ms with this thread running. If the thread ends unasked
 * (it failed to open the file, or died), the connection takes checkpoints back into its COMMITs,
 * so the WAL stays bounded.
 */
export function startWalCheckpointer(sqlite: Database.Database, intervalMs = CHECKPOINT_INTERVAL_MS): WalCheckpointer {
  const worker = new Worker(new URL('./wal-checkpointer-worker.mjs', import.meta.url), {
    workerData: { file: sqlite.name, intervalMs },
  });
  worker.unref();
  sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`);
  let asked = false;
  const stopped = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('error', (error) => {
    if (!asked) console.error('The WAL checkpointer stopped; commits checkpoint the WAL again:', error);
  });
  void stopped.then(() => {
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${COMMIT_CHECKPOINT_PAGES}`);
  });
  return {
    stopped,
    stop: async () => {
      asked = true;
      worker.postMessage('stop');
      await stopped;
    },
  };
}
