import type { CardState } from './card';

export interface QueueCounts {
  /** Cards never reviewed (the caller applies the daily limit on new cards). */
  new: number;
  /** Learning and relearning cards due now. */
  learning: number;
  /** Review cards due before the learner's next day begins. */
  review: number;
}

/**
 * Counts the review queue as Anki shows it. `nextDayStart` is when the learner's next day begins
 * (`nextDayStart(now, timeZone)` from ./day): a review card due later today already counts, a
 * learning step due in ten minutes does not yet.
 */
export function classifyQueue(
  cards: readonly Pick<CardState, 'state' | 'due'>[],
  now: Date,
  nextDayStart: Date,
): QueueCounts {
  const counts: QueueCounts = { new: 0, learning: 0, review: 0 };
  for (const { state, due } of cards) {
    if (state === 'new') counts.new += 1;
    else if (state === 'review') counts.review += due.getTime() < nextDayStart.getTime() ? 1 : 0;
    else counts.learning += due.getTime() <= now.getTime() ? 1 : 0;
  }
  return counts;
}

/** As in Anki: when nothing else is due, learning cards due within this window are shown early. */
export const LEARN_AHEAD_MS = 20 * 60 * 1000;
