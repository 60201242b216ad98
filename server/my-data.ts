import 'server-only';
import { toCsv } from '@/lib/classroom/csv';
import { getDb } from './db';
import type { LearnerRef } from './learners';

/**
 * The learner's reviews in the columns FSRS optimizers read: card_id (an integer per item, in
 * order of first review), review_time (ms since the epoch), review_rating (1–4), review_state
 * (0 new, 1 learning, 2 review, 3 relearning, before the review), review_duration (ms).
 */
export async function reviewsCsv(learner: LearnerRef): Promise<string> {
  const db = await getDb();
  const logs = await db.reviewLog.findMany({ where: { learnerId: learner.id }, orderBy: [{ review: 'asc' }, { id: 'asc' }] });
  const cardIds = new Map<string, number>();
  for (const log of logs) if (!cardIds.has(log.questionId)) cardIds.set(log.questionId, cardIds.size + 1);
  return toCsv(
    ['card_id', 'review_time', 'review_rating', 'review_state', 'review_duration', 'item_id', 'source'],
    logs.map((l) => [cardIds.get(l.questionId)!, l.review.getTime(), l.rating, l.state, l.durationMs, l.questionId, l.source]),
  );
}

export async function answersCsv(learner: LearnerRef): Promise<string> {
  const db = await getDb();
  const rows = await db.quizResponse.findMany({
    where: { attempt: { learnerId: learner.id } },
    orderBy: [{ answeredAt: 'asc' }, { id: 'asc' }],
    include: { attempt: { select: { id: true, setId: true } } },
  });
  return toCsv(
    ['attempt_id', 'set_id', 'item_id', 'answered_at', 'response', 'score', 'correct', 'duration_ms'],
    rows.map((r) => [r.attempt.id, r.attempt.setId, r.questionId, r.answeredAt, r.response, r.score, r.correct, r.durationMs]),
  );
}

/** Everything stored about the learner, as one JSON document. */
export async function exportJson(learner: LearnerRef) {
  const db = await getDb();
  const [profile, cards, reviews, attempts] = await Promise.all([
    db.learner.findUniqueOrThrow({
      where: { id: learner.id },
      select: { id: true, displayName: true, timeZone: true, desiredRetention: true, newPerDay: true, reviewsPerDay: true, typeAnswers: true, createdAt: true },
    }),
    db.card.findMany({ where: { learnerId: learner.id }, omit: { learnerId: true }, orderBy: { questionId: 'asc' } }),
    db.reviewLog.findMany({ where: { learnerId: learner.id }, omit: { learnerId: true }, orderBy: { review: 'asc' } }),
    db.quizAttempt.findMany({
      where: { learnerId: learner.id },
      omit: { learnerId: true, seed: true },
      include: { responses: { omit: { attemptId: true } } },
      orderBy: { startedAt: 'asc' },
    }),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    learner: profile,
    cards,
    reviews,
    quizAttempts: attempts.map((a) => ({ ...a, itemIds: JSON.parse(a.itemIds) as string[], responses: a.responses.map((r) => ({ ...r, response: JSON.parse(r.response) as unknown })) })),
  };
}

/** Removes the learner and everything that belongs to them (cascading deletes). */
export async function deleteLearner(learner: LearnerRef): Promise<void> {
  const db = await getDb();
  await db.learner.delete({ where: { id: learner.id } });
}
