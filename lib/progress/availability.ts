import type { CardRow } from './types';

/**
 * When a card can next be shown: its due time, or the end of its burial if that is later.
 * (A burial that has already ended is earlier than or equal to `now`, so it changes nothing that
 * is measured against `now`.)
 */
export function availableAt(card: Pick<CardRow, 'due' | 'buriedUntil'>): number {
  const due = card.due.getTime();
  return card.buriedUntil ? Math.max(due, card.buriedUntil.getTime()) : due;
}

/** Whether the card is buried at `now`: `buriedUntil` is strictly after `now`. */
export function isBuried(card: Pick<CardRow, 'buriedUntil'>, now: Date): boolean {
  return card.buriedUntil !== null && card.buriedUntil.getTime() > now.getTime();
}
