import 'server-only';
import { z } from 'zod';
import { pendingQuestions, type AnsweredRound } from '@/lib/classroom/rounds';
import { gradeResponse } from '@/lib/grading/grade';
import { parseResponseFor } from '@/lib/grading/response';
import { idSchema } from '@/lib/questions/schema';
import type { QuizItem } from '@/lib/quiz/present';
import { checkAssignmentWrite } from './assignment-rules';
import { clientIdSchema } from './client-ids';
import { inWriteTransaction } from './db';
import { AppError, parseOrThrow } from './errors';
import { feedbackFor, visibleResult, withheldIn, type AnswerResult as VisibleAnswer } from './feedback';
import { itemsIn } from './items';
import { knownWordsFor } from './known-words';
import type { LearnerRef } from './learners';
import { recordReview } from './review-recorder';
import { ownedAttempt, type OwnedAttempt } from './owned-attempt';
import { boolFromSql, sql, type SqlSession } from './sql';

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

/** The rounds answered so far in the attempt. */
async function roundsSoFar(tx: SqlSession, attempt: OwnedAttempt): Promise<AnsweredRound[]> {
  const rows = await tx.all<{ itemId: string; round: number; correct: number | boolean }>(
    sql`SELECT questionId AS itemId, round, correct FROM QuizResponse WHERE attemptId = ${attempt.id}`,
  );
  return rows.map((r) => ({ ...r, correct: boolFromSql(r.correct) }));
}

/** The questions still to ask in the attempt, given its rounds. */
function pendingIn(attempt: OwnedAttempt, rounds: AnsweredRound[]) {
  return pendingQuestions(attempt.itemIds, rounds, { mastery: attempt.assignment?.mastery ?? false });
}

/**
 * Grades one answer on the server, stores it and records it as a review (right → Good,
 * wrong → Again) in one transaction. Repeating an `answerId` returns the first result and
 * writes nothing; a second answer to the same question is refused with 409.
 */
export async function answerQuestion(learner: LearnerRef, attemptId: string, input: unknown, now = new Date()): Promise<AnswerResult> {
  const body = parseOrThrow(answerInput, input);
  return inWriteTransaction(async (tx) => {
    const attempt = await ownedAttempt(tx, learner.id, attemptId);
    const previous = await tx.get<{ questionId: string; response: string; score: number; correct: number | boolean }>(
      sql`SELECT questionId, response, score, correct FROM QuizResponse WHERE attemptId = ${attempt.id} AND answerId = ${body.answerId}`,
    );
    if (previous) {
      if (previous.questionId !== body.itemId) {
        throw new AppError('conflict', `answerId: "${body.answerId}" was already used for another question`, ['answerId']);
      }
      const stored = (await itemsIn(tx, [previous.questionId])).get(previous.questionId)!;
      const correct = boolFromSql(previous.correct);
      const grade = { score: previous.score, correct };
      const feedback = feedbackFor(stored.item as QuizItem, {
        articleSlug: stored.articleSlug,
        response: JSON.parse(previous.response),
        seed: attempt.seed,
        ...grade,
      });
      return {
        ...visibleResult(attempt, grade, feedback, now),
        finished: pendingIn(attempt, await roundsSoFar(tx, attempt)).length === 0,
      };
    }
    if (attempt.submittedAt) throw new AppError('conflict', 'This quiz was already submitted; start a new attempt to answer again.');
    if (!attempt.itemIds.includes(body.itemId))
      throw new AppError('not_found', `itemId: "${body.itemId}" is not a question of this attempt`, ['itemId']);
    if (!attempt.assignment && (await withheldIn(tx, now)).has(body.itemId)) {
      throw new AppError(
        'conflict',
        `itemId: "${body.itemId}" is held back for a class assignment for now; answer it once it returns to self-study`,
        ['itemId'],
      );
    }
    const { late } = attempt.assignment
      ? checkAssignmentWrite({ write: 'answer', assignment: attempt.assignment, student: attempt.student, attempt, now })
      : { late: false };
    const rounds = await roundsSoFar(tx, attempt);
    const slot = pendingIn(attempt, rounds).find((p) => p.itemId === body.itemId);
    if (!slot) throw new AppError('conflict', `itemId: "${body.itemId}" was already answered in this attempt`, ['itemId']);

    const stored = (await itemsIn(tx, [body.itemId])).get(body.itemId)!;
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
      item.type === 'typed' ? { isKnownWord: await knownWordsFor(tx, stored.articleSlug) } : {},
    );

    if (late && !attempt.late) await tx.run(sql`UPDATE QuizAttempt SET late = ${true} WHERE id = ${attempt.id}`);
    await tx.run(sql`INSERT INTO QuizResponse (attemptId, answerId, questionId, round, response, score, correct, answeredAt, durationMs)
      VALUES (${attempt.id}, ${body.answerId}, ${item.id}, ${slot.round}, ${JSON.stringify(parsed.response)}, ${grade.score},
        ${grade.correct}, ${now}, ${body.durationMs ?? null})`);
    await recordReview(tx, {
      learner,
      questionId: item.id,
      reviewId: `quiz-${attempt.id}-${body.answerId}`,
      rating: grade.correct ? 'good' : 'again',
      durationMs: body.durationMs ?? 0,
      source: 'quiz',
      now,
      assignmentId: attempt.assignmentId,
    });
    const feedback = feedbackFor(item, {
      articleSlug: stored.articleSlug,
      response: parsed.response,
      seed: attempt.seed,
      score: grade.score,
      correct: grade.correct,
      typo: grade.typo === true,
    });
    const finished = pendingIn(attempt, [...rounds, { itemId: item.id, round: slot.round, correct: grade.correct }]).length === 0;
    return { ...visibleResult(attempt, grade, feedback, now), finished };
  });
}
