import { describe, expect, it } from 'vitest';
import { at, cardDue } from './fixtures';
import { forecast } from './forecast';

describe('forecast', () => {
  it('puts overdue cards on day 0 and leaves out new, suspended and too-late cards', () => {
    const cards = [
      cardDue('2026-01-01T12:00:00Z'), // overdue
      cardDue('2026-01-10T11:00:00Z', { state: 1, scheduledDays: 0 }), // learning, due an hour ago
      cardDue('2026-01-11T03:59:00Z'), // before the next day starts at 04:00
      cardDue('2026-01-11T04:00:00Z'),
      cardDue('2026-01-09T12:00:00Z', { buriedUntil: at('2026-01-11T04:00:00Z') }), // overdue, buried until tomorrow
      cardDue('2026-01-12T12:00:00Z', { buriedUntil: at('2026-01-10T10:00:00Z') }), // burial over; due later
      cardDue('2026-01-14T10:00:00Z'),
      cardDue('2026-01-15T10:00:00Z'), // day 5: beyond the window
      cardDue('2026-01-10T12:00:00Z', { state: 0, scheduledDays: 0 }), // new
      cardDue('2026-01-12T12:00:00Z', { suspended: true }),
    ];
    expect(forecast(cards, at('2026-01-10T12:00:00Z'), 'UTC', 5)).toEqual([
      { day: '2026-01-10', count: 3 },
      { day: '2026-01-11', count: 2 },
      { day: '2026-01-12', count: 1 },
      { day: '2026-01-13', count: 0 },
      { day: '2026-01-14', count: 1 },
    ]);
  });

  it('defaults to 30 days starting today', () => {
    const days = forecast([], at('2026-01-10T12:00:00Z'), 'UTC');
    expect(days).toHaveLength(30);
    expect(days[0]?.day).toBe('2026-01-10');
    expect(days[29]?.day).toBe('2026-02-08');
  });

  it('uses learner days in Pacific/Auckland (UTC+13)', () => {
    const cards = [cardDue('2026-11-20T14:59:00Z'), cardDue('2026-11-20T15:00:00Z')]; // 03:59 and 04:00 on the 21st local
    expect(forecast(cards, at('2026-11-20T02:00:00Z'), 'Pacific/Auckland', 2)).toEqual([
      { day: '2026-11-20', count: 1 },
      { day: '2026-11-21', count: 1 },
    ]);
  });

  it('follows the daylight-saving change (America/New_York, 2026-03-08)', () => {
    const cards = [
      cardDue('2026-03-08T07:59:00Z'), // 03:59 EDT: learner day 7 March (today)
      cardDue('2026-03-08T08:00:00Z'), // 04:00 EDT: 8 March
      cardDue('2026-03-09T07:59:00Z'), // 03:59 EDT on the 9th: 8 March
      cardDue('2026-03-09T08:00:00Z'), // 04:00 EDT: 9 March
    ];
    expect(forecast(cards, at('2026-03-07T15:00:00Z'), 'America/New_York', 3)).toEqual([
      { day: '2026-03-07', count: 1 },
      { day: '2026-03-08', count: 2 },
      { day: '2026-03-09', count: 1 },
    ]);
  });

  it('refuses a length that is not a whole number ≥ 1', () => {
    expect(() => forecast([], at('2026-01-10T12:00:00Z'), 'UTC', 0)).toThrow(RangeError);
  });
});
