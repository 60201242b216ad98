import 'server-only';
import fs from 'node:fs';
import path from 'node:path';

// One file per server process (`<database>.server-pids/<pid>`): several processes can serve one
// database, and one exiting must not hide the others from runningServerPid.
const pidDir = (database: string) => `${database}.server-pids`;

/** Records that a server process uses this database, until it exits. */
export function recordServerPid(database: string, pid = process.pid): void {
  fs.mkdirSync(pidDir(database), { recursive: true });
  const file = path.join(pidDir(database), String(pid));
  fs.writeFileSync(file, String(pid));
  process.once('exit', () => fs.rmSync(file, { force: true }));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of a live server on this database, or null (stale files from killed servers are ignored). */
export function runningServerPid(database: string): number | null {
  let names: string[];
  try {
    names = fs.readdirSync(pidDir(database));
  } catch {
    return null;
  }
  for (const name of names) {
    const pid = Number(name);
    if (Number.isInteger(pid) && pid > 0 && alive(pid)) return pid;
  }
  return null;
}
