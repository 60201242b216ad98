import 'server-only';
import type Database from 'better-sqlite3';
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
import { withSqlite } from './db';
import { readerHref } from './items';
import { dateOrNullFromSql, prepared, sqlDate } from './sql';

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

const SECURE_ASSIGNMENTS = `SELECT itemIds, closedAt, dueAt, lateWork FROM Assignment WHERE security = 'secure' AND closedAt IS NULL
  UNION ALL SELECT itemIds, closedAt, dueAt, lateWork FROM Assignment WHERE security = 'secure' AND closedAt IS NOT NULL AND closedAt > ?`;

/** withheldFromSelfStudy inside a raw connection or transaction. */
export function withheldIn(sqlite: Database.Database, now: Date): Map<string, Date | null> {
  const rows = prepared(sqlite, SECURE_ASSIGNMENTS).all(sqlDate(now)) as {
    itemIds: string;
    closedAt: string | null;
    dueAt: string | null;
    lateWork: string;
  }[];
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
  return withSqlite((sqlite) => withheldIn(sqlite, now));
}

const ASSIGNMENT_FOR_STUDENT = `SELECT a.mode, a.reveal, a.dueAt, a.itemIds FROM AssignmentStudent st JOIN Assignment a ON a.id = st.assignmentId
  WHERE st.assignmentId = ? AND st.learnerId = ?`;
const STUDENT_ATTEMPTS = `SELECT t.id, t.itemIds, t.submittedAt, (SELECT json_group_array(questionId) FROM QuizResponse r WHERE r.attemptId = t.id) AS answered
  FROM QuizAttempt t WHERE t.assignmentId = ? AND t.learnerId = ?`;

/**
 * What the learner may see now of each item of an assignment they joined (null when they have
 * not joined it): in a quiz, the most an attempt of theirs has revealed of the item.
 */
export function assignmentVisibilityIn(
  sqlite: Database.Database,
  learnerId: string,
  assignmentId: string,
  now: Date,
): Map<string, RevealDecision> | null {
  const a = prepared(sqlite, ASSIGNMENT_FOR_STUDENT).get(assignmentId, learnerId) as
    { mode: string; reveal: string; dueAt: string | null; itemIds: string } | undefined;
  if (!a) return null;
  const attempts = (
    prepared(sqlite, STUDENT_ATTEMPTS).all(assignmentId, learnerId) as { itemIds: string; submittedAt: string | null; answered: string }[]
  ).map((t) => ({
    itemIds: new Set(JSON.parse(t.itemIds) as string[]),
    submitted: t.submittedAt !== null,
    answered: new Set(JSON.parse(t.answered) as string[]),
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

const MET_IN_SELF_STUDY = `SELECT 1 FROM ReviewLog WHERE learnerId = ? AND questionId = ? AND (assignmentId IS NULL OR source = 'flashcard') LIMIT 1`;
const ASSIGNMENTS_HOLDING = `SELECT st.assignmentId FROM AssignmentStudent st JOIN Assignment a ON a.id = st.assignmentId
  WHERE st.learnerId = ? AND EXISTS (SELECT 1 FROM json_each(a.itemIds) WHERE value = ?)`;

/**
 * Whether the learner may see an item's source (and have it highlighted in the reader) now: once
 * they have met it in self-study (answered it, or reviewed its card) while it is not withheld, or
 * once an assignment of theirs has revealed it. Never before: the source often holds the answer.
 */
export function maySeeSource(learnerId: string | null, itemId: string, now = new Date()): Promise<boolean> {
  if (!learnerId) return Promise.resolve(false);
  return withSqlite((sqlite) => {
    if (!withheldIn(sqlite, now).has(itemId) && prepared(sqlite, MET_IN_SELF_STUDY).get(learnerId, itemId)) return true;
    const assignments = prepared(sqlite, ASSIGNMENTS_HOLDING).all(learnerId, itemId) as { assignmentId: string }[];
    return assignments.some(
      ({ assignmentId }) => assignmentVisibilityIn(sqlite, learnerId, assignmentId, now)?.get(itemId)?.showSource === true,
    );
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
