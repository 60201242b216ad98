// Serves the production build for the end-to-end tests on a fresh, temporary database.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const port = process.argv[2] ?? '3107';
const dir = process.env.PASSAGE_E2E_DB_DIR;
if (!dir) throw new Error('PASSAGE_E2E_DB_DIR is not set (playwright.config.ts sets it)');
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
// Interval fuzz off, so the tests can compare the intervals shown with those scheduled.
// Every teacher of the suite signs up from 127.0.0.1: the per-address sign-up allowance (10 an
// hour) would make the suite's later teachers wait. The limiter itself is tested in server/ and
// reliability/.
const env = {
  ...process.env,
  DATABASE_URL: `file:${path.join(dir, 'passage.db')}`,
  PASSAGE_FSRS_FUZZ: 'off',
  PASSAGE_SIGNUPS_PER_HOUR: '1000',
};

const prepared = spawnSync('npx', ['tsx', '--conditions=react-server', 'scripts/prepare-db.ts'], { env, stdio: 'inherit' });
if (prepared.status !== 0) process.exit(prepared.status ?? 1);

// Next's own entry point, not `npx next`: npx does not pass SIGTERM on, and left next-server running.
const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', port, '-H', '127.0.0.1'], {
  env,
  stdio: 'inherit',
});
const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => {
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
