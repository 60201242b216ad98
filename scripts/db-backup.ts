// npm run db:backup -- <file>: an online backup of DATABASE_URL, safe while the server runs.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { databaseFile } from '@/server/config';
import { CliError, runCli } from './run-cli';

const args = z.tuple([z.string().min(1, { error: 'name the backup file' })]).safeParse(process.argv.slice(2));
if (!args.success) {
  console.error('Usage: npm run db:backup -- <backup-file.db>');
  process.exit(2);
}
const target = path.resolve(args.data[0]);

runCli(async () => {
  const source = databaseFile();
  if (!fs.existsSync(source)) throw new CliError(`There is no database at ${source}`);
  if (fs.existsSync(target)) throw new CliError(`${target} already exists; choose a new file name`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const db = new Database(source, { readonly: true, timeout: 5000 });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  const copy = new Database(target, { readonly: true });
  const check = copy.pragma('integrity_check', { simple: true });
  copy.close();
  if (check !== 'ok') throw new CliError(`The backup failed its integrity check: ${String(check)}`);
  console.log(`Backed up ${source} to ${target} (integrity check ok).`);
});
