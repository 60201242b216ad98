import 'server-only';
import fs from 'node:fs';

const pidFile = (database: string) => `${database}.server-pid`;

/** Records that a server process uses this database, until it exits. */
export function recordServerPid(database: string): void {
  fs.writeFileSync(pidFile(database), String(process.pid));
  const clear = () => {
    try {
      if (fs.readFileSync(pidFile(database), 'utf8') === String(process.pid)) fs.rmSync(pidFile(database));
    } catch {
      // already gone
    }
  };
  process.once('exit', clear);
}

/** The pid of a live server on this database, or null (a stale file from a killed server is ignored). */
export function runningServerPid(database: string): number | null {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(pidFile(database), 'utf8'));
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}
