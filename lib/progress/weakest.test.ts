import { describe, expect, it } from 'vitest';
import { schedulerFor } from '../scheduler';
import { at, cardDue, reviewAt } from './fixtures';
import type { CardRow } from './types';
import { schedulerRecall, weakestItems } from './weakest';

const now = at('2026-01-10T12:00:00Z');
const due = '2026-01-20T12:00:00Z';

describe('weakestItems', () => {
  const recallById: Record<string, number> = { a: 0.9, b: 0.5, c: 0.79, d: 0.8, e: 0.95, f: 0.1, g: 0, h: 0.5, i: 0.79 };
  const recall = (card: CardRow) => recallById[card.questionId] ?? Number.NaN;
  const cards = [
    cardDue(due, { questionId: 'i', lapses: 0 }),
    cardDue(due, { questionId: 'h', lapses: 2 }),
    cardDue(due, { questionId: 'g', lapses: 0, state: 0 }), // never reviewed
    cardDue(due, { questionId: 'f', lapses: 3, suspended: true }),
    cardDue(due, { questionId: 'e', lapses: 1 }),
    cardDue(due, { questionId: 'd', lapses: 0 }), // recall exactly 0.8 and no lapse: not weak
    cardDue(due, { questionId: 'c', lapses: 0 }),
    cardDue(due, { questionId: 'b', lapses: 2 }),
    cardDue(due, { questionId: 'a', lapses: 2 }),
  ];

  it('ranks by lapses, then lowest recall, then questionId', () => {
    expect(weakestItems(cards, [], now, recall)).toEqual([
      { questionId: 'b', misses: 0, lapses: 2, recall: 0.5 },
      { questionId: 'h', misses: 0, lapses: 2, recall: 0.5 },
      { questionId: 'a', misses: 0, lapses: 2, recall: 0.9 },
      { questionId: 'e', misses: 0, lapses: 1, recall: 0.95 },
      { questionId: 'c', misses: 0, lapses: 0, recall: 0.79 },
      { questionId: 'i', misses: 0, lapses: 0, recall: 0.79 },
    ]);
  });

  it('counts wrong quiz answers: a card missed in a quiz is weak though it never lapsed', () => {
    const learning = cardDue(due, { questionId: 'quizzed', state: 1, lapses: 0 });
    const wrong = [
      reviewAt('2026-01-09T12:00:00Z', { questionId: 'quizzed', rating: 1, state: 0, source: 'quiz' }),
      reviewAt('2026-01-09T12:05:00Z', { questionId: 'quizzed', rating: 1, state: 1, source: 'quiz' }),
      reviewAt('2025-11-01T12:00:00Z', { questionId: 'e', rating: 1 }), // older than 30 days
    ];
    const ranked = weakestItems([...cards, learning], wrong, now, (card) => (card.questionId === 'quizzed' ? 0.99 : recall(card)));
    expect(ranked[0]).toEqual({ questionId: 'quizzed', misses: 2, lapses: 0, recall: 0.99 });
    expect(ranked.find((w) => w.questionId === 'e')?.misses).toBe(0);
  });

  it('returns at most `limit` items', () => {
    expect(weakestItems(cards, [], now, recall, 3).map((item) => item.questionId)).toEqual(['b', 'h', 'a']);
    expect(weakestItems(cards, [], now, recall, 0)).toEqual([]);
    expect(() => weakestItems(cards, [], now, recall, -1)).toThrow(RangeError);
  });

  it('passes now to the recall function', () => {
    const seen: Date[] = [];
    weakestItems([cardDue(due)], [], now, (_card, when) => (seen.push(when), 1));
    expect(seen).toEqual([now]);
  });

  it('reads recall from the scheduler: 0.9 after `stability` days (FSRS)', () => {
    const recallOf = schedulerRecall(schedulerFor({ desiredRetention: 0.9, fuzz: false }));
    const card = cardDue(due, { stability: 10, lastReview: at('2025-12-31T12:00:00Z') });
    expect(recallOf(card, now)).toBeCloseTo(0.9, 6);
    expect(recallOf(cardDue(due, { state: 0, lastReview: null }), now)).toBe(0);
  });
});
