import 'server-only';

/*
 * The SQL seam: the one module that knows a database's dialect. Use cases write their SQL once,
 * as `sql` templates, and run it through a `SqlSession`; a `SqlDatabase` (server/db.ts builds the
 * SQLite one) renders the template for its dialect, binds the values and runs it.
 *
 *   const row = await db.read((s) => s.get<Row>(sql`SELECT id, dueAt FROM Assignment WHERE id = ${id}`));
 *   await db.write(async (tx) => { ...; await tx.run(sql`UPDATE ... SET late = ${true} WHERE id = ${id}`); });
 *
 * The contract an implementation keeps (SQLite here; PostgreSQL plugs in the same way):
 * - Placeholders: each `${value}` becomes one bound parameter (`?` in SQLite, `$1, $2…` in PostgreSQL).
 * - Values: string, number, null, boolean and Date are encoded by the dialect (SQLite: 1/0 and
 *   Prisma's ISO text `…+00:00`; PostgreSQL: boolean and timestamptz). `inList(ids)` is an id list
 *   for `column IN ${inList(ids)}` (SQLite: `(SELECT value FROM json_each(?))`; PostgreSQL:
 *   `(SELECT unnest($n::text[]))`). A `Fragment` is dialect text chosen by name (see `fragments`). A
 *   `sql` template inside another is inlined, its values bound in place.
 * - Results: rows as plain objects keyed by the selected column names; integers as numbers. Read
 *   them with the neutral decoders below (`dateFromSql`, `boolFromSql`, `numberFromSql`), which
 *   accept either dialect's form, never by comparing with `1` or parsing by hand.
 * - `write(work)`: one write transaction that holds the database's write lock from its first
 *   statement (SQLite: BEGIN IMMEDIATE; PostgreSQL: lock rows with `FOR UPDATE` where read-then-write
 *   must not race, see `fragments.forUpdate`), commits when `work` resolves, rolls back when it
 *   throws, and retries only the start of the transaction (never `work`) when the database is busy.
 *   `work` must only use its session: any other database call inside it waits for the lock it holds.
 * - `read(work)`: statements outside a write transaction (each sees committed data).
 * - Upserts use `INSERT … ON CONFLICT (…) DO UPDATE SET x = excluded.x`, which both dialects speak.
 * - Names are written as Prisma spells them (`QuizAttempt`, `learnerId`), keywords in capitals and
 *   functions in lower case: PostgreSQL's rendering quotes mixed-case names (see quoteMixedCase).
 *
 * SQLite resolves every statement synchronously: its session returns settled promises, so an
 * `await` costs one microtask and nothing else runs between a transaction's statements.
 */

export type SqlScalar = string | number | boolean | Date | null;

/** An id list for `IN`, bound as one parameter. */
export interface InList {
  readonly kind: 'in-list';
  readonly ids: readonly string[];
}

/** Dialect text with no values in it, written once per dialect here. */
export interface Fragment {
  readonly kind: 'fragment';
  readonly name: string;
  readonly sqlite: string;
  readonly postgresql: string;
}

export type SqlValue = SqlScalar | InList | Fragment | Statement;

export interface Statement {
  readonly kind: 'statement';
  readonly strings: TemplateStringsArray;
  readonly values: readonly SqlValue[];
}

/** A statement: SQL text with its values in `${…}`; a statement inside another is inlined (its values bound). */
export function sql(strings: TemplateStringsArray, ...values: SqlValue[]): Statement {
  return { kind: 'statement', strings, values };
}

export function inList(ids: Iterable<string>): InList {
  return { kind: 'in-list', ids: [...new Set(ids)] };
}

const fragment = (name: string, sqlite: string, postgresql: string): Fragment => ({ kind: 'fragment', name, sqlite, postgresql });

/** The dialect differences the use cases need, by name. */
export const fragments = {
  /** Ends a SELECT, in a write transaction, of rows the transaction then changes: PostgreSQL locks them (SQLite's write lock already covers them). */
  forUpdate: fragment('forUpdate', '', 'FOR UPDATE'),
  /** The larger of its arguments: `${fragments.greatest}(a, b)`. */
  greatest: fragment('greatest', 'max', 'GREATEST'),
} as const;

export interface SqlSession {
  get<T>(statement: Statement): Promise<T | undefined>;
  all<T>(statement: Statement): Promise<T[]>;
  /** Runs a write; resolves to the number of rows it changed. */
  run(statement: Statement): Promise<number>;
}

