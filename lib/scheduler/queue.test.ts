import { describe, expect, it } from 'vitest';
import type { CardStateName } from './card';
import { nextDayStart } from './day';
import { classifyQueue } from './queue';

describe('classifyQueue', () => {
  it('counts new cards, learning cards due now and review cards due before the next day', () => {
    const now = new Date('2026-06-10T14:00:00Z'); // 15:00 in London (BST)
    const dayEnd = nextDayStart(now, 'Europe/London');
    expect(dayEnd).toEqual(new Date('2026-06-11T03:00:00Z'));
    const card = (state: CardStateName, due: string) => ({ state, due: new Date(due) });
    const counts = classifyQueue(
      [
        card('new', '2026-06-01T00:00:00Z'),
        card('new', '2026-07-01T00:00:00Z'), // new cards count whatever their due
        card('learning', '2026-06-10T13:59:00Z'),
        card('learning', '2026-06-10T14:00:00Z'),
        card('learning', '2026-06-10T14:10:00Z'), // a step due in ten minutes: not yet
        card('relearning', '2026-06-10T13:00:00Z'),
        card('review', '2026-06-01T03:00:00Z'), // overdue
        card('review', '2026-06-11T02:59:59Z'), // due later today (before 04:00 local)
        card('review', '2026-06-11T03:00:00Z'), // tomorrow
      ],
      now,
      dayEnd,
    );
    expect(counts).toEqual({ new: 2, learning: 3, review: 2 });
    expect(classifyQueue([], now, dayEnd)).toEqual({ new: 0, learning: 0, review: 0 });
  });
});
