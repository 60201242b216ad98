import 'server-only';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { MigrationError, pendingMigrations, readMigrations, type AppliedRow, type MigrationResult } from './migrations';

/** Prisma's bookkeeping table as its PostgreSQL migrate connector creates it. */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/**
 * The advisory lock `prisma migrate` takes: instances starting together (or a `prisma migrate
 * deploy` beside them) apply migrations one at a time, and the later ones find nothing to do.
 */
const PRISMA_MIGRATE_LOCK = 72707369;

/** The URL without its password, for messages. */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the PostgreSQL database';
  }
}

/**
 * Brings the PostgreSQL database at `url` up to date with the migrations in `dir`: each pending
 * one in name order, in its own transaction (PostgreSQL's DDL is transactional), recorded in
 * `_prisma_migrations` as `prisma migrate deploy` records it. Refuses edited, missing or
 * unfinished migrations as the SQLite runner does. Backups are the operator's (pg_dump).
 */
export async function migratePostgresql(url: string, dir: string, log: (line: string) => void = () => {}): Promise<MigrationResult> {
  const migrations = readMigrations(dir);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK]);
    await client.query(CREATE_MIGRATIONS_TABLE);
    const { rows } = await client.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY started_at`,
    );
    const pending = pendingMigrations(migrations, rows, safeUrl(url), dir);
    for (const migration of pending) {
      const startedAt = new Date();
      try {
        await client.query('BEGIN');
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, NULL, NULL, $4, 1)`,
          [randomUUID(), migration.checksum, migration.name, startedAt],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw new MigrationError(`migration ${migration.name} failed and was rolled back: ${(error as Error).message}`);
      }
      log(`Applied migration ${migration.name}.`);
    }
    return { applied: pending.map((m) => m.name), backup: null };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_LOCK]).catch(() => {});
    await client.end();
  }
}
