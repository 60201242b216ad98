import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPgServer, type PgServer } from '@/scripts/pg-server';
import { POSTGRESQL_SCHEMA, postgresqlSchema, SQLITE_SCHEMA } from '@/scripts/prisma-schemas.mjs';
import { migrationList, NO_FILTER, pendingMigrationSql, pgMigrationAdapter, schemaEngine } from '@/scripts/schema-engine';
import { MigrationError, readMigrations } from './migrations';
import { migratePostgresql } from './migrations-postgresql';

const MIGRATIONS = path.resolve('prisma/postgresql/migrations');
const schema = () => fs.readFileSync(POSTGRESQL_SCHEMA, 'utf8');
let server: PgServer;
let dir: string;

beforeAll(async () => {
  server = await startPgServer();
}, 60_000);
afterAll(() => server?.stop());
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passage-pg-migrate-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function copyMigrations(): string {
  const copy = path.join(dir, 'migrations');
  fs.cpSync(MIGRATIONS, copy, { recursive: true });
  return copy;
}

function addMigration(migrationsDir: string, name: string, sql: string) {
  fs.mkdirSync(path.join(migrationsDir, name));
  fs.writeFileSync(path.join(migrationsDir, name, 'migration.sql'), sql);
}

const tableExists = async (url: string, table: string) =>
  (await query(url, `SELECT 1 FROM information_schema.tables WHERE table_name = '${table}'`)).length > 0;

const migrationsTable = (url: string) =>
  query(
    url,
    `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
       FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY column_name`,
  );

describe('migratePostgresql', () => {
  it('applies every migration and records them exactly as Prisma migrate records them', async () => {
    const ours = await server.createDatabase();
    const result = await migratePostgresql(ours, MIGRATIONS);
    expect(result.applied).toEqual(readMigrations(MIGRATIONS).map((m) => m.name));

    const engine = await schemaEngine(schema(), pgMigrationAdapter(ours));
    try {
      // Prisma's own view of our bookkeeping: nothing edited, failed or pending.
      const history = await engine.diagnoseMigrationHistory({
        migrationsList: migrationList(MIGRATIONS),
        optInToShadowDatabase: false,
        filters: NO_FILTER,
      });
      expect(history).toEqual({ editedMigrationNames: [], failedMigrationNames: [], hasMigrationsTable: true, history: null });
    } finally {
      engine.free();
    }

    const prismas = await server.createDatabase();
    const prismaEngine = await schemaEngine(schema(), pgMigrationAdapter(prismas));
    try {
      await prismaEngine.applyMigrations({ migrationsList: migrationList(MIGRATIONS), filters: NO_FILTER });
    } finally {
      prismaEngine.free();
    }
    expect(await migrationsTable(ours)).toEqual(await migrationsTable(prismas));
    const rows = (db: string) =>
      query(
        db,
        `SELECT migration_name, checksum, logs, rolled_back_at, applied_steps_count, finished_at IS NOT NULL AS finished
           FROM _prisma_migrations ORDER BY migration_name`,
      );
    expect(await rows(ours)).toEqual(await rows(prismas));
  }, 60_000);

  it('applies nothing the second time, and two instances starting at once apply each migration once', async () => {
    const url = await server.createDatabase();
    const [a, b] = await Promise.all([migratePostgresql(url, MIGRATIONS), migratePostgresql(url, MIGRATIONS)]);
    expect([...a.applied, ...b.applied]).toEqual(readMigrations(MIGRATIONS).map((m) => m.name));
    expect(await migratePostgresql(url, MIGRATIONS)).toEqual({ applied: [], backup: null });
    expect(await query(url, 'SELECT count(*)::int AS n FROM _prisma_migrations')).toEqual([{ n: readMigrations(MIGRATIONS).length }]);
  }, 60_000);

  it('refuses to run, naming the migration, when an applied file has changed', async () => {
    const migrations = copyMigrations();
    const url = await server.createDatabase();
    await migratePostgresql(url, migrations);
    const first = readMigrations(migrations)[0]!;
    fs.appendFileSync(path.join(migrations, first.name, 'migration.sql'), '\n-- edited\n');
    addMigration(migrations, '29990101000000_later', 'CREATE TABLE "Later" ("id" INTEGER NOT NULL PRIMARY KEY);');
    await expect(migratePostgresql(url, migrations)).rejects.toThrow(MigrationError);
    await expect(migratePostgresql(url, migrations)).rejects.toThrow(`migration ${first.name} was changed after it was applied`);
    expect(await tableExists(url, 'Later')).toBe(false);
  }, 60_000);

  it('rolls a failing migration back whole and leaves it unrecorded', async () => {
    const migrations = copyMigrations();
    const url = await server.createDatabase();
    await migratePostgresql(url, migrations);
    addMigration(migrations, '29990101000000_broken', 'CREATE TABLE "Half" ("id" INTEGER);\nTHIS IS NOT SQL;');
    await expect(migratePostgresql(url, migrations)).rejects.toThrow(/migration 29990101000000_broken failed and was rolled back/);
    expect(await tableExists(url, 'Half')).toBe(false);
    expect(await query(url, `SELECT count(*)::int AS n FROM _prisma_migrations WHERE migration_name LIKE '%broken'`)).toEqual([{ n: 0 }]);
  }, 60_000);
});

describe('the PostgreSQL schema and its migrations', () => {
  it('prisma/postgresql/schema.prisma is prisma/schema.prisma with the provider swapped (run node scripts/prisma-generate.mjs)', () => {
    expect(fs.readFileSync(POSTGRESQL_SCHEMA, 'utf8')).toBe(postgresqlSchema(fs.readFileSync(SQLITE_SCHEMA, 'utf8')));
  });

  it('describe the same database: the migrated database differs from the schema by nothing (else run npm run db:migration:postgresql)', async () => {
    const url = await server.createDatabase();
    await migratePostgresql(url, MIGRATIONS);
    const engine = await schemaEngine(schema(), pgMigrationAdapter(url));
    try {
      const files = [{ path: 'schema.prisma', content: schema() }];
      const live = await engine.diff({
        from: { tag: 'schemaDatasource', files, configDir: process.cwd() },
        to: { tag: 'schemaDatamodel', files },
        script: true,
        exitCode: true,
        filters: NO_FILTER,
      });
      expect(live.stdout?.trim()).toBe('-- This is an empty migration.');
      expect(live.exitCode).toBe(0);
      expect(await pendingMigrationSql(engine, schema(), migrationList(MIGRATIONS))).toBe('');
    } finally {
      engine.free();
    }
  }, 60_000);
});
