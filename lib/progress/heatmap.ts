import { addDays, learnerDay } from '../scheduler';
import { checkDayCount, learnerDayOf } from './learner-days';
import type { DayCount, ReviewRow } from './types';

export interface Heatmap {
  /** Exactly `days` learner days, oldest first, ending today; days without reviews have count 0. */
  days: DayCount[];
  /** The highest count of one day (0 when there are none). */
  max: number;
  /** Reviews inside the window. */
  total: number;
  /** Days of the window with at least one review. */
  activeDays: number;
}

/**
 * Reviews per learner day over the last `days` learner days (today and the `days − 1` before it).
 * A review counts on its learner day; reviews before the window or stamped after `now` are left out.
 */
export function heatmap(reviews: readonly Pick<ReviewRow, 'review'>[], now: Date, timeZone: string, days = 365): Heatmap {
  checkDayCount(days, 'The heatmap length');
  const today = learnerDay(now, timeZone);
  const first = addDays(today, 1 - days);
  const dayOf = learnerDayOf(timeZone);
  const nowMs = now.getTime();
  const counts = new Map<string, number>();
  for (const { review } of reviews) {
    if (review.getTime() > nowMs) continue;
    const day = dayOf(review);
    if (day >= first) counts.set(day, (counts.get(day) ?? 0) + 1); // 'YYYY-MM-DD' sorts as dates
  }

  const cells: DayCount[] = [];
  let max = 0;
  let total = 0;
  let activeDays = 0;
  for (let i = 0, day = first; i < days; i += 1, day = addDays(day, 1)) {
    const count = counts.get(day) ?? 0;
    cells.push({ day, count });
    max = Math.max(max, count);
    total += count;
    if (count > 0) activeDays += 1;
  }
  return { days: cells, max, total, activeDays };
}
