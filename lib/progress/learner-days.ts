import { learnerDay } from '../scheduler';

const BLOCK_MS = 15 * 60_000;
const DAY_MS = 86_400_000;

/**
 * `learnerDay` for many instants in one time zone, memoised per 15-minute block of UTC time.
 * Every UTC offset in use since 1972 is a whole number of quarter hours and changes on a quarter
 * hour, so the local date and hour (all `learnerDay` reads) are the same throughout a block.
 * One Intl call per block instead of per review: a session of 100 reviews costs a couple.
 */
export function learnerDayOf(timeZone: string, rolloverHour = 4): (instant: Date) => string {
  const cache = new Map<number, string>();
  return (instant) => {
    const ms = instant instanceof Date ? instant.getTime() : NaN;
    if (Number.isNaN(ms)) throw new RangeError('The time must be a valid Date.');
    const block = Math.floor(ms / BLOCK_MS);
    let day = cache.get(block);
    if (day === undefined) {
      day = learnerDay(new Date(block * BLOCK_MS), timeZone, rolloverHour);
      cache.set(block, day);
    }
    return day;
  };
}

/** Whole calendar days from `from` to `to`, both 'YYYY-MM-DD' (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Throws RangeError unless `value` is a whole number ≥ 1. */
export function checkDayCount(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${what} must be a whole number of days ≥ 1 (got ${value}).`);
}
