import { totalOf, type CardStateCounts } from './card-states';

export interface Mastery {
  /** All items of the set: every count of `cardStates`, unseen items included. */
  total: number;
  /** Young + mature cards (not suspended). */
  learned: number;
  /** Mature cards (not suspended). */
  mature: number;
  /** learned / total; null for a set without items. */
  mastery: number | null;
  /** mature / total; null for a set without items. */
  matureShare: number | null;
}

/**
 * How much of a set is learned, from its `cardStates` counts (with the set's unseen items passed
 * in, so that the total is every item of the set). mastery = (young + mature) / total: the share
 * of items that have graduated to the review state. matureShare = mature / total: the share
 * with an interval of 21 days or more. Suspended cards count in the total but never as learned.
 */
export function mastery(counts: CardStateCounts): Mastery {
  const total = totalOf(counts);
  const learned = counts.young + counts.mature;
  return {
    total,
    learned,
    mature: counts.mature,
    mastery: total === 0 ? null : learned / total,
    matureShare: total === 0 ? null : counts.mature / total,
  };
}

/** `mastery` for each set of `cardStatesBySet`, same keys and order. */
export function masteryBySet(bySet: ReadonlyMap<string, CardStateCounts>): Map<string, Mastery> {
  return new Map([...bySet].map(([setId, counts]) => [setId, mastery(counts)]));
}
