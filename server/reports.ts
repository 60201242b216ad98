import 'server-only';
import { toCsv } from '@/lib/classroom/csv';
import { commonWrongAnswers, itemStatistics } from '@/lib/classroom/item-stats';
import type { AssignmentReport, Cell, ReportStudent } from '@/lib/classroom/report-types';
import { finalAnswers } from '@/lib/classroom/rounds';
import { describeResponse } from '@/lib/grading/describe';
import type { QuizItem } from '@/lib/quiz/present';
import { assignmentStatus } from '@/lib/classroom/reveal';
import type { TeacherRef } from './auth';
import { ownedAssignment } from './assignments';
import { getDb } from './db';
import { loadItems } from './items';

export type { AssignmentReport, Cell, ReportStudent };

const cellFor = (score: number): Cell => (score >= 1 ? 'right' : score > 0 ? 'partial' : 'wrong');

/**
 * The teacher's live view of an assignment: who joined and how far they are, a student ×
 * question matrix (latest attempt, final round), and item analysis on first attempts.
 */
export async function assignmentReport(teacher: TeacherRef | null, assignmentId: string, now = new Date()): Promise<AssignmentReport> {
  const a = await ownedAssignment(teacher, assignmentId);
  const db = await getDb();
  const itemIds = JSON.parse(a.itemIds) as string[];
  const [stored, students, attempts, reviewed] = await Promise.all([
    loadItems(itemIds),
    db.assignmentStudent.findMany({ where: { assignmentId }, orderBy: { joinedAt: 'asc' } }),
    db.quizAttempt.findMany({ where: { assignmentId }, orderBy: { startedAt: 'asc' }, include: { responses: true } }),
    a.mode === 'flashcards'
      ? db.reviewLog.findMany({ where: { assignmentId, rating: { gte: 3 } }, distinct: ['learnerId', 'questionId'], select: { learnerId: true } })
      : Promise.resolve([]),
  ]);

  const rows: ReportStudent[] = students.map((s) => {
    const mine = attempts.filter((t) => t.studentId === s.id);
    const latest = mine.at(-1);
    const final = latest ? finalAnswers(latest.responses.map((r) => ({ ...r, itemId: r.questionId }))) : new Map();
    const cells: Record<string, Cell> = {};
    const answers: ReportStudent['answers'] = {};
    for (const id of itemIds) {
      const r = final.get(id);
      cells[id] = r ? cellFor(r.score) : null;
      const item = stored.get(id)?.item as QuizItem | undefined;
      answers[id] = r && item && latest ? { text: describeResponse(item, JSON.parse(r.response), latest.seed), score: r.score, round: r.round } : null;
    }
    const score = latest ? [...final.values()].reduce((sum, r) => sum + r.score, 0) : null;
    return {
      studentId: s.id,
      nickname: s.nickname,
      joinedAt: s.joinedAt.toISOString(),
      status: !latest ? 'joined' : latest.submittedAt ? 'finished' : 'working',
      attempts: mine.length,
      score: score === null ? null : Math.round(score * 100) / 100,
      maxScore: itemIds.length,
      startedAt: latest?.startedAt.toISOString() ?? null,
      submittedAt: latest?.submittedAt?.toISOString() ?? null,
      timeTakenMs: latest?.submittedAt ? latest.submittedAt.getTime() - latest.startedAt.getTime() : null,
      late: mine.some((t) => t.late),
      cardsDone: reviewed.filter((r) => r.learnerId === s.learnerId).length,
      cells,
      answers,
    };
  });

  // Item analysis uses each student's first submitted attempt, round 1 only (as Moodle does).
  const firstAttempts = students.flatMap((s) => {
    const first = attempts.find((t) => t.studentId === s.id && t.submittedAt);
    if (!first) return [];
    const marks = Object.fromEntries(itemIds.map((id) => [id, first.responses.find((r) => r.questionId === id && r.round === 1)?.score ?? 0]));
    return [{ studentId: s.id, marks, attempt: first }];
  });
  const statistics = firstAttempts.length > 0 ? itemStatistics(firstAttempts, itemIds.map((itemId) => ({ itemId, maxMark: 1 }))) : null;
  const wrongAnswers = commonWrongAnswers(
    firstAttempts.flatMap(({ attempt }) =>
      attempt.responses
        .filter((r) => r.round === 1)
        .flatMap((r) => {
          const item = stored.get(r.questionId)?.item as QuizItem | undefined;
          return item ? [{ itemId: r.questionId, answerText: describeResponse(item, JSON.parse(r.response), attempt.seed), correct: r.correct }] : [];
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
  const slug = report.assignment.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'assignment';
  return { filename: `${slug}-results.csv`, csv: toCsv(header, rows) };
}
