import { describe, expect, it } from 'vitest';
import { at, cardDue, reviewAt } from './fixtures';
import { todaySummary } from './today';

describe('todaySummary', () => {
  const now = at('2026-01-10T12:00:00Z'); // Europe/London in winter is UTC; the next day starts 2026-01-11T04:00Z
  const tomorrow = at('2026-01-11T04:00:00Z');
  const cards = [
    cardDue('2026-01-09T12:00:00Z'), // overdue review: due now
    cardDue('2026-01-10T11:59:00Z', { state: 1, scheduledDays: 0 }), // learning: due now
    cardDue('2026-01-10T12:00:00Z', { state: 3, scheduledDays: 0 }), // relearning due exactly now
    cardDue('2026-01-10T12:10:00Z', { state: 1, scheduledDays: 0 }), // learning step later today
    cardDue('2026-01-11T03:59:00Z'), // later today (before 04:00)
    cardDue('2026-01-11T04:00:00Z'), // tomorrow
    cardDue('2026-01-09T12:00:00Z', { buriedUntil: tomorrow }), // buried until tomorrow: neither
    cardDue('2026-01-09T12:00:00Z', { buriedUntil: at('2026-01-10T13:00:00Z') }), // unburied later today
    cardDue('2026-01-09T12:00:00Z', { suspended: true }),
    cardDue('2026-01-10T00:00:00Z', { state: 0, scheduledDays: 0 }), // new, available
    cardDue('2026-01-10T00:00:00Z', { state: 0, scheduledDays: 0, buriedUntil: tomorrow }),
    cardDue('2026-01-10T00:00:00Z', { state: 0, scheduledDays: 0, suspended: true }),
  ];
  const reviews = [
    reviewAt('2026-01-10T03:30:00Z', { questionId: 'q4', state: 0 }), // 03:30: yesterday's learner day
    reviewAt('2026-01-10T05:00:00Z', { questionId: 'q1', state: 0 }),
    reviewAt('2026-01-10T06:00:00Z', { questionId: 'q1', state: 1 }),
    reviewAt('2026-01-10T07:00:00Z', { questionId: 'q2', state: 0 }),
    reviewAt('2026-01-10T08:00:00Z', { questionId: 'q3', state: 2 }),
    reviewAt('2026-01-10T12:30:00Z', { questionId: 'q5', state: 0 }), // after now
  ];

  it('counts due now, due later today, new left and reviews done', () => {
    expect(todaySummary(cards, reviews, now, 'Europe/London', { newPerDay: 5, reviewsPerDay: 100 }, 10)).toEqual({
      dueNow: 3,
      dueLaterToday: 3,
      newLeft: 3, // min(5 − 2 introduced, 10 unseen + 1 available)
      reviewsDoneToday: 4,
      reviewLimitLeft: 99,
      // The review queue's numbers: the unburied-later-today card is buried now, so it waits; the
      // learning step 10 minutes away is inside the 20-minute learn-ahead window.
      queue: { new: 3, learning: 3, review: 2 },
    });
  });

  it('lets quiz answers schedule cards without using up the day’s new cards (as /review counts)', () => {
    const quizzed = [
      reviewAt('2026-01-10T05:00:00Z', { questionId: 'q1', state: 0, source: 'quiz' }),
      reviewAt('2026-01-10T06:00:00Z', { questionId: 'q2', state: 0, source: 'quiz' }),
    ];
    const summary = todaySummary([], quizzed, now, 'Europe/London', { newPerDay: 2, reviewsPerDay: 100 }, 10);
    expect(summary.newLeft).toBe(2);
    expect(summary.queue).toEqual({ new: 2, learning: 0, review: 0 });
    expect(summary.reviewsDoneToday).toBe(2);
  });

  it('limits new cards by what is left to introduce, floored at 0', () => {
    const summary = (newPerDay: number, unseen: number) =>
      todaySummary(cards, reviews, now, 'Europe/London', { newPerDay, reviewsPerDay: 1 }, unseen);
    expect(summary(20, 0).newLeft).toBe(1); // only one state-0 card is available
    expect(summary(1, 10).newLeft).toBe(0); // 1 − 2 < 0
    expect(summary(1, 10).reviewLimitLeft).toBe(0);
  });

  it('ends today at the next day start across a daylight-saving change (America/New_York)', () => {
    const saturday = at('2026-03-07T20:00:00Z'); // 15:00 EST; learner day 7 March ends at 2026-03-08T08:00Z (04:00 EDT)
    const summary = todaySummary(
      [cardDue('2026-03-08T07:30:00Z'), cardDue('2026-03-08T08:00:00Z')],
      [reviewAt('2026-03-07T08:30:00Z'), reviewAt('2026-03-07T09:00:00Z')], // 03:30 EST (6 March) and 04:00 EST
      saturday,
      'America/New_York',
      { newPerDay: 10, reviewsPerDay: 100 },
    );
    expect(summary).toEqual({
      dueNow: 0,
      dueLaterToday: 1,
      newLeft: 0,
      reviewsDoneToday: 1,
      reviewLimitLeft: 99,
      queue: { new: 0, learning: 0, review: 1 },
    });
  });
});
