import 'server-only';
import type Database from 'better-sqlite3';
import { cardColumnsOf, ratingToNumber, stateToNumber, type CardState, type Rating } from '@/lib/scheduler';
import { cardFromSql, schedulerForLearner, type CardSqlRow } from './cards';
import { prepared, sqlDate, sqlDateOrNull } from './sql';

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

const SEEN = 'SELECT 1 FROM ReviewLog WHERE learnerId = ? AND reviewId = ?';
const CARD =
  'SELECT due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, lastReview FROM Card WHERE learnerId = ? AND questionId = ?';
const UPSERT_CARD = `INSERT INTO Card (learnerId, questionId, due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, lastReview, suspended, createdAt, updatedAt)
  VALUES (@learnerId, @questionId, @due, @stability, @difficulty, @scheduledDays, @learningSteps, @reps, @lapses, @state, @lastReview, 0, @stamp, @stamp)
  ON CONFLICT (learnerId, questionId) DO UPDATE SET due = excluded.due, stability = excluded.stability, difficulty = excluded.difficulty,
    scheduledDays = excluded.scheduledDays, learningSteps = excluded.learningSteps, reps = excluded.reps, lapses = excluded.lapses,
    state = excluded.state, lastReview = excluded.lastReview, updatedAt = excluded.updatedAt`;
const INSERT_LOG = `INSERT INTO ReviewLog (reviewId, learnerId, questionId, rating, state, due, lastReview, stability, difficulty, scheduledDays, learningSteps, review, durationMs, source, assignmentId)
  VALUES (@reviewId, @learnerId, @questionId, @rating, @state, @due, @lastReview, @stability, @difficulty, @scheduledDays, @learningSteps, @review, @durationMs, @source, @assignmentId)`;

/**
 * The one code path for every review, flashcard or quiz: inside the caller's write transaction
 * (see inWriteTransaction), read the card (a new one if this is the first review), schedule it
 * with FSRS, write the card and append the log row. A repeated `reviewId` writes nothing and
 * returns the card as it stands.
 */
export function recordReview(sqlite: Database.Database, input: RecordReviewInput): RecordedReview {
  const { learner, questionId, reviewId, now } = input;
  const row = prepared(sqlite, CARD).get(learner.id, questionId) as CardSqlRow | undefined;
  if (prepared(sqlite, SEEN).get(learner.id, reviewId)) {
    if (!row) throw new Error(`review ${reviewId} is logged but its card is gone`);
    return { duplicate: true, card: cardFromSql(row) };
  }
  const scheduler = schedulerForLearner(learner);
  const before = row ? cardFromSql(row) : scheduler.newCard(now);
  // A review stamped before the card's last one (a clock step back) is recorded at that moment.
  const at = before.lastReview && before.lastReview > now ? before.lastReview : now;
  const { card, log } = scheduler.review(before, input.rating, at);
  const keys = { learnerId: learner.id, questionId };
  const columns = cardColumnsOf(card);
  prepared(sqlite, UPSERT_CARD).run({
    ...keys,
    ...columns,
    due: sqlDate(columns.due),
    lastReview: sqlDateOrNull(columns.lastReview),
    stamp: sqlDate(new Date()),
  });
  prepared(sqlite, INSERT_LOG).run({
    ...keys,
    reviewId,
    rating: ratingToNumber(log.rating),
    state: stateToNumber(log.state),
    due: sqlDate(log.due),
    lastReview: sqlDateOrNull(log.lastReview),
    stability: log.stability,
    difficulty: log.difficulty,
    scheduledDays: log.scheduledDays,
    learningSteps: log.learningSteps,
    review: sqlDate(log.review),
    durationMs: input.durationMs,
    source: input.source,
    assignmentId: input.assignmentId ?? null,
  });
  return { duplicate: false, card };
}
