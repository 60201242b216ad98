// npm run db:migrate — applies pending migrations to DATABASE_URL (default ./data/passage.db).
import { databaseFile, migrationsDir } from '@/server/config';
import { migrate } from '@/server/migrations';
import { runCli } from './run-cli';

runCli(async () => {
  const file = databaseFile();
  const result = await migrate(file, migrationsDir(), console.log);
  if (result.applied.length === 0) console.log(`${file} is up to date; no migration to apply.`);
});
