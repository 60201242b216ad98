import 'server-only';
import {
  itemsWithheldFromSelfStudy,
  itemVisibility,
  revealDecision,
  type LateWorkPolicy,
  type RevealDecision,
  type RevealPolicy,
  type SecurityMode,
} from '@/lib/classroom/reveal';
import { describeKey, describeResponse } from '@/lib/grading/describe';
import { answerMarks } from '@/lib/grading/marks';
import { sourcesOf } from '@/lib/questions/schema';
import type { AnswerFeedback } from '@/lib/quiz/feedback';
import type { QuizItem } from '@/lib/quiz/present';
import { inReadSession } from './db';
import { readerHref } from './items';
import { dateOrNullFromSql, sql, type SqlSession } from './sql';

/*
 * What a learner may see of an item, for every page, API, export and server action: the rules are
 * lib/classroom/reveal.ts (itemVisibility, itemsWithheldFromSelfStudy); this module reads what
 * they depend on.
 */

/** What the student may see of a graded answer; null fields where the teacher holds them back. */
export interface AnswerResult {
  recorded: true;
  score: number | null;
  correct: boolean | null;
  feedback: AnswerFeedback | null;
}

/** What reveals depend on: whether the attempt is submitted, and its assignment's policy. */
export interface RevealContext {
  submittedAt: Date | null;
  assignment: { reveal: string; dueAt: Date | null } | null;
}

/**
 * What of a graded answer the student may see now: everything in self-study (a self-study quiz
 * never holds a withheld item: startAttempt refuses them), the reveal policy in an assignment.
 */
export function reveals(attempt: RevealContext, now: Date, submitted = attempt.submittedAt !== null): RevealDecision {
  if (!attempt.assignment) return itemVisibility({ kind: 'self_study', withheld: false });
  return revealDecision({ policy: attempt.assignment.reveal as RevealPolicy, submitted, dueAt: attempt.assignment.dueAt, now });
}

/** withheldFromSelfStudy inside a session or transaction. */
export async function withheldIn(session: SqlSession, now: Date): Promise<Map<string, Date | null>> {
  const rows = await session.all<{ itemIds: string; closedAt: string | Date | null; dueAt: string | Date | null; lateWork: string }>(
    sql`SELECT itemIds, closedAt, dueAt, lateWork FROM Assignment WHERE security = 'secure' AND closedAt IS NULL
      UNION ALL SELECT itemIds, closedAt, dueAt, lateWork FROM Assignment WHERE security = 'secure' AND closedAt IS NOT NULL AND closedAt > ${now}`,
  );
  return itemsWithheldFromSelfStudy(
    rows.map((r) => ({
      security: 'secure' as SecurityMode,
      itemIds: JSON.parse(r.itemIds) as string[],
      closedAt: dateOrNullFromSql(r.closedAt),
      dueAt: dateOrNullFromSql(r.dueAt),
      lateWork: r.lateWork as LateWorkPolicy,
    })),
    now,
  );
}

/**
 * The items withheld from everyone's self-study now (open Secure assignments), each with when it
 * returns (null: when the teacher closes the assignment). Anything that hands items out outside
 * an assignment (quizzes, flashcards, the sets API, the reader, a future Anki or Moodle export)
 * leaves these out.
 */
export function withheldFromSelfStudy(now = new Date()): Promise<Map<string, Date | null>> {
  return inReadSession((session) => withheldIn(session, now));
}

/**
 * What the learner may see now of each item of an assignment they joined (null when they have
 * not joined it): in a quiz, the most an attempt of theirs has revealed of the item.
 */
