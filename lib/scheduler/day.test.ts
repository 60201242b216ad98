import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayStart, isValidTimeZone, learnerDay, nextDayStart } from './day';
import { timeZoneSchema } from './time-zone-schema';

const utc = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

describe('learnerDay', () => {
  it('keeps yesterday until 04:00 local in Europe/London, winter and summer', () => {
    expect(learnerDay(utc('2026-01-15T03:59:59.999Z'), 'Europe/London')).toBe('2026-01-14');
    expect(learnerDay(utc('2026-01-15T04:00:00Z'), 'Europe/London')).toBe('2026-01-15');
    // BST (UTC+1): 03:59 local is 02:59 UTC.
    expect(learnerDay(utc('2026-07-01T02:59:00Z'), 'Europe/London')).toBe('2026-06-30');
    expect(learnerDay(utc('2026-07-01T03:00:00Z'), 'Europe/London')).toBe('2026-07-01');
    expect(learnerDay(utc('2026-07-01T23:30:00Z'), 'Europe/London')).toBe('2026-07-01'); // 00:30 local on 2 July
  });

  it('handles a zone whose 04:00 falls on the previous UTC date (Pacific/Auckland, UTC+13 in November)', () => {
    expect(learnerDay(utc('2026-11-19T14:59:00Z'), 'Pacific/Auckland')).toBe('2026-11-19');
    expect(learnerDay(utc('2026-11-19T15:00:00Z'), 'Pacific/Auckland')).toBe('2026-11-20');
    expect(learnerDay(utc('2026-11-20T00:00:00Z'), 'Pacific/Auckland')).toBe('2026-11-20');
    expect(dayStart('2026-11-20', 'Pacific/Auckland')).toEqual(utc('2026-11-19T15:00:00Z'));
    // ...and one whose 04:00 is late in the UTC day (UTC−10).
    expect(dayStart('2026-11-20', 'Pacific/Honolulu')).toEqual(utc('2026-11-20T14:00:00Z'));
    expect(learnerDay(utc('2026-11-21T13:59:00Z'), 'Pacific/Honolulu')).toBe('2026-11-20');
  });

  it('takes another rollover hour, and refuses a bad one', () => {
    expect(learnerDay(utc('2026-01-15T00:30:00Z'), 'UTC', 0)).toBe('2026-01-15');
    expect(learnerDay(utc('2026-01-15T00:30:00Z'), 'UTC')).toBe('2026-01-14');
    expect(() => learnerDay(utc('2026-01-15T00:30:00Z'), 'UTC', 24)).toThrow(/rollover hour/);
    expect(() => learnerDay(utc('2026-01-15T00:30:00Z'), 'UTC', 1.5)).toThrow(/rollover hour/);
    expect(() => learnerDay(new Date(NaN), 'UTC')).toThrow(/valid Date/);
    expect(() => learnerDay(utc('2026-01-15T00:30:00Z'), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('dayStart across daylight-saving changes', () => {
  const length = (day: string, tz: string) => (dayStart(addDays(day, 1), tz).getTime() - dayStart(day, tz).getTime()) / HOUR;

  it('America/New_York, spring forward on 2026-03-08: the learner day from 7 March is 23 hours', () => {
    expect(dayStart('2026-03-07', 'America/New_York')).toEqual(utc('2026-03-07T09:00:00Z')); // 04:00 EST
    expect(dayStart('2026-03-08', 'America/New_York')).toEqual(utc('2026-03-08T08:00:00Z')); // 04:00 EDT
    expect([
      length('2026-03-06', 'America/New_York'),
      length('2026-03-07', 'America/New_York'),
      length('2026-03-08', 'America/New_York'),
    ]).toEqual([24, 23, 24]);
    expect(learnerDay(utc('2026-03-08T07:59:59Z'), 'America/New_York')).toBe('2026-03-07');
    expect(learnerDay(utc('2026-03-08T08:00:00Z'), 'America/New_York')).toBe('2026-03-08');
  });

  it('America/New_York, fall back on 2026-11-01: the learner day from 31 October is 25 hours', () => {
    expect(dayStart('2026-10-31', 'America/New_York')).toEqual(utc('2026-10-31T08:00:00Z')); // 04:00 EDT
    expect(dayStart('2026-11-01', 'America/New_York')).toEqual(utc('2026-11-01T09:00:00Z')); // 04:00 EST
    expect([
      length('2026-10-30', 'America/New_York'),
      length('2026-10-31', 'America/New_York'),
      length('2026-11-01', 'America/New_York'),
    ]).toEqual([24, 25, 24]);
    expect(learnerDay(utc('2026-11-01T08:59:59Z'), 'America/New_York')).toBe('2026-10-31');
    expect(learnerDay(utc('2026-11-01T09:00:00Z'), 'America/New_York')).toBe('2026-11-01');
  });

  it('Europe/London, spring forward on 2026-03-29: the learner day from 28 March is 23 hours', () => {
    expect(dayStart('2026-03-28', 'Europe/London')).toEqual(utc('2026-03-28T04:00:00Z')); // 04:00 GMT
    expect(dayStart('2026-03-29', 'Europe/London')).toEqual(utc('2026-03-29T03:00:00Z')); // 04:00 BST
    expect(length('2026-03-28', 'Europe/London')).toBe(23);
    expect(length('2026-10-24', 'Europe/London')).toBe(25);
    expect(learnerDay(utc('2026-03-29T02:59:59Z'), 'Europe/London')).toBe('2026-03-28');
    expect(learnerDay(utc('2026-03-29T03:00:00Z'), 'Europe/London')).toBe('2026-03-29');
  });

  it('starts the day at the transition when the rollover hour is skipped, and at the first when it repeats', () => {
    // 02:00 does not exist in New York on 2026-03-08: the clock jumps from 01:59:59 EST to 03:00 EDT (07:00 UTC).
    expect(dayStart('2026-03-08', 'America/New_York', 2)).toEqual(utc('2026-03-08T07:00:00Z'));
    expect(learnerDay(utc('2026-03-08T06:59:59Z'), 'America/New_York', 2)).toBe('2026-03-07');
    expect(learnerDay(utc('2026-03-08T07:00:00Z'), 'America/New_York', 2)).toBe('2026-03-08');
    // 01:00 happens twice in New York on 2026-11-01 (EDT, then EST): the day starts at the first.
    expect(dayStart('2026-11-01', 'America/New_York', 1)).toEqual(utc('2026-11-01T05:00:00Z'));
  });

  it('is the first instant of its learner day, in any zone, on any date', () => {
    const zones = [
      'Europe/London',
      'America/New_York',
      'Pacific/Auckland',
      'Australia/Lord_Howe',
      'Asia/Kolkata',
      'America/St_Johns',
      'Pacific/Kiritimati',
      'Pacific/Pago_Pago',
      'UTC',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.integer({ min: 0, max: 23 }),
        (zone, ms, rollover) => {
          const day = learnerDay(new Date(ms), zone, rollover);
          const start = dayStart(day, zone, rollover);
          expect(start.getTime()).toBeLessThanOrEqual(ms);
          expect(learnerDay(start, zone, rollover)).toBe(day);
          expect(learnerDay(new Date(start.getTime() - 1), zone, rollover)).toBe(addDays(day, -1));
          const next = nextDayStart(new Date(ms), zone, rollover);
          expect(next.getTime()).toBeGreaterThan(ms);
          expect(learnerDay(next, zone, rollover)).toBe(addDays(day, 1));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a day that is not a real YYYY-MM-DD date', () => {
    for (const bad of ['2026-02-30', '2026-2-3', '20260203', '']) expect(() => dayStart(bad, 'UTC')).toThrow(/YYYY-MM-DD/);
  });
});

describe('nextDayStart', () => {
  it('is today’s rollover before it and tomorrow’s from it', () => {
    expect(nextDayStart(utc('2026-01-15T03:59:00Z'), 'Europe/London')).toEqual(utc('2026-01-15T04:00:00Z'));
    expect(nextDayStart(utc('2026-01-15T04:00:00Z'), 'Europe/London')).toEqual(utc('2026-01-16T04:00:00Z'));
    expect(nextDayStart(utc('2026-03-28T12:00:00Z'), 'Europe/London')).toEqual(utc('2026-03-29T03:00:00Z'));
  });
});

describe('time zones', () => {
  it('knows IANA zones and rejects others', () => {
    for (const tz of ['Europe/London', 'Pacific/Auckland', 'UTC', 'America/Argentina/Buenos_Aires']) expect(isValidTimeZone(tz)).toBe(true);
    for (const tz of ['', ' ', 'Mars/Olympus_Mons', 'Europe/Londres', 'GMT+25']) expect(isValidTimeZone(tz)).toBe(false);
    expect(timeZoneSchema.safeParse('Asia/Tokyo').success).toBe(true);
    expect(timeZoneSchema.safeParse('Nowhere/Special').success).toBe(false);
    expect(timeZoneSchema.safeParse(42).success).toBe(false);
  });
});
