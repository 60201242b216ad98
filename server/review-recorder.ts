import 'server-only';
import { cardColumnsOf, ratingToNumber, stateToNumber, type CardState, type Rating } from '@/lib/scheduler';
import { cardFromSql, schedulerForLearner, type CardSqlRow } from './cards';
import { sql, type SqlSession } from './sql';

export type ReviewSource = 'flashcard' | 'quiz';

export interface RecordReviewInput {
  learner: { id: string; desiredRetention: number };
  questionId: string;
  reviewId: string;
  rating: Rating;
  durationMs: number;
  source: ReviewSource;
  now: Date;
  /** The assignment this review was practice for, if any. */
  assignmentId?: string | null;
}

export interface RecordedReview {
  duplicate: boolean;
  card: CardState;
}

/**
 * The one code path for every review, flashcard or quiz: inside the caller's write transaction
 * (see inWriteTransaction), read the card (a new one if this is the first review), schedule it
 * with FSRS, write the card and append the log row. A repeated `reviewId` writes nothing and
 * returns the card as it stands.
 */
export async function recordReview(tx: SqlSession, input: RecordReviewInput): Promise<RecordedReview> {
  const { learner, questionId, reviewId, now } = input;
  const row = await tx.get<CardSqlRow>(
    sql`SELECT due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, lastReview FROM Card
      WHERE learnerId = ${learner.id} AND questionId = ${questionId}`,
  );
  if (await tx.get(sql`SELECT 1 FROM ReviewLog WHERE learnerId = ${learner.id} AND reviewId = ${reviewId}`)) {
    if (!row) throw new Error(`review ${reviewId} is logged but its card is gone`);
    return { duplicate: true, card: cardFromSql(row) };
  }
  const scheduler = schedulerForLearner(learner);
  const before = row ? cardFromSql(row) : scheduler.newCard(now);
  // A review stamped before the card's last one (a clock step back) is recorded at that moment.
  const at = before.lastReview && before.lastReview > now ? before.lastReview : now;
  const { card, log } = scheduler.review(before, input.rating, at);
  const c = cardColumnsOf(card);
  const stamp = new Date();
  await tx.run(sql`INSERT INTO Card (learnerId, questionId, due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, lastReview,
      suspended, createdAt, updatedAt)
    VALUES (${learner.id}, ${questionId}, ${c.due}, ${c.stability}, ${c.difficulty}, ${c.scheduledDays}, ${c.learningSteps}, ${c.reps}, ${c.lapses},
      ${c.state}, ${c.lastReview}, ${false}, ${stamp}, ${stamp})
    ON CONFLICT (learnerId, questionId) DO UPDATE SET due = excluded.due, stability = excluded.stability, difficulty = excluded.difficulty,
      scheduledDays = excluded.scheduledDays, learningSteps = excluded.learningSteps, reps = excluded.reps, lapses = excluded.lapses,
      state = excluded.state, lastReview = excluded.lastReview, updatedAt = excluded.updatedAt`);
  await tx.run(sql`INSERT INTO ReviewLog (reviewId, learnerId, questionId, rating, state, due, lastReview, stability, difficulty, scheduledDays,
      learningSteps, review, durationMs, source, assignmentId)
    VALUES (${reviewId}, ${learner.id}, ${questionId}, ${ratingToNumber(log.rating)}, ${stateToNumber(log.state)}, ${log.due}, ${log.lastReview},
      ${log.stability}, ${log.difficulty}, ${log.scheduledDays}, ${log.learningSteps}, ${log.review}, ${input.durationMs}, ${input.source},
      ${input.assignmentId ?? null})`);
  return { duplicate: false, card };
}
