import 'server-only';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { disconnectDb } from './db';
import { migrate } from './migrations';

/**
 * A fresh SQLite file in a temporary folder, migrated, and made the process's DATABASE_URL so
 * every server/ function under test uses it. For integration tests only.
 */
export async function useTemporaryDatabase(): Promise<{ dir: string; file: string; cleanup: () => Promise<void> }> {
  await disconnectDb();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passage-test-'));
  const file = path.join(dir, 'passage.db');
  process.env.DATABASE_URL = `file:${file}`;
  await migrate(file, path.resolve('prisma/migrations'));
  return {
    dir,
    file,
    cleanup: async () => {
      await disconnectDb();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
