import { describe, expect, it } from 'vitest';
import { at, reviewAt } from './fixtures';
import { retentionWindows, trueRetention } from './retention';

const now = at('2026-01-31T12:00:00Z');

const reviews = [
  reviewAt('2026-01-24T12:00:00Z', { rating: 3 }), // exactly 7 × 24h ago: inside the week
  reviewAt('2026-01-24T11:59:59.999Z', { rating: 1 }), // just outside the week
  reviewAt('2026-01-30T12:00:00Z', { rating: 1 }),
  reviewAt('2026-01-30T12:00:00Z', { state: 1, rating: 1 }), // learning step: never counted
  reviewAt('2026-01-30T12:00:00Z', { state: 3, rating: 3 }), // relearning step: never counted
  reviewAt('2026-01-30T12:00:00Z', { state: 0, rating: 3 }), // first review: never counted
  reviewAt('2026-01-31T12:00:00Z', { rating: 2 }), // exactly now; hard passes
  reviewAt('2026-01-31T12:00:00.001Z', { rating: 4 }), // after now
  reviewAt('2026-01-01T12:00:00Z', { rating: 4 }), // exactly 30 × 24h ago
  reviewAt('2026-01-01T11:59:59.999Z', { rating: 1 }), // just outside 30 days
];

describe('trueRetention', () => {
  it('counts reviews of review-state cards, both window ends included', () => {
    expect(trueRetention(reviews, now, 7)).toEqual({ reviews: 3, passed: 2, rate: 2 / 3 });
    expect(trueRetention(reviews, now, 30)).toEqual({ reviews: 5, passed: 3, rate: 3 / 5 });
    expect(trueRetention(reviews, now, 365)).toEqual({ reviews: 6, passed: 3, rate: 3 / 6 });
  });

  it('has no rate without reviews', () => {
    expect(trueRetention([], now, 7)).toEqual({ reviews: 0, passed: 0, rate: null });
    expect(trueRetention([reviewAt('2026-01-30T12:00:00Z', { state: 1 })], now, 7).rate).toBeNull();
  });

  it('refuses a window that is not positive', () => {
    expect(() => trueRetention(reviews, now, 0)).toThrow(RangeError);
    expect(() => trueRetention(reviews, now, Number.NaN)).toThrow(RangeError);
  });

  it('gives the week, month and year', () => {
    const windows = retentionWindows(reviews, now);
    expect([windows.week.reviews, windows.month.reviews, windows.year.reviews]).toEqual([3, 5, 6]);
  });
});
