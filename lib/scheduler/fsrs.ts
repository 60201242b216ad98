import { createEmptyCard, default_w, fsrs, type Card, type FSRS, type FSRSParameters, type Grade, type ReviewLogInput } from 'ts-fsrs';
import { z } from 'zod';
import { RATINGS, ratingToNumber, stateFromNumber, stateToNumber, type CardState, type Rating, type ReviewLogEntry } from './card';
import { formatInterval } from './interval';

export const DEFAULT_DESIRED_RETENTION = 0.9;
export const MIN_DESIRED_RETENTION = 0.7;
export const MAX_DESIRED_RETENTION = 0.97;

const retentionMessage = `Desired retention must be a number from ${MIN_DESIRED_RETENTION.toFixed(2)} to ${MAX_DESIRED_RETENTION.toFixed(2)}`;

export const desiredRetentionSchema = z
  .number({ error: retentionMessage })
  .min(MIN_DESIRED_RETENTION, { error: retentionMessage })
  .max(MAX_DESIRED_RETENTION, { error: retentionMessage });

export const schedulerSettingsSchema = z.strictObject({
  desiredRetention: desiredRetentionSchema,
  /** Fuzz spreads review intervals a little so cards learned together do not stay together. ON in production, OFF in tests. */
  fuzz: z.boolean({ error: 'fuzz must be true or false' }),
});
export type SchedulerSettings = z.infer<typeof schedulerSettingsSchema>;

/** Thrown by `schedulerFor` for settings outside the allowed range. */
export class SchedulerSettingsError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'SchedulerSettingsError';
  }
}

/**
 * The ts-fsrs parameters for the learner's settings: FSRS-6 default weights, learning steps 1m 10m,
 * relearning step 10m, maximum interval 36500 days, short-term scheduling on.
 */
export function fsrsParameters(settings: SchedulerSettings): FSRSParameters {
  return {
    request_retention: settings.desiredRetention,
    maximum_interval: 36500,
    w: default_w,
    enable_fuzz: settings.fuzz,
    enable_short_term: true,
    learning_steps: ['1m', '10m'],
    relearning_steps: ['10m'],
  };
}

export interface IntervalPreview {
  due: Date;
  /** `due - now` as Anki labels its buttons: "1m", "10m", "8d", "3.2mo". */
  interval: string;
}

export interface ReviewResult {
  card: CardState;
  log: ReviewLogEntry;
}

/** What `replay` needs of each review; a stored `ReviewLogEntry` will do. */
export type ReplayEntry = Pick<ReviewLogEntry, 'rating' | 'review'>;

export interface Scheduler {
  readonly settings: Readonly<SchedulerSettings>;
  newCard(now: Date): CardState;
  review(card: CardState, rating: Rating, now: Date): ReviewResult;
  preview(card: CardState, now: Date): Record<Rating, IntervalPreview>;
  rollback(card: CardState, log: ReviewLogEntry): CardState;
  replay(logs: readonly ReplayEntry[], createdAt?: Date): CardState;
  recallProbability(card: CardState, now: Date): number;
}

const clone = (date: Date) => new Date(date.getTime());

function checkTime(now: Date, what: string): void {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new RangeError(`${what} must be a valid Date.`);
}

