import 'server-only';
import { migrationsDir, type DatabaseTarget } from './config';
import { migrate, type MigrationResult } from './migrations';
import { migratePostgresql } from './migrations-postgresql';

/** Applies the pending migrations of the target's provider (prisma/migrations or prisma/postgresql/migrations). */
export function migrateDatabase(target: DatabaseTarget, log: (line: string) => void = () => {}): Promise<MigrationResult> {
  return target.provider === 'sqlite'
    ? migrate(target.file, migrationsDir('sqlite'), log)
    : migratePostgresql(target.url, migrationsDir('postgresql'), log);
}
