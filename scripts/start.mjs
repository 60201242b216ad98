// `npm start` after the build and db:prepare: serves Passage with PASSAGE_WORKERS `next start`
// processes. One process: `next start` itself. Several: `next start` processes sharing the public
// port through node:cluster (scripts/serve-cluster.mjs); a process that dies is started again.
// Flags after `npm start --` are -p/--port and -H/--hostname.
import { spawn } from 'node:child_process';
import os from 'node:os';
import { z } from 'zod';
import { serveInCluster } from './serve-cluster.mjs';
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

const { port, hostname, workers } = options(process.argv.slice(2), process.env);

if (workers === 1) {
  // Next's own entry point, not `npx next`: npx does not pass SIGTERM on.
  const child = spawn(process.execPath, [...serverNodeFlags(process.env), NEXT, 'start', ...process.argv.slice(2)], {
    env: process.env,
    stdio: 'inherit',
  });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  const serving = serveInCluster({
    exec: NEXT,
    args: ['start', '-p', String(port), ...(hostname ? ['-H', hostname] : [])],
    execArgv: serverNodeFlags(process.env),
    workers,
  });
  void serving.ready.then(() => console.log(`Passage: ${workers} processes serving on port ${port}`));
  const stop = () => void serving.stop();
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  const { code } = await serving.ended;
  process.exit(code);
}
