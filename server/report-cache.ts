import 'server-only';
import { createHash } from 'node:crypto';
import { assignmentStatus } from '@/lib/classroom/reveal';
import { ROW_ID } from '@/lib/row-id';
import type { TeacherRef } from './auth';
import { withSqlite } from './db';
import { notFound } from './errors';
import { assignmentReport, type AssignmentReport } from './reports';
import { dateOrNullFromSql, prepared } from './sql';

/**
 * Everything a report is computed from, read in one statement from the database itself, so it is
 * right whichever process wrote: the assignment's settings, its set's and items' versions, the
 * roster and attempts row by row (a rename, a leave or a reset changes no count), and the count
 * and highest id of its answers and flashcard reviews (AUTOINCREMENT ids are never reused, so an
 * insert raises the highest and a delete lowers the count). A new input of assignmentReport()
 * must be added here.
 */
const FINGERPRINT = `SELECT a.teacherId, a.dueAt, a.closedAt,
  json_array(a.code, a.title, a.setId, a.itemIds, a.mode, a.dueAt, a.timeZone, a.attemptsAllowed, a.shuffle, a.reveal, a.lateWork,
    a.mastery, a.security, a.closedAt, a.rosterLockedAt, a.updatedAt, s.title, s.updatedAt) AS settings,
  (SELECT json_array(count(*), max(updatedAt)) FROM Question WHERE id IN (SELECT value FROM json_each(a.itemIds))) AS items,
  (SELECT json_group_array(json_array(id, learnerId, nickname, joinedAt, leftAt)) FROM AssignmentStudent WHERE assignmentId = a.id) AS students,
  (SELECT json_group_array(json_array(id, studentId, startedAt, submittedAt, late, resetAt)) FROM QuizAttempt WHERE assignmentId = a.id) AS attempts,
  (SELECT json_array(count(*), max(r.id)) FROM QuizResponse r JOIN QuizAttempt t ON t.id = r.attemptId WHERE t.assignmentId = a.id) AS answers,
  (SELECT json_array(count(*), max(id)) FROM ReviewLog WHERE assignmentId = a.id) AS reviews
  FROM Assignment a JOIN QuestionSet s ON s.id = a.setId WHERE a.id = ?`;

interface FingerprintRow {
  teacherId: string;
  dueAt: string | null;
  closedAt: string | null;
  settings: string;
  items: string;
  students: string;
  attempts: string;
  answers: string;
  reviews: string;
}

export interface CachedReport {
  report: AssignmentReport;
  /** The report as JSON, serialised once. */
  json: string;
  /** A weak ETag: the same for the same data in every process (only `generatedAt` may differ). */
  etag: string;
}

/** The report's version: a hash of its inputs and of the status the clock gives it now. */
async function reportVersion(teacher: TeacherRef | null, assignmentId: string, now: Date): Promise<string> {
  if (!teacher || !ROW_ID.test(assignmentId)) throw notFound('That assignment');
  const row = await withSqlite((sqlite) => prepared(sqlite, FINGERPRINT).get(assignmentId) as FingerprintRow | undefined);
  if (!row || row.teacherId !== teacher.id) throw notFound('That assignment');
  const status = assignmentStatus({ closedAt: dateOrNullFromSql(row.closedAt), dueAt: dateOrNullFromSql(row.dueAt), now });
  const inputs = [status, row.settings, row.items, row.students, row.attempts, row.answers, row.reviews].join('\n');
  return createHash('sha256').update(inputs).digest('base64url');
}

const KEPT = 32;
const cache = new Map<string, { version: string; entry: Promise<CachedReport> }>();

/**
 * The teacher's report of an assignment, recomputed only when its data changed (one indexed
 * query decides), and computed once for every request that asks while it is being computed.
 * Another teacher's assignment is a 404, checked on every call.
 */
export async function cachedAssignmentReport(teacher: TeacherRef | null, assignmentId: string, now = new Date()): Promise<CachedReport> {
  // The version is read before the data: a report is never older than the version it is kept under.
  const version = await reportVersion(teacher, assignmentId, now);
  const known = cache.get(assignmentId);
  if (known?.version === version) {
    cache.delete(assignmentId);
    cache.set(assignmentId, known);
    return known.entry;
  }
  const entry = assignmentReport(teacher, assignmentId, now).then((report) => ({
    report,
    json: JSON.stringify(report),
    etag: `W/"${version}"`,
  }));
  cache.delete(assignmentId);
  if (cache.size >= KEPT) cache.delete(cache.keys().next().value!);
  cache.set(assignmentId, { version, entry });
  entry.catch(() => {
    if (cache.get(assignmentId)?.entry === entry) cache.delete(assignmentId);
  });
  return entry;
}

/** Whether an If-None-Match header names this ETag (weak comparison, as RFC 9110 asks for GET). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => opaque(tag) === opaque(etag));
}
