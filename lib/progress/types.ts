/**
 * The rows the progress statistics read, shaped like the database rows (numbers as stored).
 * `toReviewRow` / `toCardRow` (./rows) narrow raw Prisma rows, whose numbers are plain `number`.
 */

/** 1 again, 2 hard, 3 good, 4 easy (ts-fsrs's and Anki's numbers). */
export type RatingNumber = 1 | 2 | 3 | 4;
/** 0 new, 1 learning, 2 review, 3 relearning (ts-fsrs's numbers). */
export type StateNumber = 0 | 1 | 2 | 3;

/** One review from the log. `state` and `scheduledDays` are the card's, as they were BEFORE the review. */
export interface ReviewRow {
  questionId: string;
  rating: RatingNumber;
  state: StateNumber;
  review: Date;
  durationMs: number;
  scheduledDays: number;
  /** Where the review came from: a flashcard rating or a graded quiz answer. */
  source: ReviewSource;
}

export type ReviewSource = 'flashcard' | 'quiz';

/** One card: the learner's scheduling state for one item, plus the set the item belongs to. */
export interface CardRow {
  questionId: string;
  setId: string;
  due: Date;
  state: StateNumber;
  scheduledDays: number;
  stability: number;
  difficulty: number;
  reps: number;
  lapses: number;
  lastReview: Date | null;
  suspended: boolean;
  buriedUntil: Date | null;
  learningSteps: number;
}

/** A count for one learner day, 'YYYY-MM-DD'. */
export interface DayCount {
  day: string;
  count: number;
}

export const STATE_NEW = 0;
export const STATE_LEARNING = 1;
export const STATE_REVIEW = 2;
export const STATE_RELEARNING = 3;
export const RATING_AGAIN = 1;
