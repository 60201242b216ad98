import type { Scheduler } from '../scheduler';
import { cardStateOf } from './rows';
import { RATING_AGAIN, STATE_NEW, type CardRow, type ReviewRow } from './types';

/** Below this recall probability a card is weak even without a lapse. */
export const WEAK_RECALL = 0.8;

/** Misses older than this many days no longer make an item weak. */
export const MISS_WINDOW_DAYS = 30;

export interface WeakItem {
  questionId: string;
  /** Wrong quiz answers and Again ratings in the last MISS_WINDOW_DAYS days. */
  misses: number;
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
 * (state ≠ 0) and are not suspended. A candidate is weak when it was missed (a wrong quiz answer or
 * an Again rating) in the last 30 days, has lapsed at least once, or its recall probability at `now`
 * is below 0.8. Ranked by most misses, then most lapses, then lowest recall, then questionId
 * (code-unit order) so that the order is stable; the first `limit` are returned.
 */
export function weakestItems(
  cards: readonly CardRow[],
  reviews: readonly Pick<ReviewRow, 'questionId' | 'rating' | 'review'>[],
  now: Date,
  recall: RecallOf,
  limit = 10,
): WeakItem[] {
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`The limit must be a whole number ≥ 0 (got ${limit}).`);
  const since = now.getTime() - MISS_WINDOW_DAYS * 86_400_000;
  const misses = new Map<string, number>();
  for (const r of reviews) {
    const t = r.review.getTime();
    if (r.rating === RATING_AGAIN && t >= since && t <= now.getTime()) misses.set(r.questionId, (misses.get(r.questionId) ?? 0) + 1);
  }
  const weak: WeakItem[] = [];
  for (const card of cards) {
    if (card.suspended || card.state === STATE_NEW) continue;
    const probability = recall(card, now);
    const missed = misses.get(card.questionId) ?? 0;
    if (missed >= 1 || card.lapses >= 1 || probability < WEAK_RECALL)
      weak.push({ questionId: card.questionId, misses: missed, lapses: card.lapses, recall: probability });
  }
  weak.sort(
    (a, b) =>
      b.misses - a.misses ||
      b.lapses - a.lapses ||
      a.recall - b.recall ||
      (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0),
  );
  return weak.slice(0, limit);
}