export async function assignmentVisibilityIn(
  session: SqlSession,
  learnerId: string,
  assignmentId: string,
  now: Date,
): Promise<Map<string, RevealDecision> | null> {
  const a = await session.get<{ mode: string; reveal: string; dueAt: string | Date | null; itemIds: string }>(
    sql`SELECT a.mode, a.reveal, a.dueAt, a.itemIds FROM AssignmentStudent st JOIN Assignment a ON a.id = st.assignmentId
      WHERE st.assignmentId = ${assignmentId} AND st.learnerId = ${learnerId}`,
  );
  if (!a) return null;
  const attemptRows = await session.all<{ id: string; itemIds: string; submittedAt: string | Date | null }>(
    sql`SELECT id, itemIds, submittedAt FROM QuizAttempt WHERE assignmentId = ${assignmentId} AND learnerId = ${learnerId}`,
  );
  const answeredRows = await session.all<{ attemptId: string; questionId: string }>(
    sql`SELECT r.attemptId, r.questionId FROM QuizResponse r JOIN QuizAttempt t ON t.id = r.attemptId
      WHERE t.assignmentId = ${assignmentId} AND t.learnerId = ${learnerId}`,
  );
  const attempts = attemptRows.map((t) => ({
    itemIds: new Set(JSON.parse(t.itemIds) as string[]),
    submitted: t.submittedAt !== null,
    answered: new Set(answeredRows.filter((r) => r.attemptId === t.id).map((r) => r.questionId)),
  }));
  const base = {
    kind: 'assignment' as const,
    mode: a.mode as 'quiz' | 'flashcards',
    policy: a.reveal as RevealPolicy,
    dueAt: dateOrNullFromSql(a.dueAt),
    now,
  };
  const shown = new Map<string, RevealDecision>();
  for (const itemId of JSON.parse(a.itemIds) as string[]) {
    const decisions = [
      null,
      ...attempts.filter((t) => t.itemIds.has(itemId)).map((t) => ({ submitted: t.submitted, answered: t.answered.has(itemId) })),
    ].map((attempt) => itemVisibility({ ...base, attempt }));
    shown.set(
      itemId,
      decisions.reduce((most, d) => ({
        showCorrectness: most.showCorrectness || d.showCorrectness,
        showKey: most.showKey || d.showKey,
        showExplanation: most.showExplanation || d.showExplanation,
        showSource: most.showSource || d.showSource,
      })),
    );
  }
  return shown;
}

/**
 * Whether the learner may see an item's source (and have it highlighted in the reader) now: once
 * they have met it in self-study (answered it, or reviewed its card) while it is not withheld, or
 * once an assignment of theirs has revealed it. Never before: the source often holds the answer.
 */
export function maySeeSource(learnerId: string | null, itemId: string, now = new Date()): Promise<boolean> {
  if (!learnerId) return Promise.resolve(false);
  return inReadSession(async (session) => {
    if (
      !(await withheldIn(session, now)).has(itemId) &&
      (await session.get(
        sql`SELECT 1 FROM ReviewLog WHERE learnerId = ${learnerId} AND questionId = ${itemId} AND (assignmentId IS NULL OR source = 'flashcard') LIMIT 1`,
      ))
    )
      return true;
    const assignments = await session.all<{ assignmentId: string; itemIds: string }>(
      sql`SELECT st.assignmentId, a.itemIds FROM AssignmentStudent st JOIN Assignment a ON a.id = st.assignmentId WHERE st.learnerId = ${learnerId}`,
    );
    for (const { assignmentId, itemIds } of assignments) {
      if (!(JSON.parse(itemIds) as string[]).includes(itemId)) continue;
      if ((await assignmentVisibilityIn(session, learnerId, assignmentId, now))?.get(itemId)?.showSource === true) return true;
    }
    return false;
  });
}

/** A response's grade: what feedbackFor and visibleResult report. */
export interface Grade {
  score: number;
  correct: boolean;
}

/** The full feedback on a response (visibleResult decides how much of it the student sees now). */
export function feedbackFor(
  item: QuizItem,
  {
    articleSlug,
    response,
    seed,
    score,
    correct,
    typo = false,
  }: Grade & { articleSlug: string; response: unknown; seed: string; typo?: boolean },
): AnswerFeedback {
  return {
    itemId: item.id,
    correct,
    score,
    yourAnswer: describeResponse(item, response as never, seed),
    key: describeKey(item),
    explanation: item.explanation,
    sources: sourcesOf(item),
    readerHref: readerHref(articleSlug, item.id),
    typo,
    marks: answerMarks(item, response as never, seed),
  };
}

/** The answer's result as the student may see it now. */
export function visibleResult(attempt: RevealContext, { score, correct }: Grade, feedback: AnswerFeedback, now: Date): AnswerResult {
  const show = reveals(attempt, now);
  if (!show.showCorrectness) return { recorded: true, score: null, correct: null, feedback: null };
  return {
    recorded: true,
    score,
    correct,
    feedback: {
      ...feedback,
      key: show.showKey ? feedback.key : '',
      marks: show.showKey ? feedback.marks : null,
      explanation: show.showExplanation ? feedback.explanation : '',
      sources: show.showSource ? feedback.sources : [],
      readerHref: show.showSource ? feedback.readerHref : '',
    },
  };
}
