// Child processes for the benchmark: the servers (each in its own process group, so stopping
// one stops everything it started), free ports, readiness and CPU accounting.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { log, sleep } from './util';

export interface Service {
  name: string;
  url: string;
  child: ChildProcess;
  /** Stops the whole process group: SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /** CPU seconds used so far by every process of the group. */
  cpuSeconds(): number;
  output(): string;
}

const running = new Set<Service>();

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** Every live process whose process group is `pgid`: its /proc folder and the fields of its stat after the command name. */
function* groupProcesses(pgid: number): Generator<{ dir: string; fields: string[] }> {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    // Fields after the parenthesised command name: state(3) ppid(4) pgrp(5) ... utime(14) stime(15).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === pgid) yield { dir: `/proc/${entry}`, fields };
  }
}

/** utime + stime of every process whose process group is `pgid`, from /proc. */
export function groupCpuSeconds(pgid: number): number {
  let ticks = 0;
  for (const { fields } of groupProcesses(pgid)) ticks += Number(fields[11]) + Number(fields[12]);
  return ticks / TICKS_PER_SECOND;
}

/** The highest resident memory each process of the group has reached (VmHWM), summed, in MiB. */
export function groupPeakRssMiB(pgid: number): number {
  let kib = 0;
  for (const { dir } of groupProcesses(pgid)) {
    try {
      kib += Number(/^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync(`${dir}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // The process ended between the two reads.
    }
  }
  return kib / 1024;
}

/** Starts `command` detached (its own process group) and keeps the last 64 KiB of its output. */
export function startService(name: string, url: string, command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Service {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString('utf8')).slice(-65_536);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pgid = child.pid!;
  const service: Service = {
    name,
    url,
    child,
    output: () => out,
    cpuSeconds: () => groupCpuSeconds(pgid),
    async stop(graceMs = 10_000) {
      running.delete(service);
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-pgid, 'SIGTERM');
      } catch {
        return;
      }
      const done = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)]);
      if (!done) {
        try {
          process.kill(-pgid, 'SIGKILL');
        } catch {
          /* already gone */
        }
        await Promise.race([exited, sleep(2000)]);
      }
      // Whatever the group leader left behind (npx → node), by group id.
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {
        /* none left */
      }
    },
  };
  running.add(service);
  return service;
}

/** Polls `url` (GET) until it answers below 500, the process exits, or `timeoutMs` passes. */
export async function waitUntilUp(service: Service, path = '/', timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) throw new Error(`${service.name} exited (${service.child.exitCode}) before answering:\n${service.output().slice(-4000)}`);
    try {
      const response = await fetch(service.url + path, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.status < 500) return;
    } catch {
      /* not yet */
    }
    await sleep(250);
  }
  throw new Error(`${service.name} did not answer ${service.url}${path} within ${timeoutMs / 1000} s:\n${service.output().slice(-4000)}`);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((s) => s.stop(5000)));
}

/** Runs a command to completion with inherited output, bounded in time; throws on failure. */
export function runStep(what: string, command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {}): void {
  log(`${what}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: 'inherit', timeout: options.timeoutMs ?? 600_000, killSignal: 'SIGKILL' });
  if (result.error) throw new Error(`${what} failed: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status ?? result.signal})`);
}

export function machineInfo() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

/** CPU seconds the whole machine has spent busy (all cores), from /proc/stat. */
export function systemBusySeconds(): number {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
  return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) / TICKS_PER_SECOND;
}

/**
 * Waits until `services` are idle (a run that ends leaves requests queued in the server; the
 * next run must not inherit them) and, for at most `quietMs`, until the rest of the machine is
 * too. Returns the other processes' CPU use (cores) in the last sample.
 */
export async function settle(services: Service[], options: { idleMs?: number; quietMs?: number } = {}): Promise<{ waitedMs: number; otherCores: number }> {
  const started = Date.now();
  const ours = () => services.reduce((sum, s) => sum + s.cpuSeconds(), 0);
  const sample = async (ms: number) => {
    const o0 = ours();
    const s0 = systemBusySeconds();
    const c0 = process.cpuUsage();
    await sleep(ms);
    const c = process.cpuUsage(c0);
    const servers = ours() - o0;
    const others = systemBusySeconds() - s0 - servers - (c.user + c.system) / 1e6;
    return { servers: servers / (ms / 1000), others: Math.max(0, others / (ms / 1000)) };
  };
  let last = await sample(300);
  const idleDeadline = started + (options.idleMs ?? 60_000);
  while (last.servers > 0.1 && Date.now() < idleDeadline) last = await sample(300);
  const quietDeadline = Date.now() + (options.quietMs ?? 0);
  while (last.others > 0.3 && Date.now() < quietDeadline) last = await sample(500);
  return { waitedMs: Date.now() - started, otherCores: last.others };
}
