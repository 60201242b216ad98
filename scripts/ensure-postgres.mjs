// The PostgreSQL tests start their own throwaway server from Debian's `postgresql` package
// (scripts/pg-server.ts). Installs it when missing and we are root; otherwise says what to run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = '/usr/lib/postgresql';
const installed =
  (process.env.PASSAGE_PG_BIN && fs.existsSync(path.join(process.env.PASSAGE_PG_BIN, 'initdb'))) ||
  (fs.existsSync(root) && fs.readdirSync(root).some((v) => Number(v) >= 15 && fs.existsSync(path.join(root, v, 'bin', 'initdb'))));
if (installed) process.exit(0);

const command = 'apt-get update && apt-get install -y postgresql';
if (process.getuid?.() !== 0) {
  console.error(
    `PostgreSQL 15 or later is missing (no ${root}/*/bin/initdb). Install it as root:\n  sudo sh -c '${command}'\nor set PASSAGE_PG_BIN to a folder holding initdb and pg_ctl.`,
  );
  process.exit(1);
}
console.log(`PostgreSQL is missing; installing Debian's package (${command})…`);
const result = spawnSync('sh', ['-c', command], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
process.exit(result.status ?? 1);
