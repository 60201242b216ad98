// Shared helpers of the reliability tests: a temporary database with the questions loaded, a
// teacher and an assignment made directly, HTTP calls with a bounded pool, answers built from
// the keys, table checksums and integrity checks read straight from the SQLite file.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { TeacherRef } from '@/server/auth';
import { createAssignment, type AssignmentInput } from '@/server/assignments';
import { questionsDir } from '@/server/config';
import { readContent } from '@/server/content-files';
import { syncContent } from '@/server/content-sync';
import { getDb } from '@/server/db';
// Renamed: it is not a React hook, whatever its name says to the hooks lint rule.
import { useTemporaryDatabase as temporaryDatabase } from '@/server/test-database';
import type { Item } from '@/lib/questions/schema';
import type { PublicItem } from '@/lib/quiz/present';
import { registerCleanup } from './cleanup';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The seed of a test: RELIABILITY_SEED when set, else `fallback`. Printed by each test. */
export function seedFromEnv(fallback: number): number {
  const raw = process.env.RELIABILITY_SEED;
  return raw && /^\d+$/.test(raw) ? Number(raw) : fallback;
}

// ---- The database ----

export interface TestDatabase {
  dir: string;
  file: string;
  cleanup: () => Promise<void>;
}

/** A fresh migrated SQLite file with the question bank loaded; DATABASE_URL points at it. */
export async function prepareDatabase(): Promise<TestDatabase> {
  const database = await temporaryDatabase();
  const forget = registerCleanup(() => fs.rmSync(database.dir, { recursive: true, force: true }));
  await syncContent(await getDb(), readContent(questionsDir()));
  return {
    ...database,
    cleanup: async () => {
      await database.cleanup();
      forget();
    },
  };
}

export async function createTeacher(name: string): Promise<TeacherRef> {
  const db = await getDb();
  const user = await db.user.create({ data: { id: `user-${name}`, name, email: `${name}@school.test` } });
  return { id: user.id, name: user.name, email: user.email };
}

/** The first `count` quiz (non-card) items of a set, in position order. */
export async function quizItemsOf(setId: string, count: number): Promise<string[]> {
  const db = await getDb();
  const rows = await db.question.findMany({
    where: { setId, retiredAt: null, type: { not: 'card' } },
    orderBy: { position: 'asc' },
    select: { id: true },
    take: count,
  });
  if (rows.length < count) throw new Error(`set ${setId} has only ${rows.length} quiz items; the test needs ${count}`);
  return rows.map((r) => r.id);
}

export interface QuizAssignment {
  id: string;
  code: string;
  itemIds: string[];
}

/** A quiz assignment over the first `count` quiz items of `setId`: reveal immediately, one attempt, shuffled. */
export async function createQuizAssignment(
  teacher: TeacherRef,
  title: string,
  options: { setId?: string; count?: number } & Partial<AssignmentInput> = {},
): Promise<QuizAssignment> {
  const { setId = 'key-facts', count = 20, ...rest } = options;
  const itemIds = await quizItemsOf(setId, count);
  const input: AssignmentInput = {
    title,
    setId,
    itemIds,
    mode: 'quiz',
    dueLocal: '',
    timeZone: 'Europe/London',
    attemptsAllowed: 1,
    shuffle: true,
    reveal: 'immediately',
    lateWork: 'accept',
    mastery: false,
    ...rest,
  };
  const { id, code } = await createAssignment(teacher, input);
  return { id, code, itemIds };
}

/** Every question of the bank as its stored item (keys included), by id. */
export async function loadKeys(): Promise<Map<string, Item>> {
  const db = await getDb();
  const rows = await db.question.findMany({ select: { id: true, data: true } });
  return new Map(rows.map((r) => [r.id, JSON.parse(r.data) as Item]));
}

// ---- Answers ----

function byText<T extends { id: string; text: string }>(list: readonly T[], text: string): string {
  const found = list.find((entry) => entry.text === text);
  if (!found) throw new Error(`no presented entry has the text "${text}"`);
  return found.id;
}

/**
 * A well-formed response to `presented` (the public view the learner got): the key when `right`,
 * otherwise a wrong one. Ordering entries and matching rights have opaque ids; they are mapped
 * back through their texts.
 */
