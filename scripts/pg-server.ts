// A throwaway PostgreSQL server for tests: a fresh cluster in a temporary folder, listening on
// 127.0.0.1 on a free port with trust authentication, stopped and deleted by `stop()`, and also
// when the process exits or is interrupted, so a failing test leaves nothing running behind.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface PgServer {
  /** postgresql:// URL of the `postgres` database (as superuser `postgres`). */
  url: string;
  port: number;
  dir: string;
  /** Creates an empty database and returns its URL. */
  createDatabase: (name?: string) => Promise<string>;
  stop: () => Promise<void>;
}

export interface PgServerOptions {
  /**
   * fsync and full-page writes off by default: a test server that dies loses nothing worth
   * keeping, and it runs several times faster. Measurements of real throughput pass `true`.
   */
  durable?: boolean;
}

const INSTALL = 'apt-get update && apt-get install -y postgresql';

/** The newest installed PostgreSQL (15 or later) binaries folder, or a message saying how to get one. */
export function findPgBin(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PASSAGE_PG_BIN) return env.PASSAGE_PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => /^\d+$/.test(v) && Number(v) >= 15 && fs.existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error(
      `PostgreSQL 15 or later is not installed (no ${root}/*/bin/initdb). Install Debian's package as root:\n` +
        `  sudo sh -c '${INSTALL}'\nor set PASSAGE_PG_BIN to a folder holding initdb and pg_ctl.`,
    );
  }
  return path.join(root, versions[0]!, 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** initdb and pg_ctl refuse to run as root: as root, run them as the `postgres` user. */
function runner(): { command: (bin: string, args: string[]) => [string, string[]]; owner: { uid: number; gid: number } | null } {
  if (process.getuid?.() !== 0) return { command: (bin, args) => [bin, args], owner: null };
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { command: (bin, args) => ['runuser', ['-u', 'postgres', '--', bin, ...args]], owner: { uid, gid } };
}

function run(command: [string, string[]], what: string): void {
  const result = spawnSync(command[0], command[1], { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${what} failed (exit ${result.status ?? result.signal}):\n${result.stderr || result.stdout || result.error}`);
  }
}

export async function startPgServer(options: PgServerOptions = {}): Promise<PgServer> {
  const bin = findPgBin();
  const { command, owner } = runner();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passage-pg-'));
  if (owner) fs.chownSync(dir, owner.uid, owner.gid);
  const data = path.join(dir, 'data');
  const pgCtl = path.join(bin, 'pg_ctl');

  let stopped = false;
  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    if (fs.existsSync(path.join(data, 'postmaster.pid'))) {
      spawnSync(...command(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']), { stdio: 'ignore' });
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    stopNow();
    process.kill(process.pid, signal);
  };
  const unhook = () => {
    process.off('exit', stopNow);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  process.once('exit', stopNow);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    run(
      command(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']),
      'initdb',
    );
    const port = await freePort();
    const settings = [
      `-p ${port}`,
      `-k ${dir}`,
      "-c listen_addresses='127.0.0.1'",
      '-c max_connections=200',
      ...(options.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
    ];
    run(
      command(pgCtl, ['-D', data, '-l', path.join(dir, 'server.log'), '-o', settings.join(' '), '-w', '-t', '60', 'start']),
      'pg_ctl start',
    );
    const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
    let count = 0;
    return {
      url,
      port,
      dir,
      createDatabase: async (name = `passage_${process.pid}_${++count}`) => {
        if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          await client.query(`CREATE DATABASE "${name}"`);
        } finally {
          await client.end();
        }
        return `postgresql://postgres@127.0.0.1:${port}/${name}`;
      },
      stop: async () => {
        stopNow();
        unhook();
      },
    };
  } catch (error) {
    stopNow();
    unhook();
    throw error;
  }
}
