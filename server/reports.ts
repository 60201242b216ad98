import 'server-only';
import { toCsv } from '@/lib/classroom/csv';
import { commonWrongAnswers, itemStatistics } from '@/lib/classroom/item-stats';
import type { AssignmentReport, Cell, ReportStudent } from '@/lib/classroom/report-types';
import { judgeAttempts } from '@/lib/classroom/attempt-scoring';
import { finalAnswers } from '@/lib/classroom/rounds';
import type { RevealPolicy } from '@/lib/classroom/reveal';
import { groupBy } from '@/lib/collections/group-by';
import type { QuizItem } from '@/lib/quiz/present';
import { assignmentStatus } from '@/lib/classroom/reveal';
import type { TeacherRef } from './auth';
import { ownedAssignment } from './assignments';
import type Database from 'better-sqlite3';
import { withSqlite } from './db';
import { itemsIn } from './items';
import { describeStoredResponse } from './response-descriptions';
import { dateFromSql, dateOrNullFromSql, prepared } from './sql';

export type { AssignmentReport, Cell, ReportStudent };

const cellFor = (score: number): Cell => (score >= 1 ? 'right' : score > 0 ? 'partial' : 'wrong');

interface ResponseRow {
  attemptId: string;
  itemId: string;
  round: number;
  response: string;
  score: number;
  correct: boolean;
  answeredAt: Date;
}

const CLASS_SQL = {
  students: 'SELECT id, learnerId, nickname, joinedAt, leftAt FROM AssignmentStudent WHERE assignmentId = ? ORDER BY joinedAt, id',
  attempts:
    'SELECT id, studentId, seed, startedAt, submittedAt, late, resetAt FROM QuizAttempt WHERE assignmentId = ? AND studentId IS NOT NULL ORDER BY startedAt, id',
  responses: `SELECT r.attemptId, r.questionId AS itemId, r.round, r.response, r.score, r.correct, r.answeredAt
    FROM QuizResponse r JOIN QuizAttempt t ON t.id = r.attemptId WHERE t.assignmentId = ? ORDER BY r.id`,
  // An item counts as done for a student once it was rated Good or Easy in the assignment.
  cardsDone:
    'SELECT learnerId, count(DISTINCT questionId) AS done FROM ReviewLog WHERE assignmentId = ? AND rating >= 3 GROUP BY learnerId',
};

/** The class's students, attempts (each with its responses) and flashcard progress, read in one go. */
function readClass(sqlite: Database.Database, assignmentId: string, itemIds: string[], flashcards: boolean) {
  const students = (
    prepared(sqlite, CLASS_SQL.students).all(assignmentId) as {
      id: string;
      learnerId: string;
      nickname: string;
      joinedAt: string;
      leftAt: string | null;
    }[]
  ).map((s) => ({
    ...s,
    joinedAt: dateFromSql(s.joinedAt),
    leftAt: dateOrNullFromSql(s.leftAt),
  }));
  const responses = groupBy(
    (
      prepared(sqlite, CLASS_SQL.responses).all(assignmentId) as (Omit<ResponseRow, 'correct' | 'answeredAt'> & {
        correct: number;
        answeredAt: string;
      })[]
    ).map((r) => ({
      ...r,
      correct: r.correct === 1,
      answeredAt: dateFromSql(r.answeredAt),
    })),
    (r) => r.attemptId,
  );
  const attempts = (
    prepared(sqlite, CLASS_SQL.attempts).all(assignmentId) as {
      id: string;
      studentId: string;
      seed: string;
      startedAt: string;
      submittedAt: string | null;
      late: number;
      resetAt: string | null;
    }[]
  ).map((t) => {
    const mine = responses.get(t.id) ?? [];
    const times = mine.map((r) => r.answeredAt.getTime());
    return {
      ...t,
      startedAt: dateFromSql(t.startedAt),
      submittedAt: dateOrNullFromSql(t.submittedAt),
      resetAt: dateOrNullFromSql(t.resetAt),
      late: t.late === 1,
      responses: mine,
      firstAnsweredAt: times.length ? new Date(Math.min(...times)) : null,
      lastAnsweredAt: times.length ? new Date(Math.max(...times)) : null,
      score: Math.round([...finalAnswers(mine).values()].reduce((sum, r) => sum + r.score, 0) * 100) / 100,
    };
  });
  const cardsDone = new Map(
    flashcards
      ? (prepared(sqlite, CLASS_SQL.cardsDone).all(assignmentId) as { learnerId: string; done: number }[]).map((r) => [r.learnerId, r.done])
      : [],
  );
  return { stored: itemsIn(sqlite, itemIds), students, attempts, cardsDone };
}

/**
 * The teacher's live view of an assignment: who joined and how far they are, a student ×
 * question matrix (latest attempt, final round), and item analysis on first attempts.
 */
