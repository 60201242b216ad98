import 'server-only';
import { checkSettings, databaseTarget, questionsDir } from './config';
import { readContent } from './content-files';
import { ContentError, syncContent, type SyncReport } from './content-sync';
import { getDb } from './db';
import type { MigrationResult } from './migrations';
import { migrateDatabase } from './migrations-any';
import { authSecret } from './secrets';
import { formatProblem } from '@/lib/questions/problems';

/** Everything a start needs before serving: migrations applied, then content synced. */
export async function prepareDatabase(log: (line: string) => void = console.log): Promise<{
  migrations: MigrationResult;
  content: SyncReport;
}> {
  checkSettings();
  const bundle = readContent(questionsDir());
  if (bundle.problems.length > 0) throw new ContentError(bundle.problems.map(formatProblem));
  const target = databaseTarget();
  // Instances on several machines must share one secret: refuse to start without it (see authSecret).
  if (target.provider === 'postgresql') authSecret();
  const migrations = await migrateDatabase(target, log);
  const content = await syncContent(await getDb(), bundle);
  return { migrations, content };
}
