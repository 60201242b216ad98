// Prisma's schema engine as WebAssembly (@prisma/schema-engine-wasm, the version matching the
// installed engines): diff and migration SQL without the native engine Prisma's CLI cannot
// download here. The package is built for bundlers (it imports its .wasm as a module), so Node
// instantiates it by hand.
import { PrismaPg } from '@prisma/adapter-pg';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type pg from 'pg';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';

let loaded = false;

function load(): typeof bindings {
  if (!loaded) {
    const bg = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const file = path.join(path.dirname(bg), 'schema_engine_bg.wasm');
    const compiled = new WebAssembly.Module(fs.readFileSync(file));
    const instance = new WebAssembly.Instance(compiled, { './schema_engine_bg.js': bindings as unknown as WebAssembly.ModuleImports });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    loaded = true;
  }
  return bindings;
}

export type { SchemaEngine };

/** A schema engine for `schema` (one Prisma schema file's text) talking to the database through `adapter`. */
export function schemaEngine(
  schema: string,
  adapter: SqlMigrationAwareDriverAdapterFactory,
  log: (message: string) => void = () => {},
): Promise<SchemaEngine> {
  // The engine expects the adapter as Prisma's CLI hands it over: methods bound, results wrapped.
  return load().SchemaEngine.new({ datamodels: [['schema.prisma', schema]] }, log, bindMigrationAwareSqlAdapterFactory(adapter));
}

export const NO_FILTER = { externalTables: [], externalEnums: [] };

/** A Prisma migrations folder as the engine reads it (what `prisma migrate` loads from disk). */
export function migrationList(baseDir: string): MigrationList {
  const lock = path.join(baseDir, 'migration_lock.toml');
  const names = fs.existsSync(baseDir)
    ? fs
        .readdirSync(baseDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(baseDir, entry.name, 'migration.sql')))
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: fs.existsSync(lock) ? fs.readFileSync(lock, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: fs.readFileSync(path.join(baseDir, name, 'migration.sql'), 'utf8') },
      },
    })),
  };
}

/**
 * The SQL that takes a database from `from` (its migrations folder, replayed on a shadow
 * database) to `schema`; empty when they already agree. The `public` schema's CREATE is left
 * out: it exists in every new database, and creating it needs a privilege the app's user may lack.
 */
export async function pendingMigrationSql(engine: SchemaEngine, schema: string, from: MigrationList): Promise<string> {
  const result = await engine.diff({
    from: from.migrationDirectories.length === 0 ? { tag: 'empty' } : { tag: 'migrations', ...from },
    to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
    script: true,
    exitCode: null,
    filters: NO_FILTER,
  });
  const sql = (result.stdout ?? '').replace(/-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n\n?/, '').trim();
  return sql === '' || sql === '-- This is an empty migration.' ? '' : `${sql}\n`;
}

type PgAdapter = { client: pg.Pool };

/**
 * PostgreSQL's one-byte `"char"` type (pg_catalog's kind columns, which the engine reads to
 * describe a database) is refused by @prisma/adapter-pg 7.10 ("Column type 'char' could not be
 * deserialized"); reporting those columns as text, which their values are, lets the engine work.
 */
function charAsText<T>(adapter: T): T {
  const pool = (adapter as PgAdapter).client;
  (adapter as PgAdapter).client = new Proxy(pool, {
    get(target, property) {
      if (property === 'query') {
        return async (...args: Parameters<pg.Pool['query']>) => {
          const result = (await (target.query as (...a: unknown[]) => Promise<pg.QueryResult>)(...args)) as pg.QueryResult;
          for (const field of result.fields ?? []) if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
          return result;
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return adapter;
}
const CHAR_OID = 18;
const TEXT_OID = 25;

/** @prisma/adapter-pg for the schema engine: `url`'s database, and shadow databases beside it. */
export function pgMigrationAdapter(url: string): SqlMigrationAwareDriverAdapterFactory {
  const parsed = new URL(url);
  const config = {
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.slice(1)),
  };
  const factory = new PrismaPg(config);
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => charAsText(await factory.connect()),
    // adapter-pg 7.10's own shadow database ignores `database` under a connection string and
    // drops the database while its pool still holds connections; this one does neither.
    connectToShadowDb: async () => {
      const main = await factory.connect();
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      await main.executeScript(`CREATE DATABASE "${name}"`);
      const shadow = charAsText(await new PrismaPg({ ...config, database: name }).connect());
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await main.executeScript(`DROP DATABASE "${name}" WITH (FORCE)`);
        await main.dispose();
      };
      return shadow;
    },
  };
}
