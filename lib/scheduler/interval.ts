const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Anki's month and year: 365/12 days and 365 days. */
const MONTH = (365 / 12) * DAY;
const YEAR = 365 * DAY;

const oneDecimal = (value: number) => String(Math.round(value * 10) / 10);

/**
 * An interval as Anki labels its answer buttons: "<1m" under a minute, whole minutes under an hour
 * ("6m"), whole hours under a day ("3h"), whole days under a month ("8d"), months with one decimal
 * under a year ("3.2mo"), then years with one decimal ("1.5y"). A value that rounds up to the next
 * unit is shown in that unit ("1h", not "60m"; "1y", not "12mo"). Zero and negative intervals
 * show "<1m".
 */
export function formatInterval(ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError(`An interval must be a finite number of milliseconds (got ${ms}).`);
  if (ms < MINUTE) return '<1m';
  if (Math.round(ms / MINUTE) < 60) return `${Math.round(ms / MINUTE)}m`;
  if (Math.round(ms / HOUR) < 24) return `${Math.round(ms / HOUR)}h`;
  if (ms < MONTH) return `${Math.round(ms / DAY)}d`;
  if (Math.round((ms / MONTH) * 10) < 120) return `${oneDecimal(ms / MONTH)}mo`;
  return `${oneDecimal(ms / YEAR)}y`;
}