export function responseFor(item: Item, presented: PublicItem, right: boolean): unknown {
  if (item.id !== presented.id || item.type !== presented.type)
    throw new Error(`item ${item.id} does not match its presentation ${presented.id}`);
  switch (item.type) {
    case 'single': {
      if (presented.type !== 'single') throw new Error('presentation mismatch');
      const pick = right ? item.options.find((o) => o.id === item.answer) : item.options.find((o) => o.id !== item.answer);
      return { choice: byText(presented.options, pick!.text) };
    }
    case 'multiple': {
      if (presented.type !== 'multiple') throw new Error('presentation mismatch');
      const picks = item.options.filter((o) => item.answer.includes(o.id) === right);
      return { choices: picks.map((o) => byText(presented.options, o.text)) };
    }
    case 'truefalse':
      return { value: right ? item.answer : !item.answer };
    case 'typed':
      return { text: right ? item.answer : 'zzqx wrong on purpose' };
    case 'numeric':
      return { value: right ? item.answer : item.answer + (item.tolerance ?? 0) + 1000 };
    case 'ordering': {
      if (presented.type !== 'ordering') throw new Error('presentation mismatch');
      const ids = item.order.map((entry) => byText(presented.entries, entry.text));
      return { order: right ? ids : [...ids].reverse() };
    }
    case 'matching': {
      if (presented.type !== 'matching') throw new Error('presentation mismatch');
      const rights = item.pairs.map((pair) => byText(presented.rights, pair.right));
      const shift = right ? 0 : 1;
      return {
        pairs: Object.fromEntries(item.pairs.map((pair, i) => [byText(presented.lefts, pair.left), rights[(i + shift) % rights.length]!])),
      };
    }
    default:
      throw new Error(`item ${(item as Item).id} is a flashcard`);
  }
}

// ---- HTTP ----

export interface HttpResult {
  status: number;
  /** The parsed JSON body, or the text when it is not JSON. */
  body: unknown;
  text: string;
  contentType: string;
  /** The Set-Cookie headers, each as sent. */
  setCookie: string[];
}

export interface RequestOptions {
  method?: string;
  token?: string | null;
  /** A value to send as JSON. */
  json?: unknown;
  /** A body sent as is (with `contentType` when given). */
  raw?: string | Uint8Array;
  contentType?: string | null;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** One HTTP request; throws only when no response arrived (network error, timeout). */
export async function request(base: string, path: string, options: RequestOptions = {}): Promise<HttpResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | Uint8Array | undefined;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] = 'application/json';
  } else if (options.raw !== undefined) {
    body = options.raw;
  }
  if (options.contentType !== undefined) {
    if (options.contentType === null) {
      delete headers['content-type'];
      // fetch labels a string body text/plain; bytes go without a Content-Type.
      if (typeof body === 'string') body = new TextEncoder().encode(body);
    } else {
      headers['content-type'] = options.contentType;
    }
  }
  const response = await fetch(base + path, {
    method: options.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    body: body as BodyInit | undefined,
    redirect: 'manual',
    signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
  });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  let parsed: unknown = text;
  if (/json/i.test(contentType)) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  return { status: response.status, body: parsed, text, contentType, setCookie: response.headers.getSetCookie() };
}

// ---- SQLite, read directly ----

export function openReadonly(file: string): Database.Database {
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  return db;
}

/** The user tables of the database (not sqlite_* nor _prisma_migrations), by name. */
export function userTables(db: Database.Database): string[] {
  return db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
}

function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'bigint') return `${v}n`;
    if (v instanceof Uint8Array) return `blob:${Buffer.from(v).toString('hex')}`;
    if (typeof v === 'number' && Object.is(v, -0)) return '-0';
    return v;
  });
}

/** sha256 of every user table's rows in rowid order (all columns), by table name. */
export function tableChecksums(file: string): Record<string, string> {
  const db = openReadonly(file);
  try {
    const sums: Record<string, string> = {};
    db.transaction(() => {
      // Rate-limit counters record refused requests by design; they hold no one's data.
      for (const table of userTables(db).filter((t) => t !== 'RateLimit')) {
        const hash = createHash('sha256');
        let rows = 0;
        for (const row of db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().iterate()) {
          hash.update(stable(row));
          hash.update('\n');
          rows++;
        }
        sums[table] = `${rows}:${hash.digest('hex')}`;
      }
    })();
    return sums;
  } finally {
    db.close();
  }
}

export function integrityCheck(file: string): string {
  const db = openReadonly(file);
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

/** How Prisma's SQLite adapter stores a DateTime. */
export const isoDb = (ms: number | Date) => new Date(ms).toISOString().replace('Z', '+00:00');

export function elapsedSeconds(startedMs: number): number {
  return Math.round((Date.now() - startedMs) / 100) / 10;
}
