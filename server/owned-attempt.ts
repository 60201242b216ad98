import 'server-only';
import type { LateWorkPolicy } from '@/lib/classroom/reveal';
import { ROW_ID } from '@/lib/row-id';
import { notFound } from './errors';
import { boolFromSql, dateFromSql, dateOrNullFromSql, sql, type SqlSession } from './sql';

/** A quiz attempt with what every rule about it reads: its set's title, its assignment's rules and its student's state. */
export interface OwnedAttempt {
  id: string;
  learnerId: string;
  setId: string | null;
  setTitle: string | null;
  itemIds: string[];
  seed: string;
  startedAt: Date;
  submittedAt: Date | null;
  score: number | null;
  maxScore: number | null;
  late: boolean;
  resetAt: Date | null;
  assignmentId: string | null;
  assignment: { reveal: string; dueAt: Date | null; lateWork: LateWorkPolicy; closedAt: Date | null; mastery: boolean } | null;
  student: { leftAt: Date | null };
}

interface Row {
  id: string;
  learnerId: string;
  setId: string | null;
  setTitle: string | null;
  itemIds: string;
  seed: string;
  startedAt: string | Date;
  submittedAt: string | Date | null;
  score: number | null;
  maxScore: number | null;
  late: number | boolean;
  resetAt: string | Date | null;
  assignmentId: string | null;
  reveal: string | null;
  dueAt: string | Date | null;
  lateWork: string | null;
  closedAt: string | Date | null;
  mastery: number | boolean | null;
  leftAt: string | Date | null;
}

/** The learner's attempt; another learner's attempt is indistinguishable from a missing one (404). */
export async function ownedAttempt(session: SqlSession, learnerId: string, attemptId: string): Promise<OwnedAttempt> {
  const row = ROW_ID.test(attemptId)
    ? await session.get<Row>(sql`SELECT a.id, a.learnerId, a.setId, qs.title AS setTitle, a.itemIds, a.seed, a.startedAt, a.submittedAt,
        a.score, a.maxScore, a.late, a.resetAt, a.assignmentId, s.reveal, s.dueAt, s.lateWork, s.closedAt, s.mastery, st.leftAt
      FROM QuizAttempt a LEFT JOIN QuestionSet qs ON qs.id = a.setId LEFT JOIN Assignment s ON s.id = a.assignmentId
        LEFT JOIN AssignmentStudent st ON st.id = a.studentId
      WHERE a.id = ${attemptId}`)
    : undefined;
  if (!row || row.learnerId !== learnerId) throw notFound('That quiz attempt');
  return {
    id: row.id,
    learnerId: row.learnerId,
    setId: row.setId,
    setTitle: row.setTitle,
    itemIds: JSON.parse(row.itemIds) as string[],
    seed: row.seed,
    startedAt: dateFromSql(row.startedAt),
    submittedAt: dateOrNullFromSql(row.submittedAt),
    score: row.score,
    maxScore: row.maxScore,
    late: boolFromSql(row.late),
    resetAt: dateOrNullFromSql(row.resetAt),
    assignmentId: row.assignmentId,
    assignment:
      row.assignmentId === null
        ? null
        : {
            reveal: row.reveal!,
            dueAt: dateOrNullFromSql(row.dueAt),
            lateWork: row.lateWork as LateWorkPolicy,
            closedAt: dateOrNullFromSql(row.closedAt),
            mastery: boolFromSql(row.mastery!),
          },
    student: { leftAt: dateOrNullFromSql(row.leftAt) },
  };
}
