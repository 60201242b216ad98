import type { Scheduler } from '../scheduler';
import { cardStateOf } from './rows';
import { STATE_NEW, type CardRow } from './types';

/** Below this recall probability a card is weak even without a lapse. */
export const WEAK_RECALL = 0.8;

export interface WeakItem {
  questionId: string;
  lapses: number;
  /** The probability of recall at `now`, 0–1. */
  recall: number;
}

/** How to get a card's recall probability at `now`. */
export type RecallOf = (card: CardRow, now: Date) => number;

/** `RecallOf` from a scheduler: `schedulerRecall(schedulerFor(settings))`. */
export function schedulerRecall(scheduler: Pick<Scheduler, 'recallProbability'>): RecallOf {
  return (card, now) => scheduler.recallProbability(cardStateOf(card), now);
}

/**
 * The items the learner struggles with most. Candidates are cards that have been reviewed
 * (state ≠ 0) and are not suspended. A candidate is weak when it has lapsed at least once or its
 * recall probability at `now` is below 0.8. Ranked by most lapses, then lowest recall, then
 * questionId (code-unit order) so that the order is stable; the first `limit` are returned.
 */
export function weakestItems(cards: readonly CardRow[], now: Date, recall: RecallOf, limit = 10): WeakItem[] {
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`The limit must be a whole number ≥ 0 (got ${limit}).`);
  const weak: WeakItem[] = [];
  for (const card of cards) {
    if (card.suspended || card.state === STATE_NEW) continue;
    const probability = recall(card, now);
    if (card.lapses >= 1 || probability < WEAK_RECALL) weak.push({ questionId: card.questionId, lapses: card.lapses, recall: probability });
  }
  weak.sort(
    (a, b) => b.lapses - a.lapses || a.recall - b.recall || (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0),
  );
  return weak.slice(0, limit);
}
