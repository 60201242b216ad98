import { dayCounts, type DayCounts } from '../review/day-counts';
import { LEARN_AHEAD_MS, learnerDay, nextDayStart } from '../scheduler';
import { availableAt, isBuried } from './availability';
import { learnerDayOf } from './learner-days';
import { STATE_NEW, STATE_REVIEW, type CardRow, type ReviewRow } from './types';

export interface DailyLimits {
  newPerDay: number;
  reviewsPerDay: number;
}

export interface TodaySummary {
  /** Learning, relearning and review cards available now: not suspended, due ≤ now and not buried. */
  dueNow: number;
  /** Such cards that become available after now but before the next learner day starts. */
  dueLaterToday: number;
  /** New cards that may still be introduced today (the same number as `queue.new`). */
  newLeft: number;
  /** Reviews of any kind today. */
  reviewsDoneToday: number;
  /** max(0, reviewsPerDay − flashcard reviews today of cards that were in the review state). */
  reviewLimitLeft: number;
  /** What /review offers now: the same numbers, from the same function (lib/review/day-counts). */
  queue: DayCounts;
}

/**
 * Today's numbers for the progress page. "Today" is the learner day of `now`; reviews stamped after
 * `now` are ignored. A card's availability is its due time, or the end of its burial if later, so
 * a buried card is neither due now nor, when buried until tomorrow, later today.
 *
 * The daily limits count flashcard reviews only, as the review queue does: introducedToday is the
 * number of distinct cards reviewed today by flashcard from the new state (state before = 0); a
 * quiz answer schedules its card but does not use up the day's new cards.
 */
export function todaySummary(
  cards: readonly Pick<CardRow, 'due' | 'state' | 'suspended' | 'buriedUntil'>[],
  reviews: readonly Pick<ReviewRow, 'questionId' | 'review' | 'state' | 'source'>[],
  now: Date,
  timeZone: string,
  limits: DailyLimits,
  unseen = 0,
): TodaySummary {
  const nowMs = now.getTime();
  const tomorrowStart = nextDayStart(now, timeZone).getTime();
  let dueNow = 0;
  let dueLaterToday = 0;
  let learningDue = 0;
  let reviewDue = 0;
  let newAvailable = unseen;
  for (const card of cards) {
    if (card.suspended) continue;
    if (card.state === STATE_NEW) {
      if (!isBuried(card, now)) newAvailable += 1;
      continue;
    }
    const at = availableAt(card);
    if (at <= nowMs) dueNow += 1;
    else if (at < tomorrowStart) dueLaterToday += 1;
    // As the review queue counts: review cards due today, learning cards due now or within the
    // learn-ahead window (Anki's), neither buried now.
    if (card.state === STATE_REVIEW) reviewDue += !isBuried(card, now) && card.due.getTime() < tomorrowStart ? 1 : 0;
    else learningDue += !isBuried(card, now) && card.due.getTime() <= nowMs + LEARN_AHEAD_MS ? 1 : 0;
  }

  const today = learnerDay(now, timeZone);
  const dayOf = learnerDayOf(timeZone);
  const introduced = new Set<string>();
  let reviewsDoneToday = 0;
  let reviewCardReviews = 0;
  for (const { questionId, review, state, source } of reviews) {
    if (review.getTime() > nowMs || dayOf(review) !== today) continue;
    reviewsDoneToday += 1;
    if (source !== 'flashcard') continue;
    if (state === STATE_NEW) introduced.add(questionId);
    if (state === STATE_REVIEW) reviewCardReviews += 1;
  }

  const queue = dayCounts({
    limits,
    introducedToday: introduced.size,
    reviewedToday: reviewCardReviews,
    newAvailable,
    learningDue,
    reviewDue,
  });
  return {
    dueNow,
    dueLaterToday,
    newLeft: queue.new,
    reviewsDoneToday,
    reviewLimitLeft: Math.max(0, limits.reviewsPerDay - reviewCardReviews),
    queue,
  };
}
