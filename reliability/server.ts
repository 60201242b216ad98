// A production Passage server (`next start`) on a temporary database, for the reliability tests.
// It runs in its own process group, so a kill reaches npx and the Next process it starts.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { registerCleanup } from './cleanup';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUTPUT_KEPT = 64 * 1024;

export interface TestServer {
  readonly url: string;
  readonly port: number;
  /** The process group id of the running server (npx's pid), or null while it is down. */
  pgid(): number | null;
  /** Sends `signal` to the whole process group and waits (≤ 15 s) until it has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Stops the server if it runs (SIGTERM, then SIGKILL), starts it again on the same port, waits until it answers. */
  restart(): Promise<void>;
  /** SIGTERM, then SIGKILL after a grace period; safe to call twice. */
  stop(): Promise<void>;
  /** The last 64 KiB of the server's stdout and stderr, over every start. */
  output(): string;
  /** How many times the server was started. */
  starts(): number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

// Every group still running when the test process exits (or is interrupted) is killed, even if
// afterAll never ran.
const liveGroups = new Set<number>();
registerCleanup(() => {
  for (const pgid of liveGroups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
});

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    /* the group is gone */
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface StartOptions {
  /** Absolute path of the SQLite file (already migrated and loaded)… */
  databaseFile?: string;
  /** …or the DATABASE_URL of a PostgreSQL database. */
  databaseUrl?: string;
  env?: NodeJS.ProcessEnv;
  readyTimeoutMs?: number;
}

/** Starts `npx next start -p <free port> -H 127.0.0.1` on `databaseFile` and waits until GET / answers. */
export async function startServer(options: StartOptions): Promise<TestServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    DATABASE_URL: options.databaseUrl ?? `file:${options.databaseFile}`,
    PASSAGE_FSRS_FUZZ: 'off',
    NODE_ENV: 'production',
  };
  // Vitest marks its own process; the server must not believe it runs under a test.
  delete env.VITEST;
  delete env.VITEST_POOL_ID;
  delete env.VITEST_WORKER_ID;
  const readyTimeoutMs = options.readyTimeoutMs ?? 90_000;
  let out = '';
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  let starts = 0;

  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString('utf8')).slice(-OUTPUT_KEPT);
  };

  const spawnOnce = () => {
    starts++;
    const proc = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
      cwd: ROOT,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
    exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    child = proc;
    if (proc.pid) liveGroups.add(proc.pid);
  };

  const waitUntilUp = async () => {
    const deadline = Date.now() + readyTimeoutMs;
    while (Date.now() < deadline) {
      const proc = child;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) {
        throw new Error(`the server exited before answering:\n${out.slice(-4000)}`);
      }
      try {
        const response = await fetch(`${url}/`, { signal: AbortSignal.timeout(10_000) });
        await response.arrayBuffer();
        if (response.status < 500) return;
      } catch {
        /* not listening yet */
      }
      await sleep(150);
    }
    throw new Error(`the server did not answer ${url}/ within ${readyTimeoutMs / 1000} s:\n${out.slice(-4000)}`);
  };

  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    const proc = child;
    if (!proc?.pid) return;
    const pgid = proc.pid;
    killGroup(pgid, signal);
    await Promise.race([exited, sleep(15_000)]);
    // npx may exit before the Next process it started: wait (bounded) for the whole group.
    for (let i = 0; i < 100 && groupAlive(pgid); i++) {
      if (signal === 'SIGKILL' || i === 60) killGroup(pgid, 'SIGKILL');
      await sleep(50);
    }
    if (groupAlive(pgid)) killGroup(pgid, 'SIGKILL');
    liveGroups.delete(pgid);
    child = null;
  };

  const stop = async () => {
    const proc = child;
    if (!proc?.pid) return;
    if (proc.exitCode === null && proc.signalCode === null) {
      killGroup(proc.pid, 'SIGTERM');
      const done = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
      if (!done) killGroup(proc.pid, 'SIGKILL');
    }
    await kill('SIGKILL');
  };

  spawnOnce();
  try {
    await waitUntilUp();
  } catch (error) {
    await kill('SIGKILL');
    throw error;
  }

  return {
    url,
    port,
    pgid: () => child?.pid ?? null,
    kill,
    stop,
    async restart() {
      await stop();
      spawnOnce();
      await waitUntilUp();
    },
    output: () => out,
    starts: () => starts,
  };
}
