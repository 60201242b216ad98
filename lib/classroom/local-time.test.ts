import { describe, expect, it } from 'vitest';
import { formatInstant, instantToLocal, localToInstant } from './local-time';
import { localDateTimeSchema } from './local-time-schema';

describe('local date-times', () => {
  it('converts a teacher’s wall-clock time to the instant, and back', () => {
    expect(localToInstant('2026-12-01T09:30', 'Europe/London').toISOString()).toBe('2026-12-01T09:30:00.000Z');
    expect(localToInstant('2026-07-01T09:30', 'Europe/London').toISOString()).toBe('2026-07-01T08:30:00.000Z');
    expect(localToInstant('2026-12-01T09:30', 'Asia/Tokyo').toISOString()).toBe('2026-12-01T00:30:00.000Z');
    expect(localToInstant('2026-11-26T08:00', 'Pacific/Auckland').toISOString()).toBe('2026-11-25T19:00:00.000Z');
    expect(instantToLocal(new Date('2026-07-01T08:30:00Z'), 'Europe/London')).toBe('2026-07-01T09:30');
  });

  it('handles the daylight-saving gap and overlap', () => {
    // 02:30 does not exist in New York on 8 March 2026; the earlier reading (01:30 EST) is taken.
    expect(localToInstant('2026-03-08T02:30', 'America/New_York').toISOString()).toBe('2026-03-08T06:30:00.000Z');
    // 01:30 happens twice on 1 November 2026; the earlier (EDT) is taken.
    expect(localToInstant('2026-11-01T01:30', 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });
});

describe('formatInstant', () => {
  it('reads one moment in the viewer’s zone, next day included', () => {
    const due = new Date('2026-12-01T20:30:00Z');
    expect(formatInstant(due, 'Asia/Tokyo')).toBe('Wed, 2 Dec 2026, 05:30 GMT+9');
    expect(formatInstant(due, 'UTC')).toBe('Tue, 1 Dec 2026, 20:30 UTC');
  });
});

describe('localDateTimeSchema', () => {
  it('accepts real moments and refuses impossible ones', () => {
    expect(localDateTimeSchema.safeParse('2028-02-29T23:59').success).toBe(true);
    for (const bad of [
      '2026-02-31T10:00',
      '2026-00-10T10:00',
      '2026-01-01T25:00',
      '2026-01-01T10:61',
      '0099-01-01T00:00',
      '9999-99-99T99:99',
      '2026-1-1T10:00',
    ]) {
      expect(localDateTimeSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});
