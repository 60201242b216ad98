import { describe, expect, it } from 'vitest';
import { at, cardDue, reviewAt } from './fixtures';
import { cardStateOf, toCardRow, toReviewRow } from './rows';

describe('rows', () => {
  it('narrows stored reviews and drops other columns', () => {
    const stored = { ...reviewAt('2026-01-10T12:00:00Z'), rating: 1 as number, state: 3 as number, id: 7, source: 'quiz' };
    expect(toReviewRow(stored)).toEqual(reviewAt('2026-01-10T12:00:00Z', { rating: 1, state: 3, source: 'quiz' }));
    expect(() => toReviewRow({ ...stored, source: 'import' })).toThrow(RangeError);
    expect(() => toReviewRow({ ...stored, rating: 0 })).toThrow(RangeError);
    expect(() => toReviewRow({ ...stored, state: 4 })).toThrow(RangeError);
  });

  it('narrows stored cards', () => {
    const card = cardDue('2026-01-10T12:00:00Z', { buriedUntil: at('2026-01-11T04:00:00Z') });
    expect(toCardRow({ ...card, state: 1 as number, learnerId: 'l' } as Parameters<typeof toCardRow>[0])).toEqual({ ...card, state: 1 });
    expect(() => toCardRow({ ...card, state: 9 })).toThrow(RangeError);
  });

  it('gives the scheduler view with the state name', () => {
    const card = cardDue('2026-01-10T12:00:00Z', { state: 3, lapses: 2 });
    expect(cardStateOf(card)).toEqual({
      due: card.due,
      stability: 10,
      difficulty: 5,
      scheduledDays: 10,
      learningSteps: 0,
      reps: 3,
      lapses: 2,
      state: 'relearning',
      lastReview: card.lastReview,
    });
  });
});
