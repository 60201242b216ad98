import { learnerDay } from '../scheduler';

const DAY_MS = 86_400_000;

function calendarDaysBetween(from: Date, to: Date, timeZone: string): number {
  const day = (d: Date) => Date.parse(`${learnerDay(d, timeZone, 0)}T00:00:00Z`);
  return Math.round((day(to) - day(from)) / DAY_MS);
}

/**
 * When a card is next due, relative and absolute, in the viewer's zone:
 * "in 8 days, Mon 7 Dec", "tomorrow, Mon 30 Nov", "today at 14:30", "in 5 minutes (14:30)".
 */
export function nextDuePhrase(due: Date, now: Date, timeZone: string): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(due);
  const minutes = Math.ceil((due.getTime() - now.getTime()) / 60_000);
  if (minutes <= 0) return 'now';
  const days = calendarDaysBetween(now, due, timeZone);
  if (days === 0) return minutes < 60 ? `in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} (${time})` : `today at ${time}`;
  const sameYear = learnerDay(now, timeZone, 0).slice(0, 4) === learnerDay(due, timeZone, 0).slice(0, 4);
  const date = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  })
    .format(due)
    .replace(',', '');
  return days === 1 ? `tomorrow, ${date}` : `in ${days} days, ${date}`;
}
