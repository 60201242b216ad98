import 'server-only';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * A WAL only shrinks back when its pages are copied into the database file (a checkpoint). SQLite
 * does that in the COMMIT that crosses `wal_autocheckpoint` pages, on the thread that committed:
 * here the one thread that serves every request, which then copies and fsyncs while requests wait.
 * The server's connection leaves that to this thread instead, with its own connection: PASSIVE
 * checkpoints never wait for, or hold up, a reader or a writer of any process.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.betterSqlite3);
const db = new Database(workerData.file, { timeout: 0 });
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const timer = setInterval(() => {
  try {
    const { log, checkpointed } = checkpoint.get();
    if (log > 0) parentPort.postMessage({ log, checkpointed });
  } catch (error) {
    // Another process's checkpoint is running; the next tick tries again.
    if (!String(error.code).startsWith('SQLITE_BUSY')) parentPort.postMessage({ error: String(error.message) });
  }
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/** How often the checkpointer looks for WAL pages to copy back. */
const INTERVAL_MS = 200;

/**
 * If the checkpointer stops, the server's own connection still checkpoints past this many pages
 * (40 MB at 4 KiB pages), so the WAL cannot grow without bound.
 */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;

export interface CheckpointStats {
  /** Checkpoints that found pages in the WAL. */
  runs: number;
  /** WAL pages copied into the database by the last of them. */
  lastCheckpointed: number;
}

export interface Checkpointer {
  stats: CheckpointStats;
  stop(): Promise<void>;
}

export function startCheckpointer(file: string, intervalMs = INTERVAL_MS): Checkpointer {
  // Resolved from the app's root, where the server runs: a worker evaluates plain Node code, outside the bundle.
  const betterSqlite3 = createRequire(path.join(process.cwd(), 'package.json')).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, intervalMs, betterSqlite3 } });
  worker.unref();
  const stats: CheckpointStats = { runs: 0, lastCheckpointed: 0 };
  worker.on('message', (message: { log: number; checkpointed: number } | { error: string }) => {
    if ('error' in message) console.warn(`The SQLite checkpointer could not checkpoint ${file}: ${message.error}`);
    else {
      stats.runs++;
      stats.lastCheckpointed = message.checkpointed;
    }
  });
  worker.on('error', (error) =>
    console.warn(`The SQLite checkpointer stopped: ${error.message}; the server's connection checkpoints instead.`),
  );
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    stats,
    stop: async () => {
      worker.postMessage('stop');
      await exited;
    },
  };
}