function toFsrsCard(card: CardState): Card {
  return {
    due: clone(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: 0, // deprecated and never read by the scheduler; see CardState
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: stateToNumber(card.state),
    ...(card.lastReview ? { last_review: clone(card.lastReview) } : {}),
  };
}

function fromFsrsCard(card: Card): CardState {
  return {
    due: clone(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: stateFromNumber(card.state),
    lastReview: card.last_review ? clone(card.last_review) : null,
  };
}

/** The log of rating `card` at `now`, from the adapter's own card rather than ts-fsrs's log (see ReviewLogEntry). */
function logOf(card: CardState, rating: Rating, now: Date): ReviewLogEntry {
  return {
    rating,
    review: clone(now),
    state: card.state,
    due: clone(card.due),
    lastReview: card.lastReview ? clone(card.lastReview) : null,
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduledDays,
    learningSteps: card.learningSteps,
  };
}

/** Our log in the shape ts-fsrs's rollback reads: its `due` is the previous last review once a card has been reviewed. */
function toFsrsLog(log: ReviewLogEntry): ReviewLogInput {
  return {
    rating: ratingToNumber(log.rating),
    state: stateToNumber(log.state),
    due: clone(log.state === 'new' ? log.due : (log.lastReview ?? log.due)),
    stability: log.stability,
    difficulty: log.difficulty,
    elapsed_days: 0,
    last_elapsed_days: 0,
    scheduled_days: log.scheduledDays,
    learning_steps: log.learningSteps,
    review: clone(log.review),
  };
}

/** A card never reviewed, created at `now` (its `due`). */
export function newCard(now: Date): CardState {
  checkTime(now, 'The creation time');
  return fromFsrsCard(createEmptyCard(clone(now)));
}

function makeScheduler(settings: SchedulerSettings): Scheduler {
  const f: FSRS = fsrs(fsrsParameters(settings));

  const checkReviewTime = (card: CardState, now: Date) => {
    checkTime(now, 'The review time');
    if (card.lastReview && now.getTime() < card.lastReview.getTime()) {
      throw new RangeError(`A review at ${now.toISOString()} is earlier than the card's last review at ${card.lastReview.toISOString()}.`);
    }
  };

  const review = (card: CardState, rating: Rating, now: Date): ReviewResult => {
    checkReviewTime(card, now);
    const next = f.next(toFsrsCard(card), clone(now), ratingToNumber(rating) as Grade);
    return { card: fromFsrsCard(next.card), log: logOf(card, rating, now) };
  };

  const scheduler: Scheduler = {
    settings: Object.freeze({ ...settings }),
    newCard,
    review,

    preview(card, now) {
      checkReviewTime(card, now);
      const options = f.repeat(toFsrsCard(card), clone(now));
      const entries = RATINGS.map((rating) => {
        const due = clone(options[ratingToNumber(rating) as Grade].card.due);
        return [rating, { due, interval: formatInterval(due.getTime() - now.getTime()) }] as const;
      });
      return Object.fromEntries(entries) as Record<Rating, IntervalPreview>;
    },

    rollback(card, log) {
      if (card.lastReview?.getTime() !== log.review.getTime()) {
        throw new RangeError("Only the card's latest review can be rolled back: the log's review time is not the card's last review.");
      }
      const previous = fromFsrsCard(f.rollback(toFsrsCard(card), toFsrsLog(log)));
      // ts-fsrs sets due to the review time and last_review from its log's `due`; ours keeps both.
      return { ...previous, due: clone(log.due), lastReview: log.lastReview ? clone(log.lastReview) : null };
    },

    replay(logs, createdAt) {
      // Stable sort: reviews stored with equal times keep their order.
      const ordered = [...logs].sort((a, b) => a.review.getTime() - b.review.getTime());
      const created = createdAt ?? ordered[0]?.review;
      if (!created) throw new RangeError('replay needs at least one review or the creation time.');
      return ordered.reduce((card, entry) => review(card, entry.rating, entry.review).card, newCard(created));
    },

    recallProbability(card, now) {
      checkTime(now, 'The time');
      if (card.state === 'new' || !card.lastReview) return 0;
      return f.get_retrievability(toFsrsCard(card), clone(now), false);
    },
  };
  return Object.freeze(scheduler);
}

const CACHE_LIMIT = 32;
const cache = new Map<string, Scheduler>();

/**
 * The scheduler for a learner's settings; throws SchedulerSettingsError when desired retention is
 * outside 0.70–0.97. Instances are cached per settings (the few most recent).
 */
export function schedulerFor(settings: SchedulerSettings): Scheduler {
  // Only settings that passed the schema are cached: a hit needs no parse (every rating asks).
  const known = cache.get(`${settings.desiredRetention}|${settings.fuzz}`);
  if (known) return known;
  const parsed = schedulerSettingsSchema.safeParse(settings);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) =>
      issue.path[0] === 'desiredRetention' ? `${issue.message} (got ${String(settings.desiredRetention)})` : issue.message,
    );
    throw new SchedulerSettingsError(`Invalid scheduler settings: ${problems.join('; ')}.`);
  }
  const key = `${parsed.data.desiredRetention}|${parsed.data.fuzz}`;
  let scheduler = cache.get(key);
  if (scheduler) {
    cache.delete(key); // re-insert: most recently used last
  } else {
    scheduler = makeScheduler(parsed.data);
    if (cache.size >= CACHE_LIMIT) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
  }
  cache.set(key, scheduler);
  return scheduler;
}

/**
 * Rebuilds a card from its reviews (any order; sorted by time) by rating a new card with each in
 * turn. The card is created at its first review's time unless `createdAt` is given. The creation
 * time only sets a never-reviewed card's due: every review sets due, stability, difficulty and the
 * rest afresh, so after one review the result does not depend on it, and replay reproduces the
 * stored card exactly, with fuzz on as well (ts-fsrs seeds its fuzz from the review time, reps and
 * memory state, all of which replay reproduces).
 */
export function replay(logs: readonly ReplayEntry[], settings: SchedulerSettings, createdAt?: Date): CardState {
  return schedulerFor(settings).replay(logs, createdAt);
}
