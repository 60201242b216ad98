// npm run db:restore -- <file>: replaces DATABASE_URL with a backup. Refuses while the server runs.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { databaseFile } from '@/server/config';
import { runningServerPid } from '@/server/server-pid';
import { CliError, runCli } from './run-cli';

const args = z.tuple([z.string().min(1, { error: 'name the backup file' })]).safeParse(process.argv.slice(2));
if (!args.success) {
  console.error('Usage: npm run db:restore -- <backup-file.db>   (stop the server first)');
  process.exit(2);
}
const backup = path.resolve(args.data[0]);

runCli(async () => {
  const target = databaseFile();
  const pid = runningServerPid(target);
  if (pid) throw new CliError(`Passage is running (process ${pid}) on ${target}; stop it before restoring.`);
  if (!fs.existsSync(backup)) throw new CliError(`There is no backup at ${backup}`);
  const copy = new Database(backup, { readonly: true });
  const check = copy.pragma('integrity_check', { simple: true });
  copy.close();
  if (check !== 'ok') throw new CliError(`${backup} fails its integrity check (${String(check)}); nothing was changed.`);
  if (fs.existsSync(target)) {
    const aside = `${target}.before-restore-${new Date().toISOString().replace(/[-:.]/g, '')}`;
    fs.renameSync(target, aside);
    console.log(`The current database was moved aside to ${aside}.`);
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.copyFileSync(backup, target);
  console.log(`Restored ${backup} to ${target}. Start Passage again; it will apply any newer migrations.`);
});
