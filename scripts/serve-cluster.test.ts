import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from './bench/lib/proc';
import { serveInCluster } from './serve-cluster.mjs';

const FIXTURE = path.join(import.meta.dirname, 'fixtures/pid-server.mjs');
const running: ReturnType<typeof serveInCluster>[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((c) => c.stop()));
});

function start(port: number, workers: number, mode?: string) {
  const lines: string[] = [];
  const serving = serveInCluster({
    exec: FIXTURE,
    args: mode ? [String(port), mode] : [String(port)],
    workers,
    restartMs: 50,
    log: (line) => lines.push(line),
  });
  running.push(serving);
  return { serving, lines };
}

/** The process that answers a request on a connection of its own. */
const pidOn = (port: number) =>
  new Promise<number>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, agent: false }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve(Number(body)));
      })
      .on('error', reject);
  });

/** The processes that answered 8 connections one after another (none while nothing listens). */
async function answering(port: number): Promise<number[]> {
  const pids = new Set<number>();
  try {
    for (let i = 0; i < 8; i++) pids.add(await pidOn(port));
  } catch {
    return [];
  }
  return [...pids].sort();
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('several processes on one port (npm start with PASSAGE_WORKERS)', () => {
  it('shares the port: connections go to every process in turn', async () => {
    const port = await freePort();
    const { serving } = start(port, 2);
    expect(serving.pids()).toHaveLength(2);
    await serving.ready;
    expect(await answering(port)).toEqual([...serving.pids()].sort());
  });

  it('starts another process in place of one that dies, and says so', async () => {
    const port = await freePort();
    const { serving, lines } = start(port, 2);
    const first = [...serving.pids()].sort();
    await expect.poll(() => answering(port), { timeout: 10_000 }).toEqual(first);
    process.kill(first[0]!, 'SIGKILL');
    await expect.poll(() => serving.pids().includes(first[0]!), { timeout: 10_000 }).toBe(false);
    await expect.poll(() => serving.pids().length, { timeout: 10_000 }).toBe(2);
    const now = [...serving.pids()].sort();
    expect(now).toContain(first[1]);
    await expect.poll(() => answering(port), { timeout: 10_000 }).toEqual(now);
    expect(lines).toEqual([`Passage process ${first[0]} exited (SIGKILL); starting another.`]);
  });

  it('stops them all when a process exits before it ever served, with that process’s code, instead of restarting it forever', async () => {
    const port = await freePort();
    const { serving, lines } = start(port, 2, 'fail');
    expect(await serving.ended).toEqual({ code: 2 });
    expect(serving.pids()).toEqual([]);
    expect(lines[0]).toBe('A Passage process exited (code 2) before it served; stopping the others.');
  });

  it('ends every process when stopped', async () => {
    const port = await freePort();
    const { serving } = start(port, 2);
    const pids = serving.pids();
    await expect.poll(() => answering(port), { timeout: 10_000 }).toEqual([...pids].sort());
    await serving.stop();
    expect(await serving.ended).toEqual({ code: 0 });
    expect(pids.filter(alive)).toEqual([]);
    await expect(pidOn(port)).rejects.toThrow(/ECONNREFUSED/);
  });
});
