// The WAL checkpointer's thread (server/wal-checkpointer.ts): its own connection to the database
// file copies committed pages from the WAL into the file every `intervalMs`, so the server's thread
// never does it inside a COMMIT. PASSIVE never waits: pages a reader still needs wait for the next round.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { file, intervalMs } = workerData;
const db = new Database(file, { fileMustExist: true, timeout: 0 });
// Checkpoints sync the database file as the server's own connection would (synchronous=NORMAL).
db.pragma('synchronous = NORMAL');
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');

function round() {
  try {
    checkpoint.get();
  } catch (error) {
    // Another process's checkpointer holds the checkpoint lock: this round is theirs.
    if (!String(error?.code).startsWith('SQLITE_BUSY')) throw error;
  }
}

const timer = setInterval(round, intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
