import { addDays, learnerDay } from '../scheduler';
import { learnerDayOf } from './learner-days';
import type { ReviewRow } from './types';

export interface Streaks {
  /** Consecutive learner days with a review, ending today, or ending yesterday while today has none yet. */
  current: number;
  /** The longest run of consecutive learner days with a review, ever (today included). */
  longest: number;
  /** Whether there is a review today. */
  reviewedToday: boolean;
}

/**
 * Review streaks in learner days (local days starting at 04:00 in `timeZone`). A day counts when
 * it has at least one review of any kind. As in Anki, a streak stays alive until the day without
 * a review is over: with no review yet today, the current streak is the run ending yesterday.
 * Reviews stamped after `now` are ignored.
 */
export function streaks(reviews: readonly Pick<ReviewRow, 'review'>[], now: Date, timeZone: string): Streaks {
  const today = learnerDay(now, timeZone);
  const dayOf = learnerDayOf(timeZone);
  const nowMs = now.getTime();
  const active = new Set<string>();
  for (const { review } of reviews) {
    if (review.getTime() <= nowMs) active.add(dayOf(review));
  }

  let longest = 0;
  let run = 0;
  let previous: string | undefined;
  for (const day of [...active].sort()) {
    run = previous !== undefined && addDays(previous, 1) === day ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = day;
  }

  const reviewedToday = active.has(today);
  let current = 0;
  for (let day = reviewedToday ? today : addDays(today, -1); active.has(day); day = addDays(day, -1)) current += 1;
  return { current, longest, reviewedToday };
}
