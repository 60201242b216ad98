// npm run db:migrate — applies pending migrations to DATABASE_URL (default ./data/passage.db).
import { databaseTarget } from '@/server/config';
import { migrateDatabase } from '@/server/migrations-any';
import { safeUrl } from '@/server/migrations-postgresql';
import { runCli } from './run-cli';

runCli(async () => {
  const target = databaseTarget();
  const result = await migrateDatabase(target, console.log);
  const name = target.provider === 'sqlite' ? target.file : safeUrl(target.url);
  if (result.applied.length === 0) console.log(`${name} is up to date; no migration to apply.`);
});
