import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { learnerDay } from '../scheduler';
import { checkDayCount, daysBetween, learnerDayOf } from './learner-days';

describe('learnerDayOf', () => {
  it('agrees with learnerDay at the boundaries', () => {
    const dayOf = learnerDayOf('Pacific/Auckland');
    expect(dayOf(new Date('2026-11-19T14:59:59.999Z'))).toBe('2026-11-19');
    expect(dayOf(new Date('2026-11-19T15:00:00Z'))).toBe('2026-11-20');
    const newYork = learnerDayOf('America/New_York');
    expect(newYork(new Date('2026-03-08T07:59:59.999Z'))).toBe('2026-03-07');
    expect(newYork(new Date('2026-03-08T08:00:00Z'))).toBe('2026-03-08');
    expect(() => newYork(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('property: agrees with learnerDay for any instant', () => {
    const zones = [
      'UTC',
      'Europe/London',
      'America/New_York',
      'Pacific/Auckland',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
      'America/St_Johns',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), (zone, ms) => {
        expect(learnerDayOf(zone)(new Date(ms))).toBe(learnerDay(new Date(ms), zone));
      }),
      { numRuns: 500 },
    );
  });
});

describe('daysBetween and checkDayCount', () => {
  it('counts calendar days', () => {
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
    expect(daysBetween('2026-01-01', '2025-12-31')).toBe(-1);
    expect(() => checkDayCount(0, 'x')).toThrow(RangeError);
    expect(() => checkDayCount(2, 'x')).not.toThrow();
  });
});
