// Builds the app when there is no production build, or when a source file is newer than it,
// so `npm start` on a fresh clone (or after a pull) serves current code.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const buildId = path.resolve('.next/BUILD_ID');
const sources = [
  'app',
  'components',
  'lib',
  'server',
  'prisma/schema.prisma',
  'next.config.mjs',
  'package-lock.json',
  'postcss.config.mjs',
];

function newestMtime(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry, { withFileTypes: true })
    .filter((child) => child.name !== 'generated' && !child.name.endsWith('.test.ts'))
    .reduce((newest, child) => Math.max(newest, newestMtime(path.join(entry, child.name))), stat.mtimeMs);
}

// The build records the newest source time it started from; a file saved while a build runs is
// newer than that, so it triggers the next build (comparing with BUILD_ID's time would not).
const stamp = path.resolve('.next/passage-sources.json');
const changedAt = Math.max(...sources.map(newestMtime));
const builtFrom = fs.existsSync(buildId) && fs.existsSync(stamp) ? JSON.parse(fs.readFileSync(stamp, 'utf8')).newestSourceMtimeMs : null;
if (typeof builtFrom === 'number' && builtFrom >= changedAt) process.exit(0);

console.log(fs.existsSync(buildId) ? 'Sources changed since the last build; building…' : 'No production build yet; building…');
const result = spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });
if (result.status === 0) fs.writeFileSync(stamp, JSON.stringify({ newestSourceMtimeMs: changedAt }));
process.exit(result.status ?? 1);
