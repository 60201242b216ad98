import 'server-only';
import type Database from 'better-sqlite3';

/**
 * A database's shape reduced to what both schema.prisma and SQLite can state: tables, columns
 * (type, NOT NULL, primary key), indexes (name, columns, unique) and foreign keys. Two shapes
 * that are deep-equal describe the same database. Used by the drift test.
 */
export interface TableShape {
  columns: Record<string, { type: string; notNull: boolean; primaryKey: boolean }>;
  indexes: string[];
  foreignKeys: string[];
}
export type DatabaseShape = Record<string, TableShape>;

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'enum' | 'object' | 'unsupported';
  type: string;
  isRequired: boolean;
  isId: boolean;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { fields: string[] } | null;
}
export interface DmmfDatamodel {
  models: DmmfModel[];
  indexes: { model: string; type: 'id' | 'normal' | 'unique' | 'fulltext'; dbName?: string | null; fields: { name: string }[] }[];
}

const SQLITE_TYPES: Record<string, string> = {
  String: 'TEXT',
  Int: 'INTEGER',
  BigInt: 'BIGINT',
  Boolean: 'BOOLEAN',
  DateTime: 'DATETIME',
  Float: 'REAL',
  Decimal: 'DECIMAL',
  Bytes: 'BLOB',
};

const ACTIONS: Record<string, string> = {
  Cascade: 'CASCADE',
  Restrict: 'RESTRICT',
  NoAction: 'NO ACTION',
  SetNull: 'SET NULL',
  SetDefault: 'SET DEFAULT',
};

function fk(from: string[], table: string, to: string[], onDelete: string, onUpdate: string): string {
  return `(${from.join(', ')}) -> ${table}(${to.join(', ')}) ON DELETE ${onDelete} ON UPDATE ${onUpdate}`;
}

export function shapeFromDmmf(datamodel: DmmfDatamodel): DatabaseShape {
  const tableOf = new Map(datamodel.models.map((m) => [m.name, m.dbName ?? m.name]));
  const shape: DatabaseShape = {};
  for (const model of datamodel.models) {
    const table = tableOf.get(model.name)!;
    const column = (fieldName: string) => {
      const field = model.fields.find((f) => f.name === fieldName);
      return field?.dbName ?? fieldName;
    };
    const pk = new Set(model.primaryKey?.fields ?? model.fields.filter((f) => f.isId).map((f) => f.name));
    const columns: TableShape['columns'] = {};
    for (const field of model.fields) {
      if (field.kind === 'object') continue;
      const type = field.kind === 'enum' ? 'TEXT' : SQLITE_TYPES[field.type];
      if (!type) throw new Error(`${model.name}.${field.name}: no SQLite type known for Prisma type ${field.type}`);
      columns[field.dbName ?? field.name] = { type, notNull: field.isRequired, primaryKey: pk.has(field.name) };
    }
    const indexes = datamodel.indexes
      .filter((index) => index.model === model.name && (index.type === 'normal' || index.type === 'unique'))
      .map((index) => {
        const cols = index.fields.map((f) => column(f.name));
        const name = index.dbName ?? `${table}_${cols.join('_')}_${index.type === 'unique' ? 'key' : 'idx'}`;
        return `${index.type === 'unique' ? 'UNIQUE ' : ''}${name}(${cols.join(', ')})`;
      })
      .sort();
    const foreignKeys = model.fields
      .filter((f) => f.kind === 'object' && f.relationFromFields && f.relationFromFields.length > 0)
      .map((f) => {
        const target = datamodel.models.find((m) => m.name === f.type)!;
        const targetColumn = (name: string) => target.fields.find((t) => t.name === name)?.dbName ?? name;
        const optional = f.relationFromFields!.some((name) => !model.fields.find((x) => x.name === name)?.isRequired);
        const onDelete = ACTIONS[f.relationOnDelete ?? (optional ? 'SetNull' : 'Restrict')]!;
        const onUpdate = ACTIONS[f.relationOnUpdate ?? 'Cascade']!;
        return fk(f.relationFromFields!.map(column), tableOf.get(f.type)!, f.relationToFields!.map(targetColumn), onDelete, onUpdate);
      })
      .sort();
    shape[table] = { columns, indexes, foreignKeys };
  }
  return shape;
}

export function shapeFromSqlite(db: Database.Database): DatabaseShape {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  const shape: DatabaseShape = {};
  for (const table of tables) {
    const columns: TableShape['columns'] = {};
    for (const col of db.pragma(`table_info("${table}")`) as { name: string; type: string; notnull: number; pk: number }[]) {
      columns[col.name] = { type: col.type.toUpperCase(), notNull: col.notnull === 1, primaryKey: col.pk > 0 };
    }
    const indexes = (db.pragma(`index_list("${table}")`) as { name: string; unique: number; origin: string }[])
      .filter((index) => index.origin !== 'pk')
      .map((index) => {
        const cols = (db.pragma(`index_info("${index.name}")`) as { seqno: number; name: string }[])
          .sort((a, b) => a.seqno - b.seqno)
          .map((c) => c.name);
        return `${index.unique ? 'UNIQUE ' : ''}${index.name}(${cols.join(', ')})`;
      })
      .sort();
    const byId = new Map<number, { table: string; from: string[]; to: string[]; onDelete: string; onUpdate: string }>();
    for (const row of db.pragma(`foreign_key_list("${table}")`) as {
      id: number;
      table: string;
      from: string;
      to: string;
      on_delete: string;
      on_update: string;
    }[]) {
      const entry = byId.get(row.id) ?? { table: row.table, from: [], to: [], onDelete: row.on_delete, onUpdate: row.on_update };
      entry.from.push(row.from);
      entry.to.push(row.to);
      byId.set(row.id, entry);
    }
    const foreignKeys = [...byId.values()].map((e) => fk(e.from, e.table, e.to, e.onDelete, e.onUpdate)).sort();
    shape[table] = { columns, indexes, foreignKeys };
  }
  return shape;
}
