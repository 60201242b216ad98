import 'server-only';
import type Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openSqlite } from './sqlite';

export interface MigrationFile {
  name: string;
  sql: string;
  /** sha256 of the file's bytes, hex: the checksum `prisma migrate` records and compares. */
  checksum: string;
}

export class MigrationError extends Error {}

/** Prisma's own bookkeeping table, byte for byte, so `prisma migrate status` agrees with us. */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export function readMigrations(dir: string): MigrationFile[] {
  if (!fs.existsSync(dir)) throw new MigrationError(`no migrations folder at ${dir}`);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .flatMap((name) => {
      const file = path.join(dir, name, 'migration.sql');
      if (!fs.existsSync(file)) return [];
      const bytes = fs.readFileSync(file);
      return [{ name, sql: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') }];
    });
}

export interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: number | string | Date | null;
}

/**
 * The migrations of `dir` not yet applied to `database`, after checking the applied ones: none
 * left unfinished, none missing from `dir`, none edited since. Shared by both databases' runners.
 */
export function pendingMigrations(migrations: MigrationFile[], rows: AppliedRow[], database: string, dir: string): MigrationFile[] {
  const byName = new Map(migrations.map((m) => [m.name, m]));
  for (const row of rows) {
    const local = byName.get(row.migration_name);
    if (row.finished_at === null) {
      throw new MigrationError(
        `migration ${row.migration_name} started earlier but never finished; restore a backup or mark it rolled back before starting again`,
      );
    }
    if (!local) {
      throw new MigrationError(`migration ${row.migration_name} is applied to ${database} but its folder is missing from ${dir}`);
    }
    if (local.checksum !== row.checksum) {
      throw new MigrationError(
        `migration ${row.migration_name} was changed after it was applied to ${database}; restore its migration.sql and add a new migration for the change`,
      );
    }
  }
  const appliedNames = new Set(rows.map((row) => row.migration_name));
  return migrations.filter((m) => !appliedNames.has(m.name));
}

export interface MigrationResult {
  applied: string[];
  backup: string | null;
}

function hasData(db: Database.Database): boolean {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
  return tables.some((table) => db.prepare(`SELECT 1 FROM "${table.replace(/"/g, '""')}" LIMIT 1`).get() !== undefined);
}

function backupName(file: string, before: string): string {
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return path.join(path.dirname(file), 'backups', `${path.basename(file, '.db')}-${stamp}-before-${before}.db`);
}

/**
 * Brings the database at `file` up to date with the migrations in `dir`: each pending one in
 * name order, in its own transaction, recorded in `_prisma_migrations`. Refuses to run when an
 * applied migration's file has changed or disappeared, and copies a database that holds data
 * aside (SQLite's online backup) before changing it.
 */
export async function migrate(file: string, dir: string, log: (line: string) => void = () => {}): Promise<MigrationResult> {
  const migrations = readMigrations(dir);
  const db = openSqlite(file);
  try {
    db.exec(CREATE_MIGRATIONS_TABLE);
    const rows = db
      .prepare(`SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY started_at`)
      .all() as AppliedRow[];
    const pending = pendingMigrations(migrations, rows, file, dir);
    if (pending.length === 0) return { applied: [], backup: null };

    let backup: string | null = null;
    if (hasData(db)) {
      backup = backupName(file, pending[0]!.name);
      fs.mkdirSync(path.dirname(backup), { recursive: true });
      await db.backup(backup);
      log(`Backed up ${file} to ${backup} before migrating.`);
    }

    const record = db.prepare(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
       VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`,
    );
    for (const migration of pending) {
      const startedAt = Date.now();
      try {
        db.transaction(() => {
          db.exec(migration.sql);
          record.run(randomUUID(), migration.checksum, Date.now(), migration.name, startedAt);
        })();
      } catch (error) {
        throw new MigrationError(`migration ${migration.name} failed and was rolled back: ${(error as Error).message}`);
      }
      log(`Applied migration ${migration.name}.`);
    }
    return { applied: pending.map((m) => m.name), backup };
  } finally {
    db.close();
  }
}
