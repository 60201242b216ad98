import { describe, expect, it } from 'vitest';
import { at, reviewAt } from './fixtures';
import { streaks } from './streaks';

const noon = (day: string) => reviewAt(`${day}T12:00:00Z`);

describe('streaks', () => {
  it('is all zero without reviews', () => {
    expect(streaks([], at('2026-01-10T12:00:00Z'), 'UTC')).toEqual({ current: 0, longest: 0, reviewedToday: false });
  });

  it('is broken by one missing day', () => {
    const reviews = ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-05', '2026-01-06'].map(noon);
    expect(streaks(reviews, at('2026-01-06T20:00:00Z'), 'UTC')).toEqual({ current: 2, longest: 3, reviewedToday: true });
    // Two days later nothing is left of the current run.
    expect(streaks(reviews, at('2026-01-08T10:00:00Z'), 'UTC')).toEqual({ current: 0, longest: 3, reviewedToday: false });
  });

  it('stays alive when today has no review yet', () => {
    const reviews = ['2026-01-04', '2026-01-05', '2026-01-06'].map(noon);
    expect(streaks(reviews, at('2026-01-07T10:00:00Z'), 'UTC')).toEqual({ current: 3, longest: 3, reviewedToday: false });
    // Until 04:00 of the 8th, the 7th is still "today".
    expect(streaks(reviews, at('2026-01-08T03:59:00Z'), 'UTC')).toEqual({ current: 3, longest: 3, reviewedToday: false });
    expect(streaks(reviews, at('2026-01-08T04:00:00Z'), 'UTC')).toEqual({ current: 0, longest: 3, reviewedToday: false });
  });

  it('counts runs across month and year ends, and counts several reviews a day once', () => {
    const reviews = [noon('2025-12-30'), noon('2025-12-31'), reviewAt('2026-01-01T05:00:00Z'), reviewAt('2026-01-01T22:00:00Z')];
    expect(streaks(reviews, at('2026-01-01T23:00:00Z'), 'UTC')).toEqual({ current: 3, longest: 3, reviewedToday: true });
  });

  it('puts a review at 03:30 local on the previous learner day (Europe/London, winter)', () => {
    const reviews = [reviewAt('2026-01-10T12:00:00Z'), reviewAt('2026-01-11T03:30:00Z')];
    expect(streaks(reviews, at('2026-01-11T12:00:00Z'), 'Europe/London')).toEqual({ current: 1, longest: 1, reviewedToday: false });
    const withToday = [...reviews, reviewAt('2026-01-11T04:00:00Z')];
    expect(streaks(withToday, at('2026-01-11T12:00:00Z'), 'Europe/London')).toEqual({ current: 2, longest: 2, reviewedToday: true });
  });

  it('uses the local day where 04:00 is on the previous UTC date (Pacific/Auckland, UTC+13)', () => {
    const now = at('2026-11-20T02:00:00Z'); // 15:00 on 20 November local
    const reviews = [
      reviewAt('2026-11-18T20:00:00Z'), // 09:00 on the 19th: learner day 19th
      reviewAt('2026-11-19T14:30:00Z'), // 03:30 on the 20th: still learner day 19th
    ];
    expect(streaks(reviews, now, 'Pacific/Auckland')).toEqual({ current: 1, longest: 1, reviewedToday: false });
    // 15:00 UTC on the 19th is 04:00 on the 20th local: today.
    const withToday = [...reviews, reviewAt('2026-11-19T15:00:00Z')];
    expect(streaks(withToday, now, 'Pacific/Auckland')).toEqual({ current: 2, longest: 2, reviewedToday: true });
  });

  it('follows the daylight-saving change (America/New_York, 2026-03-08)', () => {
    const now = at('2026-03-09T16:00:00Z');
    const reviews = [
      reviewAt('2026-03-06T15:00:00Z'), // 10:00 EST, 6 March
      reviewAt('2026-03-08T07:30:00Z'), // 03:30 EDT on 8 March: learner day 7 March
      reviewAt('2026-03-09T15:00:00Z'), // 11:00 EDT, 9 March
    ];
    expect(streaks(reviews, now, 'America/New_York')).toEqual({ current: 1, longest: 2, reviewedToday: true });
    const filled = [...reviews, reviewAt('2026-03-08T08:00:00Z')]; // 04:00 EDT: learner day 8 March
    expect(streaks(filled, now, 'America/New_York')).toEqual({ current: 4, longest: 4, reviewedToday: true });
  });

  it('ignores reviews stamped after now', () => {
    const reviews = [noon('2026-01-05'), reviewAt('2026-01-06T13:00:00Z')];
    expect(streaks(reviews, at('2026-01-06T12:00:00Z'), 'UTC')).toEqual({ current: 1, longest: 1, reviewedToday: false });
  });
});
