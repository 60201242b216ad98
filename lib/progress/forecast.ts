import { addDays, learnerDay, nextDayStart } from '../scheduler';
import { availableAt } from './availability';
import { checkDayCount, daysBetween, learnerDayOf } from './learner-days';
import { STATE_NEW, type CardRow, type DayCount } from './types';

/**
 * Cards falling due on each of the next `days` learner days: entry 0 is today, oldest first.
 * Counted: cards not suspended and not new (state ≠ 0), i.e. learning, review and relearning.
 * A card lands on the learner day of `availableAt` (its due time, or the end of its burial if
 * later); anything available before the next day starts, overdue cards included, lands on day 0.
 * Cards available after the last day are left out.
 */
export function forecast(
  cards: readonly Pick<CardRow, 'due' | 'state' | 'suspended' | 'buriedUntil'>[],
  now: Date,
  timeZone: string,
  days = 30,
): DayCount[] {
  checkDayCount(days, 'The forecast length');
  const today = learnerDay(now, timeZone);
  const tomorrowStart = nextDayStart(now, timeZone).getTime();
  const dayOf = learnerDayOf(timeZone);
  const result: DayCount[] = Array.from({ length: days }, (_, i) => ({ day: addDays(today, i), count: 0 }));
  for (const card of cards) {
    if (card.suspended || card.state === STATE_NEW) continue;
    const at = availableAt(card);
    const index = at < tomorrowStart ? 0 : daysBetween(today, dayOf(new Date(at)));
    const entry = result[index];
    if (entry) entry.count += 1;
  }
  return result;
}