export async function assignmentReport(teacher: TeacherRef | null, assignmentId: string, now = new Date()): Promise<AssignmentReport> {
  const a = await ownedAssignment(teacher, assignmentId);
  const itemIds = JSON.parse(a.itemIds) as string[];
  const { stored, students, attempts, cardsDone } = await withSqlite((sqlite) =>
    readClass(sqlite, assignmentId, itemIds, a.mode === 'flashcards'),
  );
  const attemptsOf = groupBy(attempts, (t) => t.studentId);

  const rows: ReportStudent[] = students.map((s) => {
    const mine = attemptsOf.get(s.id) ?? [];
    const verdicts = judgeAttempts(mine, a.reveal as RevealPolicy, a.dueAt);
    const counted = mine.find((t) => verdicts.find((v) => v.id === t.id)?.counted);
    const final = counted ? finalAnswers(counted.responses) : new Map<string, ResponseRow>();
    const cells: Record<string, Cell> = {};
    const answers: ReportStudent['answers'] = {};
    for (const id of itemIds) {
      const r = final.get(id);
      cells[id] = r ? cellFor(r.score) : null;
      const item = stored.get(id)?.item as QuizItem | undefined;
      answers[id] =
        r && item && counted ? { text: describeStoredResponse(item, r.response, counted.seed), score: r.score, round: r.round } : null;
    }
    const done = cardsDone.get(s.learnerId) ?? 0;
    const flashcardStatus = done >= itemIds.length ? 'finished' : done > 0 ? 'working' : 'joined';
    const quizStatus = !counted ? 'joined' : mine.some((t) => t.submittedAt && !t.resetAt) ? 'finished' : 'working';
    return {
      studentId: s.id,
      nickname: s.nickname,
      joinedAt: s.joinedAt.toISOString(),
      leftAt: s.leftAt?.toISOString() ?? null,
      status: a.mode === 'flashcards' ? flashcardStatus : quizStatus,
      attempts: mine.length,
      attemptList: mine.map((t, i) => {
        const verdict = verdicts[i]!;
        return {
          attemptId: t.id,
          number: i + 1,
          startedAt: t.startedAt.toISOString(),
          submittedAt: t.submittedAt?.toISOString() ?? null,
          resetAt: t.resetAt?.toISOString() ?? null,
          score: t.score,
          late: t.late,
          afterKeys: verdict.afterKeys,
          counted: verdict.counted,
        };
      }),
      score: counted ? counted.score : null,
      scoreAfterKeys: counted ? verdicts.find((v) => v.id === counted.id)!.afterKeys : false,
      maxScore: itemIds.length,
      startedAt: counted?.startedAt.toISOString() ?? null,
      submittedAt: counted?.submittedAt?.toISOString() ?? null,
      timeTakenMs: counted?.submittedAt ? counted.submittedAt.getTime() - counted.startedAt.getTime() : null,
      late: mine.some((t) => t.late),
      cardsDone: done,
      cells,
      answers,
    };
  });

  // Item analysis uses each student's first submitted attempt, round 1 only (as Moodle does).
  const firstAttempts = students.flatMap((s) => {
    const first = attemptsOf.get(s.id)?.find((t) => t.submittedAt);
    if (!first) return [];
    const firstRound = new Map(first.responses.filter((r) => r.round === 1).map((r) => [r.itemId, r.score]));
    const marks = Object.fromEntries(itemIds.map((id) => [id, firstRound.get(id) ?? 0]));
    return [{ studentId: s.id, marks, attempt: first }];
  });
  const statistics =
    firstAttempts.length > 0
      ? itemStatistics(
          firstAttempts,
          itemIds.map((itemId) => ({ itemId, maxMark: 1 })),
        )
      : null;
  const wrongAnswers = commonWrongAnswers(
    firstAttempts.flatMap(({ attempt }) =>
      attempt.responses
        .filter((r) => r.round === 1)
        .flatMap((r) => {
          const item = stored.get(r.itemId)?.item as QuizItem | undefined;
          return item ? [{ itemId: r.itemId, answerText: describeStoredResponse(item, r.response, attempt.seed), correct: r.correct }] : [];
        }),
    ),
  );
  return {
    assignment: {
      id: a.id,
      title: a.title,
      code: a.code,
      mode: a.mode,
      setTitle: a.set.title,
      dueAt: a.dueAt?.toISOString() ?? null,
      closed: a.closedAt !== null,
      rosterLocked: a.rosterLockedAt !== null,
      status: assignmentStatus({ closedAt: a.closedAt, dueAt: a.dueAt, now }),
    },
    items: itemIds.map((id) => ({ itemId: id, prompt: stored.get(id)?.item.prompt ?? id, type: stored.get(id)?.item.type ?? 'single' })),
    students: rows,
    statistics: statistics && firstAttempts.length >= 5 ? statistics : statistics ? { ...statistics, internalConsistency: null } : null,
    wrongAnswers,
    alphaShownFrom: 5,
    generatedAt: now.toISOString(),
  };
}

/** One row per student: nickname, started, submitted, late, score, then each item's mark. */
export async function assignmentCsv(teacher: TeacherRef | null, assignmentId: string): Promise<{ filename: string; csv: string }> {
  const report = await assignmentReport(teacher, assignmentId);
  const header = ['nickname', 'started', 'submitted', 'late', 'score', ...report.items.map((i) => i.itemId)];
  const rows = report.students.map((s) => [
    s.nickname,
    s.startedAt ? new Date(s.startedAt) : null,
    s.submittedAt ? new Date(s.submittedAt) : null,
    s.late,
    s.score,
    ...report.items.map((i) => s.answers[i.itemId]?.score ?? null),
  ]);
  const slug =
    report.assignment.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'assignment';
  return { filename: `${slug}-results.csv`, csv: toCsv(header, rows) };
}
