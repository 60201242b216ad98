import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayStart, learnerDay } from '../scheduler';
import { at, reviewAt } from './fixtures';
import { heatmap } from './heatmap';

describe('heatmap', () => {
  it('zero-fills exactly `days` days ending today, counting by learner day', () => {
    const reviews = [
      reviewAt('2026-01-03T12:00:00Z'), // before the window
      reviewAt('2026-01-04T03:59:00Z'), // learner day 3 January: before the window
      reviewAt('2026-01-04T04:00:00Z'),
      reviewAt('2026-01-06T08:00:00Z'),
      reviewAt('2026-01-06T09:00:00Z'),
      reviewAt('2026-01-07T03:30:00Z'), // learner day 6 January
      reviewAt('2026-01-10T11:00:00Z'),
      reviewAt('2026-01-10T13:00:00Z'), // after now
    ];
    expect(heatmap(reviews, at('2026-01-10T12:00:00Z'), 'UTC', 7)).toEqual({
      days: [
        { day: '2026-01-04', count: 1 },
        { day: '2026-01-05', count: 0 },
        { day: '2026-01-06', count: 3 },
        { day: '2026-01-07', count: 0 },
        { day: '2026-01-08', count: 0 },
        { day: '2026-01-09', count: 0 },
        { day: '2026-01-10', count: 1 },
      ],
      max: 3,
      total: 5,
      activeDays: 3,
    });
  });

  it('defaults to 365 days, and is all zero without reviews', () => {
    const map = heatmap([], at('2026-01-10T02:00:00Z'), 'UTC');
    expect(map.days).toHaveLength(365);
    expect(map.days[0]).toEqual({ day: '2025-01-10', count: 0 }); // learner day at 02:00 is 9 January
    expect(map.days.at(-1)).toEqual({ day: '2026-01-09', count: 0 });
    expect({ max: map.max, total: map.total, activeDays: map.activeDays }).toEqual({ max: 0, total: 0, activeDays: 0 });
  });

  it('lists each date once across a daylight-saving change (America/New_York, 2026-03-08)', () => {
    const reviews = [reviewAt('2026-03-08T07:30:00Z'), reviewAt('2026-03-08T08:00:00Z'), reviewAt('2026-03-09T07:59:00Z')];
    const map = heatmap(reviews, at('2026-03-09T16:00:00Z'), 'America/New_York', 5);
    expect(map.days).toEqual([
      { day: '2026-03-05', count: 0 },
      { day: '2026-03-06', count: 0 },
      { day: '2026-03-07', count: 1 }, // 03:30 EDT on the 8th
      { day: '2026-03-08', count: 2 }, // 04:00 EDT on the 8th and 03:59 EDT on the 9th
      { day: '2026-03-09', count: 0 },
    ]);
  });

  it('counts by local day in Pacific/Auckland (UTC+13)', () => {
    const reviews = [reviewAt('2026-11-19T14:30:00Z'), reviewAt('2026-11-19T15:00:00Z'), reviewAt('2026-11-20T01:00:00Z')];
    expect(heatmap(reviews, at('2026-11-20T02:00:00Z'), 'Pacific/Auckland', 2).days).toEqual([
      { day: '2026-11-19', count: 1 },
      { day: '2026-11-20', count: 2 },
    ]);
  });

  it('refuses a length that is not a whole number ≥ 1', () => {
    expect(() => heatmap([], at('2026-01-10T12:00:00Z'), 'UTC', 0)).toThrow(RangeError);
    expect(() => heatmap([], at('2026-01-10T12:00:00Z'), 'UTC', 1.5)).toThrow(RangeError);
  });

  it('property: total is the number of reviews from the first day start to now', () => {
    const DAY = 86_400_000;
    const now = Date.UTC(2026, 2, 8, 12);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: now - 400 * DAY, max: now + 3 * DAY }), { maxLength: 200 }),
        fc.constantFrom('UTC', 'Europe/London', 'America/New_York', 'Pacific/Auckland', 'Asia/Kathmandu', 'Australia/Lord_Howe'),
        fc.integer({ min: 1, max: 400 }),
        (times, timeZone, days) => {
          const nowDate = new Date(now);
          const map = heatmap(
            times.map((t) => reviewAt(new Date(t).toISOString())),
            nowDate,
            timeZone,
            days,
          );
          const first = addDays(learnerDay(nowDate, timeZone), 1 - days);
          const start = dayStart(first, timeZone).getTime();
          const inside = times.filter((t) => t >= start && t <= now).length;
          expect(map.total).toBe(inside);
          expect(map.days).toHaveLength(days);
          expect(map.days.reduce((sum, d) => sum + d.count, 0)).toBe(inside);
          expect(map.activeDays).toBe(map.days.filter((d) => d.count > 0).length);
        },
      ),
      { numRuns: 100 },
    );
  });
});
