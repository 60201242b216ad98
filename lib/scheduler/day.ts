/**
 * The learner's day, as Anki counts it: it starts at the rollover hour (04:00 by default) in the
 * learner's IANA time zone, so at 03:59 local it is still yesterday. Only Intl is used.
 */

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether Intl knows the time zone ("Europe/London", "UTC", also aliases such as "US/Eastern"). */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
}

/** The local wall-clock time at `instant`, written as if it were UTC (ms), plus its parts. */
function wallClock(instant: number, timeZone: string): WallClock & { asUtc: number } {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = NaN, month = NaN, day = NaN, hour = NaN, minute = NaN, second = NaN } = parts;
  return { year, month, day, hour, asUtc: Date.UTC(year, month - 1, day, hour, minute, second) };
}

function checkRollover(rolloverHour: number): void {
  if (!Number.isInteger(rolloverHour) || rolloverHour < 0 || rolloverHour > 23) {
    throw new RangeError(`The rollover hour must be an integer 0–23 (got ${rolloverHour}).`);
  }
}

function checkInstant(now: Date): number {
  const ms = now instanceof Date ? now.getTime() : NaN;
  if (Number.isNaN(ms)) throw new RangeError('The time must be a valid Date.');
  return ms;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** 'YYYY-MM-DD' of the UTC calendar date at `ms`. */
function isoDate(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The day as the UTC midnight of that calendar date; throws unless 'YYYY-MM-DD' names a real date. */
function parseDay(day: string): number {
  const match = DAY_PATTERN.exec(day);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (Number.isNaN(ms) || isoDate(ms) !== day) throw new RangeError(`A day must be a real date written YYYY-MM-DD (got "${day}").`);
  return ms;
}

/** `day` moved by `days` calendar days, both 'YYYY-MM-DD'. */
export function addDays(day: string, days: number): string {
  return isoDate(parseDay(day) + days * DAY_MS);
}

/** The learner's day at `now` as 'YYYY-MM-DD': the local date, or the one before it before the rollover hour. */
export function learnerDay(now: Date, timeZone: string, rolloverHour = 4): string {
  checkRollover(rolloverHour);
  const local = wallClock(checkInstant(now), timeZone);
  const date = Date.UTC(local.year, local.month - 1, local.day);
  return isoDate(local.hour < rolloverHour ? date - DAY_MS : date);
}

/**
 * The instant the learner's `day` begins: the first instant whose local time on that date is at
 * or past the rollover hour. On a daylight-saving day this is the rollover hour at that day's own
 * offset; if a transition skipped the rollover hour, it is the moment of the transition; if the
 * hour happens twice, the first.
 */
export function dayStart(day: string, timeZone: string, rolloverHour = 4): Date {
  checkRollover(rolloverHour);
  const wall = parseDay(day) + rolloverHour * 3_600_000;
  const offsetAt = (instant: number) => wallClock(instant, timeZone).asUtc - instant;
  // The offset cannot change twice within two days, so it is one of these two.
  const candidates = [wall - offsetAt(wall - DAY_MS), wall - offsetAt(wall + DAY_MS)].sort((a, b) => a - b);
  const exact = candidates.find((instant) => wallClock(instant, timeZone).asUtc === wall);
  if (exact !== undefined) return new Date(exact);
  // The rollover wall time was skipped: find the transition, the first second that is past it.
  let [before, after] = candidates as [number, number];
  while (after - before > 1000) {
    const mid = before + Math.floor((after - before) / 2000) * 1000;
    if (wallClock(mid, timeZone).asUtc >= wall) after = mid;
    else before = mid;
  }
  return new Date(after);
}

/** When the learner's next day begins (for "bury until tomorrow" and "due later today"). */
export function nextDayStart(now: Date, timeZone: string, rolloverHour = 4): Date {
  return dayStart(addDays(learnerDay(now, timeZone, rolloverHour), 1), timeZone, rolloverHour);
}
