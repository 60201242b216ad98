import 'server-only';
import { createHash } from 'node:crypto';
import { assignmentStatus } from '@/lib/classroom/reveal';
import { ROW_ID } from '@/lib/row-id';
import type { TeacherRef } from './auth';
import { inReadSession } from './db';
import { notFound } from './errors';
import { assignmentReport, type AssignmentReport } from './reports';
import { dateOrNullFromSql, inList, sql, type SqlSession } from './sql';

/**
 * Everything a report is computed from, read from the database itself, so it is right whichever
 * process wrote: the assignment row and its set's (every column, so a new setting counts too),
 * its items' versions, the roster and the attempts row by row (a rename, a leave or a reset
 * changes no count; the columns a row can change after it is inserted), and the count and highest id of its answers and flashcard reviews
 * (AUTOINCREMENT ids are never reused: an insert raises the highest, a delete lowers the count).
 * A new input of assignmentReport() must be added here.
 */
async function reportInputs(session: SqlSession, assignmentId: string) {
  const assignment = await session.get<{ teacherId: string; itemIds: string; dueAt: string | Date | null; closedAt: string | Date | null }>(
    sql`SELECT a.*, s.title AS setTitle, s.updatedAt AS setUpdatedAt FROM Assignment a JOIN QuestionSet s ON s.id = a.setId WHERE a.id = ${assignmentId}`,
  );
  if (!assignment) return null;
  const itemIds = JSON.parse(assignment.itemIds) as string[];
  return {
    assignment,
    items: await session.get(sql`SELECT count(*) AS n, max(updatedAt) AS updatedAt FROM Question WHERE id IN ${inList(itemIds)}`),
    // Ids, and what can change on a row once it exists.
    students: await session.all(sql`SELECT id, nickname, leftAt FROM AssignmentStudent WHERE assignmentId = ${assignmentId} ORDER BY id`),
    attempts: await session.all(
      sql`SELECT id, submittedAt, score, late, resetAt FROM QuizAttempt WHERE assignmentId = ${assignmentId} ORDER BY id`,
    ),
    answers: await session.get(
      sql`SELECT count(*) AS n, max(r.id) AS last FROM QuizResponse r JOIN QuizAttempt t ON t.id = r.attemptId WHERE t.assignmentId = ${assignmentId}`,
    ),
    reviews: await session.get(sql`SELECT count(*) AS n, max(id) AS last FROM ReviewLog WHERE assignmentId = ${assignmentId}`),
  };
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
  const inputs = await inReadSession((session) => reportInputs(session, assignmentId));
  if (!inputs || inputs.assignment.teacherId !== teacher.id) throw notFound('That assignment');
  const { dueAt, closedAt } = inputs.assignment;
  const status = assignmentStatus({ closedAt: dateOrNullFromSql(closedAt), dueAt: dateOrNullFromSql(dueAt), now });
  return createHash('sha256')
    .update(JSON.stringify([status, inputs]))
    .digest('base64url');
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
