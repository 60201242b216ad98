// The end-to-end tests drive Debian's Chromium (Playwright cannot download its own browser on
// these machines). Installs it when missing and we are root; otherwise says what to run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const chromium = process.env.PASSAGE_CHROMIUM ?? '/usr/bin/chromium';
if (fs.existsSync(chromium)) process.exit(0);

const command = 'apt-get update && apt-get install -y chromium';
if (process.getuid?.() !== 0) {
  console.error(
    `Chromium is missing at ${chromium}. Install it as root:\n  sudo sh -c '${command}'\nor set PASSAGE_CHROMIUM to a Chromium binary.`,
  );
  process.exit(1);
}
console.log(`Chromium is missing; installing Debian's package (${command})…`);
const result = spawnSync('sh', ['-c', command], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
process.exit(result.status ?? 1);
