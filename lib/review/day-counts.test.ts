import { describe, expect, it } from 'vitest';
import { beyondLimits, dayCounts, type DayCountsInput } from './day-counts';

const base: DayCountsInput = {
  limits: { newPerDay: 20, reviewsPerDay: 200 },
  introducedToday: 0,
  reviewedToday: 0,
  newAvailable: 26,
  learningDue: 2,
  reviewDue: 5,
};

describe('dayCounts', () => {
  it('caps new cards by what is left of the daily limit', () => {
    expect(dayCounts(base)).toEqual({ new: 20, learning: 2, review: 5 });
    expect(dayCounts({ ...base, introducedToday: 3 })).toEqual({ new: 17, learning: 2, review: 5 });
    expect(dayCounts({ ...base, introducedToday: 25 }).new).toBe(0);
  });

  it('caps new cards by what is available (burying one out of plenty changes nothing)', () => {
    expect(dayCounts({ ...base, newAvailable: 4 }).new).toBe(4);
    expect(dayCounts({ ...base, introducedToday: 3, newAvailable: 26 - 3 - 2 }).new).toBe(17);
  });

  it('caps reviews by what is left of the review limit', () => {
    expect(dayCounts({ ...base, limits: { newPerDay: 20, reviewsPerDay: 6 }, reviewedToday: 4 }).review).toBe(2);
    expect(dayCounts({ ...base, limits: { newPerDay: 20, reviewsPerDay: 3 }, reviewedToday: 4 }).review).toBe(0);
  });

  it('never goes below zero', () => {
    expect(dayCounts({ ...base, newAvailable: 0, learningDue: -1, reviewDue: 0 })).toEqual({ new: 0, learning: 0, review: 0 });
  });
});

describe('beyondLimits', () => {
  it('counts what "Study more" would add', () => {
    expect(beyondLimits(base)).toEqual({ new: 6, review: 0 });
    expect(beyondLimits({ ...base, introducedToday: 20, limits: { newPerDay: 20, reviewsPerDay: 3 } })).toEqual({ new: 26, review: 2 });
  });
});
