import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recordServerPid, runningServerPid } from './server-pid';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passage-pids-'));
afterEach(() => fs.rmSync(path.join(dir, 'p.db.server-pids'), { recursive: true, force: true }));

describe('server pids', () => {
  it('sees a server running while any of several processes on the database lives', async () => {
    const database = path.join(dir, 'p.db');
    expect(runningServerPid(database)).toBeNull();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    await once(other, 'spawn');
    recordServerPid(database, other.pid!);
    recordServerPid(database, 999_999_999);
    expect(runningServerPid(database)).toBe(other.pid);
    other.kill('SIGKILL');
    await once(other, 'exit');
    expect(runningServerPid(database)).toBeNull();
    recordServerPid(database);
    expect(runningServerPid(database)).toBe(process.pid);
  });
});
