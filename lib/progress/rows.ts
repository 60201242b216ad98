import { cardStateFromColumns, ratingFromNumber, ratingToNumber, stateFromNumber, stateToNumber, type CardState } from '../scheduler';
import type { CardRow, ReviewRow } from './types';

/** A review row as Prisma returns it: rating and state are plain numbers. Extra fields are ignored. */
export type RawReviewRow = Omit<ReviewRow, 'rating' | 'state' | 'source'> & { rating: number; state: number; source: string };
/** A card row as Prisma returns it (with its set id joined in): state is a plain number. Extra fields are ignored. */
export type RawCardRow = Omit<CardRow, 'state'> & { state: number };

/** Narrows a stored review; throws RangeError unless rating is 1–4, state 0–3 and source known. */
export function toReviewRow(raw: RawReviewRow): ReviewRow {
  return {
    questionId: raw.questionId,
    rating: ratingToNumber(ratingFromNumber(raw.rating)),
    state: stateToNumber(stateFromNumber(raw.state)),
    review: raw.review,
    durationMs: raw.durationMs,
    scheduledDays: raw.scheduledDays,
    source: reviewSource(raw.source),
  };
}

function reviewSource(source: string): ReviewRow['source'] {
  if (source === 'flashcard' || source === 'quiz') return source;
  throw new RangeError(`A review's source must be flashcard or quiz (got "${source}").`);
}

/** Narrows a stored card; throws RangeError unless state is 0–3. */
export function toCardRow(raw: RawCardRow): CardRow {
  return {
    questionId: raw.questionId,
    setId: raw.setId,
    due: raw.due,
    state: stateToNumber(stateFromNumber(raw.state)),
    scheduledDays: raw.scheduledDays,
    stability: raw.stability,
    difficulty: raw.difficulty,
    reps: raw.reps,
    lapses: raw.lapses,
    lastReview: raw.lastReview,
    suspended: raw.suspended,
    buriedUntil: raw.buriedUntil,
    learningSteps: raw.learningSteps,
  };
}

/** The scheduler's view of a card row (for `recallProbability`). */
export const cardStateOf = (card: CardRow): CardState => cardStateFromColumns(card);
