import type { CardRow, ReviewRow } from './types';

/** Test builders with fixed, explicit times. */

export const at = (iso: string) => new Date(iso);

/** A review at `iso` (UTC unless the string says otherwise); by default a Good review of a review card. */
export function reviewAt(iso: string, overrides: Partial<ReviewRow> = {}): ReviewRow {
  return { questionId: 'q', rating: 3, state: 2, review: at(iso), durationMs: 5000, scheduledDays: 10, source: 'flashcard', ...overrides };
}

/** A card due at `dueIso`; by default a young review card, not suspended or buried. */
export function cardDue(dueIso: string, overrides: Partial<CardRow> = {}): CardRow {
  return {
    questionId: 'q',
    setId: 'set',
    due: at(dueIso),
    state: 2,
    scheduledDays: 10,
    stability: 10,
    difficulty: 5,
    reps: 3,
    lapses: 0,
    lastReview: at('2026-01-01T12:00:00Z'),
    suspended: false,
    buriedUntil: null,
    learningSteps: 0,
    ...overrides,
  };
}
