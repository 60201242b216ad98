import { describe, expect, it } from 'vitest';
import { nextDuePhrase } from './due-phrase';

const now = new Date('2026-11-29T10:00:00Z'); // Sunday

describe('nextDuePhrase', () => {
  it('names the day and how far away it is', () => {
    expect(nextDuePhrase(new Date('2026-12-07T10:00:00Z'), now, 'UTC')).toBe('in 8 days, Mon 7 Dec');
    expect(nextDuePhrase(new Date('2026-11-30T08:00:00Z'), now, 'UTC')).toBe('tomorrow, Mon 30 Nov');
  });

  it('gives the time for later today, and minutes when it is close', () => {
    expect(nextDuePhrase(new Date('2026-11-29T14:30:00Z'), now, 'UTC')).toBe('today at 14:30');
    expect(nextDuePhrase(new Date('2026-11-29T10:05:00Z'), now, 'UTC')).toBe('in 5 minutes (10:05)');
    expect(nextDuePhrase(new Date('2026-11-29T10:00:30Z'), now, 'UTC')).toBe('in 1 minute (10:00)');
    expect(nextDuePhrase(new Date('2026-11-29T09:00:00Z'), now, 'UTC')).toBe('now');
  });

  it('counts calendar days in the viewer’s zone', () => {
    // 10:00Z is 19:00 in Tokyo; 16:00Z the next day is 01:00 two calendar days later there.
    expect(nextDuePhrase(new Date('2026-11-30T16:00:00Z'), now, 'Asia/Tokyo')).toBe('in 2 days, Tue 1 Dec');
    expect(nextDuePhrase(new Date('2026-11-29T16:00:00Z'), now, 'Asia/Tokyo')).toBe('tomorrow, Mon 30 Nov');
  });

  it('adds the year when it differs', () => {
    expect(nextDuePhrase(new Date('2027-01-04T10:00:00Z'), now, 'UTC')).toBe('in 36 days, Mon 4 Jan 2027');
  });
});