export interface SqlDatabase {
  read<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  write<T>(work: (tx: SqlSession) => Promise<T>): Promise<T>;
}

export type Dialect = 'sqlite' | 'postgresql';

const isScalar = (value: SqlValue): value is SqlScalar => value === null || typeof value !== 'object' || value instanceof Date;

/** The text of a statement in a dialect, and the values to bind in order. */
export function render(statement: Statement, dialect: Dialect, params: unknown[] = []): { text: string; params: unknown[] } {
  const { strings, values } = statement;
  const part = dialect === 'postgresql' ? quoteMixedCase : (text: string) => text;
  let text = part(strings[0]!);
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (isScalar(value)) {
      params.push(encode(value, dialect));
      text += dialect === 'sqlite' ? '?' : `$${params.length}`;
    } else if (value.kind === 'fragment') text += value[dialect];
    else if (value.kind === 'statement') text += render(value, dialect, params).text;
    else {
      params.push(dialect === 'sqlite' ? JSON.stringify(value.ids) : value.ids);
      text += dialect === 'sqlite' ? '(SELECT value FROM json_each(?))' : `(SELECT unnest($${params.length}::text[]))`;
    }
    text += part(strings[i + 1]!);
  }
  return { text, params };
}

/**
 * PostgreSQL folds unquoted names to lower case, and Prisma's tables and columns keep their case
 * (`"QuizAttempt"."learnerId"`): a bare word with both cases outside a string literal is a table,
 * column or alias name, quoted here so the use cases write SQL once. SQL keywords are written in
 * capitals and functions in lower case, so neither is touched.
 */
export function quoteMixedCase(text: string): string {
  return text
    .split(/('(?:[^']|'')*')/)
    .map((piece, i) => (i % 2 === 1 ? piece : piece.replace(/(?<![\w"$.])([A-Za-z_]\w*)|(?<=\.)([A-Za-z_]\w*)/g, quoteIfMixed)))
    .join('');
}

const quoteIfMixed = (word: string) => (/[a-z]/.test(word) && /[A-Z]/.test(word) ? `"${word}"` : word);

const templateIds = new WeakMap<TemplateStringsArray, number>();
let lastTemplateId = 0;

/**
 * What decides a statement's text besides its outer template: which values are lists, fragments
 * or inner statements. Implementations cache a compiled statement by template and shape.
 */
export function shapeOf(values: readonly SqlValue[]): string {
  let shape = '';
  for (const value of values) {
    if (isScalar(value)) shape += '?';
    else if (value.kind === 'fragment') shape += `f${value.name};`;
    else if (value.kind === 'in-list') shape += 'l';
    else {
      let id = templateIds.get(value.strings);
      if (id === undefined) templateIds.set(value.strings, (id = ++lastTemplateId));
      shape += `s${id}(${shapeOf(value.values)})`;
    }
  }
  return shape;
}

/** A value bound as a parameter. */
export function encode(value: SqlScalar, dialect: Dialect): unknown {
  if (dialect === 'postgresql') return value;
  if (value instanceof Date) return sqlDate(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** A statement's SQLite parameters, for the session that caches its compiled text (server/sqlite-sql.ts). */
export function sqliteParams(values: readonly SqlValue[], params: unknown[] = []): unknown[] {
  for (const value of values) {
    if (isScalar(value)) params.push(encode(value, 'sqlite'));
    else if (value.kind === 'in-list') params.push(JSON.stringify(value.ids));
    else if (value.kind === 'statement') sqliteParams(value.values, params);
  }
  return params;
}

/** A DateTime as Prisma stores it in SQLite (ISO 8601 with an explicit offset). */
const sqlDate = (date: Date): string => date.toISOString().replace('Z', '+00:00');

/* Decoders: each accepts what either dialect returns for the column's type. */

export function dateFromSql(value: string | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

export function dateOrNullFromSql(value: string | Date | null): Date | null {
  return value === null ? null : dateFromSql(value);
}

export function boolFromSql(value: number | boolean | bigint): boolean {
  return value === true || value === 1 || value === 1n;
}

/** A count or other integer (PostgreSQL returns bigint aggregates as strings). */
export function numberFromSql(value: number | string | bigint): number {
  return typeof value === 'number' ? value : Number(value);
}
