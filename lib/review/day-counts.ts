/** The three numbers Anki shows above a deck: what today's session still holds. */
export interface DayCounts {
  new: number;
  learning: number;
  review: number;
}

export interface DayCountsInput {
  /** The learner's daily limits (raised by "Study more" for the rest of the day). */
  limits: { newPerDay: number; reviewsPerDay: number };
  /** Distinct cards introduced today by flashcard reviews (quiz answers do not use up the limit). */
  introducedToday: number;
  /** Flashcard reviews today of cards that were in the review state. */
  reviewedToday: number;
  /** New cards that could be introduced now: never seen, or new and neither suspended nor buried. */
  newAvailable: number;
  /** Learning and relearning cards available now or within the learn-ahead window (LEARN_AHEAD_MS). */
  learningDue: number;
  /** Review cards available before the learner's day ends. */
  reviewDue: number;
}

const clamp = (value: number, max: number) => Math.max(0, Math.min(value, max));

/**
 * Today's new, learning and review counts: the one definition behind /review and /progress.
 * New and review cards are capped by what is left of their daily limit; learning cards are not.
 */
export function dayCounts(input: DayCountsInput): DayCounts {
  return {
    new: clamp(input.limits.newPerDay - input.introducedToday, input.newAvailable),
    learning: Math.max(0, input.learningDue),
    review: clamp(input.limits.reviewsPerDay - input.reviewedToday, input.reviewDue),
  };
}

/** Cards available beyond today's limits: what "Study more" would add. */
export function beyondLimits(input: DayCountsInput): { new: number; review: number } {
  const counts = dayCounts(input);
  return { new: Math.max(0, input.newAvailable - counts.new), review: Math.max(0, input.reviewDue - counts.review) };
}
