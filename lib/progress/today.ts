import { learnerDay, nextDayStart } from '../scheduler';
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
  /** New cards that may still be introduced today (see `todaySummary`). */
  newLeft: number;
  /** Reviews of any kind today. */
  reviewsDoneToday: number;
  /** max(0, reviewsPerDay − reviews today of cards that were in the review state). */
  reviewLimitLeft: number;
}

/**
 * Today's numbers for the progress page. "Today" is the learner day of `now`; reviews stamped after
 * `now` are ignored. A card's availability is its due time, or the end of its burial if later, so
 * a buried card is neither due now nor, when buried until tomorrow, later today.
 *
 * newLeft = max(0, min(newPerDay − introducedToday, unseen + available state-0 cards)), where
 * introducedToday is the number of distinct cards reviewed today from the new state (state before
 * = 0), and available state-0 cards are those neither suspended nor buried at `now`.
 */
export function todaySummary(
  cards: readonly Pick<CardRow, 'due' | 'state' | 'suspended' | 'buriedUntil'>[],
  reviews: readonly Pick<ReviewRow, 'questionId' | 'review' | 'state'>[],
  now: Date,
  timeZone: string,
  limits: DailyLimits,
  unseen = 0,
): TodaySummary {
  const nowMs = now.getTime();
  const tomorrowStart = nextDayStart(now, timeZone).getTime();
  let dueNow = 0;
  let dueLaterToday = 0;
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
  }

  const today = learnerDay(now, timeZone);
  const dayOf = learnerDayOf(timeZone);
  const introduced = new Set<string>();
  let reviewsDoneToday = 0;
  let reviewCardReviews = 0;
  for (const { questionId, review, state } of reviews) {
    if (review.getTime() > nowMs || dayOf(review) !== today) continue;
    reviewsDoneToday += 1;
    if (state === STATE_NEW) introduced.add(questionId);
    if (state === STATE_REVIEW) reviewCardReviews += 1;
  }

  return {
    dueNow,
    dueLaterToday,
    newLeft: Math.max(0, Math.min(limits.newPerDay - introduced.size, newAvailable)),
    reviewsDoneToday,
    reviewLimitLeft: Math.max(0, limits.reviewsPerDay - reviewCardReviews),
  };
}
