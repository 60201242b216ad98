import { z } from 'zod';

/**
 * The learner's answer. The database stores it as an Int 1–4 (`ratingToNumber`), the same
 * numbers as ts-fsrs's `Rating` enum and Anki's revlog: 1 again, 2 hard, 3 good, 4 easy.
 */
export const RATINGS = ['again', 'hard', 'good', 'easy'] as const;
export type Rating = (typeof RATINGS)[number];
export const ratingSchema = z.enum(RATINGS);

/**
 * Where a card is in its life. In memory the state is a name; the database stores an Int 0–3
 * (`stateToNumber`), the same numbers as ts-fsrs's `State` enum:
 * 0 new, 1 learning, 2 review, 3 relearning.
 */
export const CARD_STATES = ['new', 'learning', 'review', 'relearning'] as const;
export type CardStateName = (typeof CARD_STATES)[number];

/**
 * A card's scheduling state: ts-fsrs 5.4's `Card` in camelCase, one field per Prisma column.
 *
 * ts-fsrs's `Card` also has `elapsed_days`, required by its type but deprecated ("will be removed
 * in 6.0.0"). It is not stored here: ts-fsrs never reads it to schedule. Every review recomputes the
 * days since `last_review` itself, and the card's own `elapsed_days` is only copied into the
 * review log's `last_elapsed_days`, which `rollback` copies back. The adapter passes 0.
 */
export interface CardState {
  /** When the card is next due. For a new card, its creation time. */
  due: Date;
  /** FSRS stability in days (0 for a new card). */
  stability: number;
  /** FSRS difficulty, 1–10 (0 for a new card). */
  difficulty: number;
  /** Days from the last review to `due` (0 while in (re)learning steps). */
  scheduledDays: number;
  /** Index of the current (re)learning step. */
  learningSteps: number;
  /** Number of reviews. */
  reps: number;
  /** Times a card in review was forgotten (rated again). */
  lapses: number;
  state: CardStateName;
  /** Time of the latest review; null for a card never reviewed. */
  lastReview: Date | null;
}

/**
 * One review, holding the card's scheduling state as it was BEFORE the review, so that `rollback`
 * restores the card exactly and the log alone reproduces the card (`replay`).
 *
 * ts-fsrs's own `ReviewLog` stores, for a reviewed card, the previous `last_review` in its `due`
 * field, and its `rollback` sets the restored card's due to the review time: the card's real
 * previous due is lost. This log keeps both `due` and `lastReview`. It leaves out ts-fsrs's
 * deprecated `elapsed_days` and `last_elapsed_days` (see `CardState`).
 */
export interface ReviewLogEntry {
  rating: Rating;
  /** When the review happened. */
  review: Date;
  state: CardStateName;
  due: Date;
  lastReview: Date | null;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
}

/** 'again' → 1 … 'easy' → 4. */
export function ratingToNumber(rating: Rating): 1 | 2 | 3 | 4 {
  return (RATINGS.indexOf(rating) + 1) as 1 | 2 | 3 | 4;
}

/** 1 → 'again' … 4 → 'easy'; throws on anything else (for instance a stored 0, "manual"). */
export function ratingFromNumber(value: number): Rating {
  const rating = Number.isInteger(value) ? RATINGS[value - 1] : undefined;
  if (rating === undefined) throw new RangeError(`A rating must be an integer 1–4 (got ${value}).`);
  return rating;
}

/** 'new' → 0, 'learning' → 1, 'review' → 2, 'relearning' → 3. */
export function stateToNumber(state: CardStateName): 0 | 1 | 2 | 3 {
  return CARD_STATES.indexOf(state) as 0 | 1 | 2 | 3;
}

/** 0 → 'new' … 3 → 'relearning'; throws on anything else. */
export function stateFromNumber(value: number): CardStateName {
  const state = Number.isInteger(value) ? CARD_STATES[value] : undefined;
  if (state === undefined) throw new RangeError(`A card state must be an integer 0–3 (got ${value}).`);
  return state;
}

/** A card as a database row stores it: the same fields, with the state as its number 0–3. */
export type CardColumns = Omit<CardState, 'state'> & { state: number };

/** The card's own fields from a row (which may carry more columns than these). */
export function cardStateFromColumns(c: CardColumns): CardState {
  return {
    due: c.due,
    stability: c.stability,
    difficulty: c.difficulty,
    scheduledDays: c.scheduledDays,
    learningSteps: c.learningSteps,
    reps: c.reps,
    lapses: c.lapses,
    state: stateFromNumber(c.state),
    lastReview: c.lastReview,
  };
}

export function cardColumnsOf(card: CardState): CardColumns {
  const { state, ...rest } = card;
  return { ...rest, state: stateToNumber(state) };
}
