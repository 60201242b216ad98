import 'server-only';
import { databaseFile, migrationsDir, questionsDir } from './config';
import { readContent } from './content-files';
import { ContentError, syncContent, type SyncReport } from './content-sync';
import { getDb } from './db';
import { migrate, type MigrationResult } from './migrations';
import { formatProblem } from '@/lib/questions/problems';

/** Everything a start needs before serving: migrations applied, then content synced. */
export async function prepareDatabase(log: (line: string) => void = console.log): Promise<{
  migrations: MigrationResult;
  content: SyncReport;
}> {
  const bundle = readContent(questionsDir());
  if (bundle.problems.length > 0) throw new ContentError(bundle.problems.map(formatProblem));
  const migrations = await migrate(databaseFile(), migrationsDir(), log);
  const content = await syncContent(await getDb(), bundle);
  return { migrations, content };
}
