import 'server-only';
import { average, median, percentCorrect } from '@/lib/classroom/class-summary';
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
import { inReadSession } from './db';
import { itemsIn } from './items';
import { describeStoredResponse } from './response-descriptions';
import { boolFromSql, dateFromSql, dateOrNullFromSql, numberFromSql, sql, type SqlSession } from './sql';

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

type SqlDate = string | Date;

/** The class's students, attempts (each with its responses) and flashcard progress, read in one go. */
async function readClass(
  session: SqlSession,
  { assignmentId, itemIds, flashcards }: { assignmentId: string; itemIds: string[]; flashcards: boolean },
) {
  const studentRows = await session.all<{ id: string; learnerId: string; nickname: string; joinedAt: SqlDate; leftAt: SqlDate | null }>(
    sql`SELECT id, learnerId, nickname, joinedAt, leftAt FROM AssignmentStudent WHERE assignmentId = ${assignmentId} ORDER BY joinedAt, id`,
  );
  const students = studentRows.map((s) => ({ ...s, joinedAt: dateFromSql(s.joinedAt), leftAt: dateOrNullFromSql(s.leftAt) }));
  const responseRows = await session.all<
    Omit<ResponseRow, 'correct' | 'answeredAt'> & { correct: number | boolean; answeredAt: SqlDate }
  >(sql`SELECT r.attemptId, r.questionId AS itemId, r.round, r.response, r.score, r.correct, r.answeredAt
    FROM QuizResponse r JOIN QuizAttempt t ON t.id = r.attemptId WHERE t.assignmentId = ${assignmentId} ORDER BY r.id`);
  const responses = groupBy(
    responseRows.map((r) => ({ ...r, correct: boolFromSql(r.correct), answeredAt: dateFromSql(r.answeredAt) })),
    (r) => r.attemptId,
  );
  const attemptRows = await session.all<{
    id: string;
    studentId: string;
    seed: string;
    startedAt: SqlDate;
    submittedAt: SqlDate | null;
    late: number | boolean;
    resetAt: SqlDate | null;
  }>(sql`SELECT id, studentId, seed, startedAt, submittedAt, late, resetAt FROM QuizAttempt
    WHERE assignmentId = ${assignmentId} AND studentId IS NOT NULL ORDER BY startedAt, id`);
  const attempts = attemptRows.map((t) => {
    const mine = responses.get(t.id) ?? [];
    const times = mine.map((r) => r.answeredAt.getTime());
    return {
      ...t,
      startedAt: dateFromSql(t.startedAt),
      submittedAt: dateOrNullFromSql(t.submittedAt),
      resetAt: dateOrNullFromSql(t.resetAt),
      late: boolFromSql(t.late),
      responses: mine,
      firstAnsweredAt: times.length ? new Date(Math.min(...times)) : null,
      lastAnsweredAt: times.length ? new Date(Math.max(...times)) : null,
      score: Math.round([...finalAnswers(mine).values()].reduce((sum, r) => sum + r.score, 0) * 100) / 100,
    };
  });
  // An item counts as done for a student once it was rated Good or Easy in the assignment.
  const doneRows = flashcards
    ? await session.all<{ learnerId: string; done: number | string }>(
        sql`SELECT learnerId, count(DISTINCT questionId) AS done FROM ReviewLog WHERE assignmentId = ${assignmentId} AND rating >= 3 GROUP BY learnerId`,
      )
    : [];
  const cardsDone = new Map(doneRows.map((r) => [r.learnerId, numberFromSql(r.done)]));
  return { stored: await itemsIn(session, itemIds), students, attempts, cardsDone };
}

/**
 * The teacher's live view of an assignment: who joined and how far they are, a student ×
 * question matrix (latest attempt, final round), and item analysis on first attempts.
 */
export async function assignmentReport(teacher: TeacherRef, assignmentId: string, now = new Date()): Promise<AssignmentReport> {
  const a = await ownedAssignment(teacher, assignmentId);
  const itemIds = JSON.parse(a.itemIds) as string[];
  const { stored, students, attempts, cardsDone } = await inReadSession((session) =>
    readClass(session, { assignmentId, itemIds, flashcards: a.mode === 'flashcards' }),
  );
  const attemptsOf = groupBy(attempts, (t) => t.studentId);

  const rows: ReportStudent[] = students.map((s) => {
    const mine = attemptsOf.get(s.id) ?? [];
    const verdicts = judgeAttempts(mine, a.reveal as RevealPolicy, a.dueAt);
    const verdictOf = (t: { id: string }) => verdicts.find((v) => v.id === t.id)!;
    const live = mine.filter((t) => !t.resetAt);
    // The score is always a submitted one: the counted attempt, or where that is still open, the
    // best submitted attempt (flagged). Open work is reported beside it, never in its place.
    const countedAttempt = mine.find((t) => verdictOf(t).counted);
    const bestSubmitted = live
      .filter((t) => t.submittedAt)
      .reduce<(typeof mine)[number] | undefined>((top, t) => (!top || t.score > top.score ? t : top), undefined);
    const scored = countedAttempt?.submittedAt ? countedAttempt : bestSubmitted;
    const open = live.find((t) => !t.submittedAt);
    const counted = scored ?? open;
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
    const quizStatus = scored ? (open ? 'retrying' : 'finished') : open ? 'working' : 'joined';
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
      score: scored ? scored.score : null,
      scoreAfterKeys: scored ? verdictOf(scored).afterKeys : false,
      inProgress: open ? { answered: finalAnswers(open.responses).size, score: open.score } : null,
      maxScore: itemIds.length,
      startedAt: counted?.startedAt.toISOString() ?? null,
      submittedAt: scored?.submittedAt?.toISOString() ?? null,
      timeTakenMs: scored?.submittedAt ? scored.submittedAt.getTime() - scored.startedAt.getTime() : null,
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
  const submittedRows = rows.filter((r) => r.score !== null);
  const scores = submittedRows.map((r) => r.score!);
  const correct = percentCorrect(
    itemIds,
    submittedRows.map((r) => Object.fromEntries(itemIds.map((id) => [id, r.answers[id]?.score ?? null]))),
  );
  return {
    summary: { submitted: scores.length, average: average(scores), median: median(scores), maxScore: itemIds.length },
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
    items: itemIds.map((id) => ({
      itemId: id,
      prompt: stored.get(id)?.item.prompt ?? id,
      type: stored.get(id)?.item.type ?? 'single',
      percentCorrect: correct[id] ?? null,
    })),
    students: rows,
    statistics: statistics && firstAttempts.length >= 5 ? statistics : statistics ? { ...statistics, internalConsistency: null } : null,
    wrongAnswers,
    alphaShownFrom: 5,
    generatedAt: now.toISOString(),
  };
}

/**
 * One row per student: nickname, started, submitted, late, score, then each item's mark. The
 * header names each item by id (stable for scripts); the row under it gives each question's text.
 */
export async function assignmentCsv(teacher: TeacherRef, assignmentId: string): Promise<{ filename: string; csv: string }> {
  const report = await assignmentReport(teacher, assignmentId);
  const header = ['nickname', 'started', 'submitted', 'late', 'score', ...report.items.map((i) => i.itemId)];
  const questions = ['question', '', '', '', '', ...report.items.map((i) => i.prompt)];
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
  return { filename: `${slug}-results.csv`, csv: toCsv(header, [questions, ...rows]) };
}
