import type { TypedItem } from '../questions/schema';
import type { CardBack, CardFront } from '../quiz/card-faces';
import type { CardStateName, Rating } from '../scheduler';

/** What the review API sends: shared by server/review-queue.ts, server/reviews.ts and the review screen. */
export type Previews = Record<Rating, { due: string; interval: string }>;

export interface QueueCard {
  itemId: string;
  setId: string;
  kind: 'new' | 'learning' | 'review';
  due: string | null;
  front: CardFront;
  back: CardBack & { readerHref: string };
  typed: Pick<TypedItem, 'id' | 'type' | 'answer' | 'accept' | 'prompt' | 'explanation' | 'source'> | null;
  previews: Previews;
}

export interface ReviewQueue {
  /** Today's counts (lib/review/day-counts): the cards holds these plus a few spares. */
  counts: { new: number; learning: number; review: number };
  /** Cards available beyond today's limits: what "Study more" would add. */
  beyond: { new: number; review: number };
  cards: QueueCard[];
  nextDue: string | null;
  dayEndsAt: string;
}

export interface RateResult {
  duplicate: boolean;
  card: { itemId: string; due: string; state: CardStateName; interval: string; reps: number; lapses: number };
  previews: Previews;
}
