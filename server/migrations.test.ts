import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, MigrationError, readMigrations } from './migrations';
import { shapeFromDmmf, shapeFromSqlite, type DmmfDatamodel } from './schema-shape';

const MIGRATIONS = path.resolve('prisma/migrations');
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passage-migrate-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function copyMigrations(): string {
  const copy = path.join(dir, 'migrations');
  fs.cpSync(MIGRATIONS, copy, { recursive: true });
  return copy;
}

function addMigration(migrationsDir: string, name: string, sql: string) {
  fs.mkdirSync(path.join(migrationsDir, name));
  fs.writeFileSync(path.join(migrationsDir, name, 'migration.sql'), sql);
}

describe('migrate', () => {
  it('applies every migration in name order and records them as Prisma does', async () => {
    const file = path.join(dir, 'fresh', 'passage.db');
    const result = await migrate(file, MIGRATIONS);
    const expected = readMigrations(MIGRATIONS);
    expect(result.applied).toEqual(expected.map((m) => m.name));
    expect(result.backup).toBeNull();

    const db = new Database(file, { readonly: true });
    const rows = db.prepare('SELECT * FROM _prisma_migrations ORDER BY migration_name').all() as Record<string, unknown>[];
    expect(rows.map((r) => r.migration_name)).toEqual(expected.map((m) => m.name));
    for (const [i, row] of rows.entries()) {
      const sql = fs.readFileSync(path.join(MIGRATIONS, expected[i]!.name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('applies nothing the second time', async () => {
    const file = path.join(dir, 'passage.db');
    await migrate(file, MIGRATIONS);
    expect(await migrate(file, MIGRATIONS)).toEqual({ applied: [], backup: null });
  });

  it('refuses to run, naming the migration, when an applied file has changed', async () => {
    const migrations = copyMigrations();
    const file = path.join(dir, 'passage.db');
    await migrate(file, migrations);
    const first = readMigrations(migrations)[0]!;
    fs.appendFileSync(path.join(migrations, first.name, 'migration.sql'), '\n-- edited\n');
    addMigration(migrations, '29990101000000_later', 'CREATE TABLE "Later" ("id" INTEGER NOT NULL PRIMARY KEY);');

    await expect(migrate(file, migrations)).rejects.toThrow(MigrationError);
    await expect(migrate(file, migrations)).rejects.toThrow(`migration ${first.name} was changed after it was applied`);
    const db = new Database(file, { readonly: true });
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'Later'`).get()).toBeUndefined();
    db.close();
  });

  it('backs up a database holding data before applying a new migration', async () => {
    const migrations = copyMigrations();
    const file = path.join(dir, 'passage.db');
    await migrate(file, migrations);
    const db = new Database(file);
    db.prepare(
      `INSERT INTO "Article" (slug, title, author, publisher, markdown, contentHash, updatedAt) VALUES ('a', 'T', 'A', 'P', 'md', 'h', 0)`,
    ).run();
    db.close();

    addMigration(migrations, '29990101000000_later', 'CREATE TABLE "Later" ("id" INTEGER NOT NULL PRIMARY KEY);');
    const result = await migrate(file, migrations);
    expect(result.applied).toEqual(['29990101000000_later']);
    expect(result.backup).toMatch(/backups\/passage-.*-before-29990101000000_later\.db$/);

    const copy = new Database(result.backup!, { readonly: true });
    expect(copy.prepare('SELECT slug FROM "Article"').pluck().all()).toEqual(['a']);
    expect(copy.prepare(`SELECT name FROM sqlite_master WHERE name = 'Later'`).get()).toBeUndefined();
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
  });

  it('rolls a failing migration back whole and leaves it unrecorded', async () => {
    const migrations = copyMigrations();
    const file = path.join(dir, 'passage.db');
    await migrate(file, migrations);
    addMigration(migrations, '29990101000000_broken', 'CREATE TABLE "Half" ("id" INTEGER);\nTHIS IS NOT SQL;');
    await expect(migrate(file, migrations)).rejects.toThrow(/migration 29990101000000_broken failed and was rolled back/);
    const db = new Database(file, { readonly: true });
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'Half'`).get()).toBeUndefined();
    expect(db.prepare(`SELECT count(*) FROM _prisma_migrations WHERE migration_name LIKE '%broken'`).pluck().get()).toBe(0);
    db.close();
  });
});

describe('schema.prisma and the migrations', () => {
  it('describe the same database: every table, column, type, nullability, index and foreign key', async () => {
    // Prisma's parser gives the schema as DMMF through a tiny generator (no schema engine needed).
    const work = path.join(dir, 'dmmf');
    fs.mkdirSync(work);
    const schema = fs.readFileSync('prisma/schema.prisma', 'utf8').replace(/generator client \{[\s\S]*?\n\}/, '');
    const generator = path.resolve('scripts/dmmf-generator.mjs');
    fs.writeFileSync(
      path.join(work, 'schema.prisma'),
      `${schema}\ngenerator dmmf {\n  provider = "node ${generator}"\n  output   = "${path.join(work, 'out')}"\n}\n`,
    );
    execFileSync('npx', ['prisma', 'generate', '--schema', path.join(work, 'schema.prisma')], {
      env: {
        ...process.env,
        PRISMA_SCHEMA_ENGINE_BINARY: path.resolve('scripts/prisma-engine-placeholder'),
        PRISMA_HIDE_UPDATE_MESSAGE: '1',
      },
      stdio: 'pipe',
    });
    const datamodel = JSON.parse(fs.readFileSync(path.join(work, 'out', 'dmmf.json'), 'utf8')) as DmmfDatamodel;

    const file = path.join(dir, 'passage.db');
    await migrate(file, MIGRATIONS);
    const db = new Database(file, { readonly: true });
    const fromMigrations = shapeFromSqlite(db);
    db.close();

    const fromSchema = shapeFromDmmf(datamodel);
    expect(Object.keys(fromSchema).length).toBeGreaterThan(0);
    expect(fromMigrations).toEqual(fromSchema);
  }, 60_000);
});
