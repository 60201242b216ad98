import 'server-only';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { pendingQuestions, type AnsweredRound } from '@/lib/classroom/rounds';
import type { LateWorkPolicy } from '@/lib/classroom/reveal';
import { gradeResponse } from '@/lib/grading/grade';
import { parseResponseFor } from '@/lib/grading/response';
import { idSchema } from '@/lib/questions/schema';
import type { QuizItem } from '@/lib/quiz/present';
import { checkAssignmentWrite } from './assignment-rules';
import { clientIdSchema } from './client-ids';
import { inWriteTransaction } from './db';
import { AppError, notFound, parseOrThrow } from './errors';
import { feedbackFor, visibleResult, withheldIn, type AnswerResult as VisibleAnswer } from './feedback';
import { itemsIn } from './items';
import { knownWordsFor, loadEnglishWords } from './known-words';
import type { LearnerRef } from './learners';
import { recordReview } from './review-recorder';
import { dateOrNullFromSql, prepared, sqlDate } from './sql';
import { ROW_ID } from '@/lib/row-id';

/** The answer's result as the student may see it, and whether the attempt has nothing left to ask. */
export type AnswerResult = VisibleAnswer & {
  /** True once no question is left, mastery rounds included: the client then offers the results. */
  finished: boolean;
};

export const answerInput = z.strictObject({
  answerId: clientIdSchema,
  itemId: idSchema,
  response: z.unknown().refine((v) => v !== undefined, { error: 'is required' }),
  durationMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 60 * 60 * 1000)
    .optional(),
});

interface AnsweringAttemptRow {
  id: string;
  learnerId: string;
  itemIds: string;
  seed: string;
  submittedAt: string | null;
  late: number;
  resetAt: string | null;
  assignmentId: string | null;
  leftAt: string | null;
  reveal: string | null;
  dueAt: string | null;
  lateWork: string | null;
  closedAt: string | null;
  mastery: number | null;
}

const ANSWERING_ATTEMPT = `SELECT a.id, a.learnerId, a.itemIds, a.seed, a.submittedAt, a.late, a.resetAt, a.assignmentId, s.reveal, s.dueAt, s.lateWork, s.closedAt, s.mastery, st.leftAt
  FROM QuizAttempt a LEFT JOIN Assignment s ON s.id = a.assignmentId LEFT JOIN AssignmentStudent st ON st.id = a.studentId WHERE a.id = ?`;
const RESPONSE_BY_ANSWER_ID = 'SELECT questionId, response, score, correct FROM QuizResponse WHERE attemptId = ? AND answerId = ?';
const ROUNDS_SO_FAR = 'SELECT questionId AS itemId, round, correct FROM QuizResponse WHERE attemptId = ?';
const MARK_LATE = 'UPDATE QuizAttempt SET late = 1 WHERE id = ?';
const INSERT_RESPONSE = `INSERT INTO QuizResponse (attemptId, answerId, questionId, round, response, score, correct, answeredAt, durationMs)
  VALUES (@attemptId, @answerId, @questionId, @round, @response, @score, @correct, @answeredAt, @durationMs)`;

/** The attempt and its assignment's rules, read inside the answer's transaction. */
function answeringAttempt(sqlite: Database.Database, learnerId: string, attemptId: string) {
  const row = ROW_ID.test(attemptId) ? (prepared(sqlite, ANSWERING_ATTEMPT).get(attemptId) as AnsweringAttemptRow | undefined) : undefined;
  // Another learner's attempt is indistinguishable from a missing one.
  if (!row || row.learnerId !== learnerId) throw notFound('That quiz attempt');
  return {
    id: row.id,
    itemIds: JSON.parse(row.itemIds) as string[],
    seed: row.seed,
    submittedAt: dateOrNullFromSql(row.submittedAt),
    late: row.late === 1,
    resetAt: dateOrNullFromSql(row.resetAt),
    assignmentId: row.assignmentId,
    leftAt: dateOrNullFromSql(row.leftAt),
    assignment:
      row.assignmentId === null
        ? null
        : {
            reveal: row.reveal!,
            dueAt: dateOrNullFromSql(row.dueAt),
            lateWork: row.lateWork as LateWorkPolicy,
            closedAt: dateOrNullFromSql(row.closedAt),
            mastery: row.mastery === 1,
          },
  };
}

/** The rounds answered so far in the attempt. */
function roundsSoFar(sqlite: Database.Database, attemptId: string): AnsweredRound[] {
  return (prepared(sqlite, ROUNDS_SO_FAR).all(attemptId) as { itemId: string; round: number; correct: number }[]).map((r) => ({
    ...r,
    correct: r.correct === 1,
  }));
}

