// Direct SQLite access for seeding benchmark databases. Inserts are built from the table's
// own columns (PRAGMA table_info), so a schema change makes them fail with a clear message
// instead of silently writing the wrong thing.
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { isoDb } from './util';

export type Db = Database.Database;

export function openDb(file: string): Db {
  const db = new Database(file, { timeout: 5000 });
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  return db;
}

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

export function columnsOf(db: Db, table: string): ColumnInfo[] {
  return db.prepare(`PRAGMA table_info("${table}")`).all() as ColumnInfo[];
}

export function hasTable(db: Db, table: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table) !== undefined;
}

/**
 * A prepared INSERT for the given keys that exist in `table`. Throws when the table has a
 * required column (NOT NULL, no default, not an integer primary key) that `keys` does not give.
 */
export function inserter(db: Db, table: string, keys: string[], verb = 'INSERT') {
  const columns = columnsOf(db, table);
  if (columns.length === 0) throw new Error(`table ${table} does not exist`);
  const present = new Set(columns.map((c) => c.name));
  // An INTEGER PRIMARY KEY is the rowid: SQLite assigns it.
  const rowid = (c: ColumnInfo) => c.pk === 1 && columns.filter((x) => x.pk > 0).length === 1 && /^INTEGER$/i.test(c.type);
  const missing = columns.filter((c) => c.notnull && c.dflt_value === null && !rowid(c) && !keys.includes(c.name));
  if (missing.length > 0) throw new Error(`the benchmark's seed does not fill ${table}.${missing.map((c) => c.name).join(', ')}; update scripts/bench for the new schema`);
  const used = keys.filter((k) => present.has(k));
  return db.prepare(`${verb} INTO "${table}" (${used.map((k) => `"${k}"`).join(', ')}) VALUES (${used.map((k) => `@${k}`).join(', ')})`);
}

export const randomId = () => randomBytes(16).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Inserts learners. Tokens live in Learner.tokenHash or, in newer schemas, in LearnerToken;
 * whichever this database has is filled.
 */
export function learnerWriter(db: Db) {
  const learnerCols = new Set(columnsOf(db, 'Learner').map((c) => c.name));
  const tokenTable = hasTable(db, 'LearnerToken');
  const learnerKeys = ['id', 'tokenHash', 'timeZone', 'desiredRetention', 'newPerDay', 'reviewsPerDay', 'typeAnswers', 'createdAt', 'updatedAt'].filter((k) => learnerCols.has(k));
  const insertLearner = inserter(db, 'Learner', learnerKeys);
  const insertToken = tokenTable ? inserter(db, 'LearnerToken', ['tokenHash', 'learnerId', 'createdAt']) : null;
  return (learner: { id: string; token: string; newPerDay?: number; reviewsPerDay?: number; createdAt: string }) => {
    const tokenHash = hashToken(learner.token);
    insertLearner.run({
      id: learner.id,
      tokenHash,
      timeZone: 'UTC',
      desiredRetention: 0.9,
      newPerDay: learner.newPerDay ?? 20,
      reviewsPerDay: learner.reviewsPerDay ?? 200,
      typeAnswers: 1,
      createdAt: learner.createdAt,
      updatedAt: learner.createdAt,
    });
    insertToken?.run({ tokenHash, learnerId: learner.id, createdAt: learner.createdAt });
  };
}

export const CARD_KEYS = ['learnerId', 'questionId', 'due', 'stability', 'difficulty', 'scheduledDays', 'learningSteps', 'reps', 'lapses', 'state', 'lastReview', 'suspended', 'buriedUntil', 'createdAt', 'updatedAt'];
export const LOG_KEYS = ['reviewId', 'learnerId', 'questionId', 'rating', 'state', 'due', 'lastReview', 'stability', 'difficulty', 'scheduledDays', 'learningSteps', 'review', 'durationMs', 'source'];

/** A plausible FSRS card row: mostly review cards spread from 20 days overdue to 60 days ahead. */
export function plausibleCard(learnerId: string, questionId: string, nowMs: number, rand: () => number) {
  const roll = rand();
  const state = roll < 0.1 ? 1 : roll < 0.15 ? 3 : 2;
  const dueOffset = state === 2 ? (rand() * 80 - 20) * 86_400_000 : (rand() * 2 - 1) * 3_600_000;
  const reps = 1 + Math.floor(rand() * 12);
  const last = nowMs - rand() * 30 * 86_400_000;
  const createdAt = isoDb(last - 86_400_000 * reps);
  return {
    learnerId,
    questionId,
    due: isoDb(nowMs + dueOffset),
    stability: 0.5 + rand() * 60,
    difficulty: 1 + rand() * 9,
    scheduledDays: state === 2 ? Math.max(1, Math.round(rand() * 60)) : 0,
    learningSteps: state === 2 ? 0 : Math.floor(rand() * 2),
    reps,
    lapses: Math.floor(rand() * Math.min(reps, 3)),
    state,
    lastReview: isoDb(last),
    suspended: rand() < 0.03 ? 1 : 0,
    buriedUntil: null,
    createdAt,
    updatedAt: isoDb(last),
  };
}

