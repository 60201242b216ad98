import { RATING_AGAIN, STATE_REVIEW, type ReviewRow } from './types';

const DAY_MS = 86_400_000;

export interface Retention {
  /** Reviews of cards that were in the review state. */
  reviews: number;
  /** Of those, the ones not rated again (hard, good or easy). */
  passed: number;
  /** passed / reviews; null when there were no such reviews. */
  rate: number | null;
}

/**
 * Anki's "true retention": of the reviews of cards in the review state (state before = 2; learning
 * and relearning steps are left out), the share passed (rating ≠ 1). The window is the last
 * `windowDays` × 24 hours, both ends included: `now − windowDays × 24h ≤ review ≤ now`.
 */
export function trueRetention(
  reviews: readonly Pick<ReviewRow, 'review' | 'rating' | 'state'>[],
  now: Date,
  windowDays: number,
): Retention {
  if (!Number.isFinite(windowDays) || windowDays <= 0)
    throw new RangeError(`The retention window must be a positive number of days (got ${windowDays}).`);
  const end = now.getTime();
  const start = end - windowDays * DAY_MS;
  let count = 0;
  let passed = 0;
  for (const { review, rating, state } of reviews) {
    const at = review.getTime();
    if (state !== STATE_REVIEW || at < start || at > end) continue;
    count += 1;
    if (rating !== RATING_AGAIN) passed += 1;
  }
  return { reviews: count, passed, rate: count === 0 ? null : passed / count };
}

export interface RetentionWindows {
  week: Retention;
  month: Retention;
  year: Retention;
}

/** True retention over the last 7, 30 and 365 days. */
export function retentionWindows(reviews: readonly Pick<ReviewRow, 'review' | 'rating' | 'state'>[], now: Date): RetentionWindows {
  return { week: trueRetention(reviews, now, 7), month: trueRetention(reviews, now, 30), year: trueRetention(reviews, now, 365) };
}
