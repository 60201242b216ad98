// `npm start` after the build and db:prepare: serves Passage with PASSAGE_WORKERS `next start`
// processes. One process: `next start` itself, as before. Several: each on a loopback port
// (the public port + 1, + 2, …) behind scripts/balancer.mjs on the public port; a process that
// dies is started again. Flags after `npm start --` are -p/--port and -H/--hostname.
import { spawn } from 'node:child_process';
import os from 'node:os';
import { z } from 'zod';
import { startBalancer, trustOneMoreHop } from './balancer.mjs';
import { serverNodeFlags } from './server-node-flags.mjs';

const workersSchema = z
  .string()
  .trim()
  .regex(/^(\d+|auto)$/, { error: 'must be a whole number of processes or "auto"' })
  .transform((v) => (v === 'auto' ? os.availableParallelism() : Number(v)))
  .pipe(z.number().int().min(1, { error: 'must be at least 1' }).max(64, { error: 'must be at most 64' }));

const portSchema = z.coerce.number().int().min(1).max(65_535);

function fail(message) {
  console.error(message);
  process.exit(2);
}

function options(argv, env) {
  const args = [...argv];
  let port = env.PORT ?? '3000';
  let hostname;
  while (args.length) {
    const flag = args.shift();
    const value = args.shift();
    if (value === undefined) fail(`${flag}: needs a value`);
    if (flag === '-p' || flag === '--port') port = value;
    else if (flag === '-H' || flag === '--hostname') hostname = value;
    else fail(`${flag}: unknown flag (npm start accepts -p/--port and -H/--hostname)`);
  }
  const parsedPort = portSchema.safeParse(port);
  if (!parsedPort.success) fail(`port: "${port}" is not a port number`);
  const workers = workersSchema.safeParse(env.PASSAGE_WORKERS?.trim() || DEFAULT_WORKERS);
  if (!workers.success) fail(`PASSAGE_WORKERS: "${env.PASSAGE_WORKERS}" ${workers.error.issues[0].message}`);
  return { port: parsedPort.data, hostname, workers: workers.data };
}

// See the README's settings table for why this is the default.
const DEFAULT_WORKERS = '1';

const NEXT = 'node_modules/next/dist/bin/next';
const children = new Set();
let stopping = false;

function serve(args, env) {
  // Next's own entry point, not `npx next`: npx does not pass SIGTERM on.
  const child = spawn(process.execPath, [...serverNodeFlags(env), NEXT, 'start', ...args], { env, stdio: 'inherit' });
  children.add(child);
  return child;
}

function keepServing(port, env) {
  const child = serve(['-p', String(port), '-H', '127.0.0.1'], env);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (stopping) return;
    console.error(`Passage process on port ${port} exited (${signal ?? code}); starting it again.`);
    setTimeout(() => keepServing(port, env), 500);
  });
}

function stop() {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  if (children.size === 0) process.exit(0);
}

const { port, hostname, workers } = options(process.argv.slice(2), process.env);
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

if (workers === 1) {
  const child = serve(process.argv.slice(2), process.env);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  const env = { ...process.env, PASSAGE_TRUSTED_PROXY: trustOneMoreHop(process.env.PASSAGE_TRUSTED_PROXY) };
  const ports = Array.from({ length: workers }, (_, i) => port + 1 + i);
  for (const p of ports) keepServing(p, env);
  const balancer = await startBalancer({ port, host: hostname, backends: ports.map((p) => ({ port: p })) });
  console.log(`Passage: ${workers} processes (ports ${ports[0]}–${ports.at(-1)}) behind port ${port}`);
  process.on('exit', () => balancer.close());
  const exitWhenStopped = setInterval(() => {
    if (stopping && children.size === 0) process.exit(0);
  }, 100);
  exitWhenStopped.unref();
}