/** The questions still to ask in the attempt, given its rounds. */
function pendingIn(attempt: ReturnType<typeof answeringAttempt>, rounds: AnsweredRound[]) {
  return pendingQuestions(attempt.itemIds, rounds, attempt.assignment?.mastery ?? false);
}

/**
 * Grades one answer on the server, stores it and records it as a review (right → Good,
 * wrong → Again) in one transaction. Repeating an `answerId` returns the first result and
 * writes nothing; a second answer to the same question is refused with 409.
 */
export async function answerQuestion(learner: LearnerRef, attemptId: string, input: unknown, now = new Date()): Promise<AnswerResult> {
  const body = parseOrThrow(answerInput, input);
  loadEnglishWords();
  return inWriteTransaction((sqlite) => {
    const attempt = answeringAttempt(sqlite, learner.id, attemptId);
    const previous = prepared(sqlite, RESPONSE_BY_ANSWER_ID).get(attempt.id, body.answerId) as
      { questionId: string; response: string; score: number; correct: number } | undefined;
    if (previous) {
      if (previous.questionId !== body.itemId) {
        throw new AppError('conflict', `answerId: "${body.answerId}" was already used for another question`, ['answerId']);
      }
      const stored = itemsIn(sqlite, [previous.questionId]).get(previous.questionId)!;
      const correct = previous.correct === 1;
      const feedback = feedbackFor(
        stored.item as QuizItem,
        stored.articleSlug,
        JSON.parse(previous.response),
        attempt.seed,
        previous.score,
        correct,
        false,
      );
      return {
        ...visibleResult(attempt, now, previous.score, correct, feedback),
        finished: pendingIn(attempt, roundsSoFar(sqlite, attempt.id)).length === 0,
      };
    }
    if (attempt.submittedAt) throw new AppError('conflict', 'This quiz was already submitted; start a new attempt to answer again.');
    if (!attempt.itemIds.includes(body.itemId))
      throw new AppError('not_found', `itemId: "${body.itemId}" is not a question of this attempt`, ['itemId']);
    if (!attempt.assignment && withheldIn(sqlite, now).has(body.itemId)) {
      throw new AppError(
        'conflict',
        `itemId: "${body.itemId}" is held back for a class assignment for now; answer it once it returns to self-study`,
        ['itemId'],
      );
    }
    const { late } = attempt.assignment
      ? checkAssignmentWrite({ write: 'answer', assignment: attempt.assignment, student: { leftAt: attempt.leftAt }, attempt, now })
      : { late: false };
    const rounds = roundsSoFar(sqlite, attempt.id);
    const slot = pendingIn(attempt, rounds).find((p) => p.itemId === body.itemId);
    if (!slot) throw new AppError('conflict', `itemId: "${body.itemId}" was already answered in this attempt`, ['itemId']);

    const stored = itemsIn(sqlite, [body.itemId]).get(body.itemId)!;
    const item = stored.item as QuizItem;
    const parsed = parseResponseFor(item, body.response, attempt.seed);
    if (!parsed.ok)
      throw new AppError('invalid_input', `response${parsed.path.length ? '.' + parsed.path.join('.') : ''}: ${parsed.message}`, [
        'response',
        ...parsed.path,
      ]);
    const grade = gradeResponse(
      item,
      parsed.response,
      attempt.seed,
      item.type === 'typed' ? { isKnownWord: knownWordsFor(sqlite, stored.articleSlug) } : {},
    );

    if (late && !attempt.late) prepared(sqlite, MARK_LATE).run(attempt.id);
    prepared(sqlite, INSERT_RESPONSE).run({
      attemptId: attempt.id,
      answerId: body.answerId,
      questionId: item.id,
      round: slot.round,
      response: JSON.stringify(parsed.response),
      score: grade.score,
      correct: grade.correct ? 1 : 0,
      answeredAt: sqlDate(now),
      durationMs: body.durationMs ?? null,
    });
    recordReview(sqlite, {
      learner,
      questionId: item.id,
      reviewId: `quiz-${attempt.id}-${body.answerId}`,
      rating: grade.correct ? 'good' : 'again',
      durationMs: body.durationMs ?? 0,
      source: 'quiz',
      now,
      assignmentId: attempt.assignmentId,
    });
    const feedback = feedbackFor(item, stored.articleSlug, parsed.response, attempt.seed, grade.score, grade.correct, grade.typo === true);
    const finished = pendingIn(attempt, [...rounds, { itemId: item.id, round: slot.round, correct: grade.correct }]).length === 0;
    return { ...visibleResult(attempt, now, grade.score, grade.correct, feedback), finished };
  });
}
