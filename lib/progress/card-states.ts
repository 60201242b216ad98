import { STATE_NEW, STATE_REVIEW, type CardRow } from './types';

/** Anki's threshold: a review card is mature once its interval reaches 21 days. */
export const MATURE_INTERVAL_DAYS = 21;

/** Every card counted exactly once. */
export interface CardStateCounts {
  /** State 0, plus items never seen (no card yet) when the caller passes them. */
  new: number;
  /** Learning or relearning (states 1 and 3). */
  learning: number;
  /** Review state with scheduledDays < 21. */
  young: number;
  /** Review state with scheduledDays ≥ 21. */
  mature: number;
  /** Suspended cards, whatever their state (counted only here). */
  suspended: number;
}

const empty = (): CardStateCounts => ({ new: 0, learning: 0, young: 0, mature: 0, suspended: 0 });

function add(counts: CardStateCounts, card: Pick<CardRow, 'state' | 'scheduledDays' | 'suspended'>): void {
  if (card.suspended) counts.suspended += 1;
  else if (card.state === STATE_NEW) counts.new += 1;
  else if (card.state === STATE_REVIEW) {
    if (card.scheduledDays >= MATURE_INTERVAL_DAYS) counts.mature += 1;
    else counts.young += 1;
  } else counts.learning += 1;
}

function checkUnseen(unseen: number): void {
  if (!Number.isInteger(unseen) || unseen < 0)
    throw new RangeError(`The number of unseen items must be a whole number ≥ 0 (got ${unseen}).`);
}

/**
 * Cards by state. `unseen` (items with no card yet) is added to `new`. Buried cards count in their
 * state: the counts do not depend on the time.
 */
export function cardStates(cards: readonly Pick<CardRow, 'state' | 'scheduledDays' | 'suspended'>[], unseen = 0): CardStateCounts {
  checkUnseen(unseen);
  const counts = empty();
  for (const card of cards) add(counts, card);
  counts.new += unseen;
  return counts;
}

/** The total of all counts: the number of items they describe. */
export function totalOf(counts: CardStateCounts): number {
  return counts.new + counts.learning + counts.young + counts.mature + counts.suspended;
}

/**
 * `cardStates` per set. Sets appear in `unseenBySet` order, then sets that only have cards (in
 * order of first appearance); a set in `unseenBySet` with no cards still gets its entry.
 */
export function cardStatesBySet(
  cards: readonly Pick<CardRow, 'setId' | 'state' | 'scheduledDays' | 'suspended'>[],
  unseenBySet: ReadonlyMap<string, number> | Readonly<Record<string, number>> = {},
): Map<string, CardStateCounts> {
  const unseen: Iterable<[string, number]> = unseenBySet instanceof Map ? unseenBySet.entries() : Object.entries(unseenBySet);
  const bySet = new Map<string, CardStateCounts>();
  for (const [setId, count] of unseen) {
    checkUnseen(count);
    bySet.set(setId, { ...empty(), new: count });
  }
  for (const card of cards) {
    let counts = bySet.get(card.setId);
    if (!counts) {
      counts = empty();
      bySet.set(card.setId, counts);
    }
    add(counts, card);
  }
  return bySet;
}
