import fc from 'fast-check';
import { createEmptyCard, default_w, fsrs, type Card, type Grade } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import {
  RATINGS,
  ratingFromNumber,
  ratingToNumber,
  stateFromNumber,
  stateToNumber,
  type CardState,
  type Rating,
  type ReviewLogEntry,
} from './card';
import { newCard, replay, schedulerFor, SchedulerSettingsError } from './fsrs';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const T0 = new Date('2026-01-10T12:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

const settings = { desiredRetention: 0.9, fuzz: false };
const scheduler = schedulerFor(settings);

/** ts-fsrs configured by hand, independently of the adapter's fsrsParameters. */
function reference(requestRetention = 0.9, fuzz = false) {
  return fsrs({
    request_retention: requestRetention,
    maximum_interval: 36500,
    w: default_w,
    enable_fuzz: fuzz,
    enable_short_term: true,
    learning_steps: ['1m', '10m'],
    relearning_steps: ['10m'],
  });
}

/** ts-fsrs's card in the adapter's shape (its deprecated elapsed_days dropped). */
function fromReference(card: Card): CardState {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: stateFromNumber(card.state),
    lastReview: card.last_review ?? null,
  };
}

describe('converters', () => {
  it('maps ratings to 1–4 and states to 0–3, the ts-fsrs enum numbers', () => {
    expect(RATINGS.map(ratingToNumber)).toEqual([1, 2, 3, 4]);
    expect([1, 2, 3, 4].map(ratingFromNumber)).toEqual(['again', 'hard', 'good', 'easy']);
    expect((['new', 'learning', 'review', 'relearning'] as const).map(stateToNumber)).toEqual([0, 1, 2, 3]);
    expect([0, 1, 2, 3].map(stateFromNumber)).toEqual(['new', 'learning', 'review', 'relearning']);
    for (const bad of [0, 5, 1.5, NaN]) expect(() => ratingFromNumber(bad)).toThrow(/1–4/);
    for (const bad of [-1, 4, 0.5]) expect(() => stateFromNumber(bad)).toThrow(/0–3/);
  });
});

describe('the adapter against ts-fsrs', () => {
  it('gives each first rating of a new card the same result as ts-fsrs', () => {
    const f = reference();
    for (const rating of RATINGS) {
      const ours = scheduler.review(newCard(T0), rating, T0);
      const theirs = f.next(createEmptyCard(T0), T0, ratingToNumber(rating) as Grade);
      expect(ours.card).toEqual(fromReference(theirs.card));
    }
  });

  it('matches ts-fsrs step by step over 30 reviews at realistic times, lapses included', () => {
    // [rating, minutes late after the card fell due]; reviews happen at due + lateness.
    const script: [Rating, number][] = [
      ['good', 0],
      ['good', 3],
      ['good', 60 * 9],
      ['good', 60 * 30],
      ['hard', 60 * 5],
      ['good', 0],
      ['again', 60 * 24 * 2],
      ['again', 2],
      ['good', 5],
      ['good', 60 * 8],
      ['easy', 60 * 24],
      ['good', 60 * 24 * 6],
      ['again', 60 * 3],
      ['hard', 1],
      ['good', 12],
      ['good', 60 * 20],
      ['hard', 0],
      ['good', 60 * 24 * 40],
      ['easy', 60 * 2],
      ['again', 60 * 24 * 3],
      ['good', 0],
      ['good', 60 * 24],
      ['good', 60 * 24 * 10],
      ['hard', 60 * 4],
      ['again', 0],
      ['again', 1],
      ['good', 9],
      ['easy', 60 * 24 * 2],
      ['good', 60 * 24 * 100],
      ['good', 0],
    ];
    expect(script).toHaveLength(30);
    const f = reference();
    let ours = newCard(T0);
    let theirs = createEmptyCard(T0);
    let now = T0;
    const states = new Set<string>();
    for (const [rating, late] of script) {
      const ourResult = scheduler.review(ours, rating, now);
      theirs = f.next(theirs, now, ratingToNumber(rating) as Grade).card;
      ours = ourResult.card;
      expect(ours).toEqual(fromReference(theirs));
      states.add(ours.state);
      now = new Date(ours.due.getTime() + late * MIN);
    }
    expect(states).toEqual(new Set(['learning', 'review', 'relearning']));
    expect(ours.lapses).toBe(4);
    expect(ours.reps).toBe(30);
  });

  it('also matches ts-fsrs with fuzz on', () => {
    const fuzzy = schedulerFor({ desiredRetention: 0.9, fuzz: true });
    const f = reference(0.9, true);
    let ours = newCard(T0);
    let theirs = createEmptyCard(T0);
    let now = T0;
    for (const rating of ['good', 'good', 'good', 'good', 'again', 'good', 'good', 'easy'] as const) {
      ours = fuzzy.review(ours, rating, now).card;
      theirs = f.next(theirs, now, ratingToNumber(rating) as Grade).card;
      expect(ours).toEqual(fromReference(theirs));
      now = new Date(ours.due.getTime() + 7 * HOUR);
    }
  });
});

describe('learning steps and preview', () => {
  it('puts a new card rated good 10 minutes out (step 2 of 1m 10m) and again 1 minute out', () => {
    expect(scheduler.review(newCard(T0), 'good', T0).card).toMatchObject({ state: 'learning', learningSteps: 1, due: at(10 * MIN) });
    expect(scheduler.review(newCard(T0), 'again', T0).card).toMatchObject({ state: 'learning', learningSteps: 0, due: at(MIN) });
  });

  it('previews a new card as ts-fsrs schedules it, labelled from the same due dates', () => {
    const preview = scheduler.preview(newCard(T0), T0);
    const theirs = reference().repeat(createEmptyCard(T0), T0);
    for (const rating of RATINGS) expect(preview[rating].due).toEqual(theirs[ratingToNumber(rating) as Grade].card.due);
    expect(preview).toEqual({
      again: { due: at(MIN), interval: '1m' },
      hard: { due: at(6 * MIN), interval: '6m' },
      good: { due: at(10 * MIN), interval: '10m' },
      easy: { due: at(8 * DAY), interval: '8d' },
    });
  });

  it('relearns a lapsed card with one 10-minute step', () => {
    const learned = scheduler.review(newCard(T0), 'easy', T0).card;
    const lapsed = scheduler.review(learned, 'again', learned.due).card;
    expect(lapsed).toMatchObject({ state: 'relearning', lapses: 1, due: new Date(learned.due.getTime() + 10 * MIN) });
    const preview = scheduler.preview(lapsed, lapsed.due);
    expect([preview.again.interval, preview.hard.interval]).toEqual(['10m', '15m']);
    expect(preview.good.interval).toMatch(/^\d+d$/);
  });

  it('refuses a review earlier than the last one', () => {
    const card = scheduler.review(newCard(T0), 'good', T0).card;
    expect(() => scheduler.review(card, 'good', at(-MIN))).toThrow(/earlier than the card's last review/);
    expect(() => scheduler.review(card, 'good', new Date(NaN))).toThrow(/valid Date/);
  });

  it('does not share Date objects with its inputs', () => {
    const now = at(0);
    const { card, log } = scheduler.review(newCard(now), 'good', now);
    now.setTime(0);
    expect(card.lastReview).toEqual(T0);
    expect(log.review).toEqual(T0);
  });
});

describe('rollback and replay', () => {
  /** Ratings with the gap before each review; gaps of 0 included, times only increase. */
  const reviewsArb = fc.array(
    fc.record({
      rating: fc.constantFrom(...RATINGS),
      gap: fc.oneof(fc.integer({ min: 0, max: 30 * MIN }), fc.integer({ min: 0, max: 120 * DAY })),
    }),
    { minLength: 1, maxLength: 25 },
  );

  function stepByStep(reviews: { rating: Rating; gap: number }[], fuzz: boolean, created = T0) {
    const s = schedulerFor({ desiredRetention: 0.9, fuzz });
    let card = newCard(created);
    let now = created.getTime();
    const steps: { before: CardState; after: CardState; log: ReviewLogEntry }[] = [];
    for (const { rating, gap } of reviews) {
      now += gap;
      const { card: after, log } = s.review(card, rating, new Date(now));
      steps.push({ before: card, after, log });
      card = after;
    }
    return { card, steps };
  }

  it.each([false, true])('replays the logs into exactly the stored card (fuzz %s)', (fuzz) => {
    fc.assert(
      fc.property(reviewsArb, fc.integer({ min: 0, max: 10 * DAY }), (reviews, createdBefore) => {
        // The card may have been created well before its first review: it makes no difference.
        const { card, steps } = stepByStep(reviews, fuzz, at(-createdBefore));
        const logs = steps.map((s) => s.log);
        expect(replay(logs, { desiredRetention: 0.9, fuzz })).toEqual(card);
        // Given out of order, logs are sorted by time (reviews at equal times keep their order).
        const distinctTimes = new Set(logs.map((l) => l.review.getTime())).size === logs.length;
        if (distinctTimes) expect(replay([...logs].reverse(), { desiredRetention: 0.9, fuzz })).toEqual(card);
      }),
    );
  });

  it('rolls every review back to exactly the card before it', () => {
    fc.assert(
      fc.property(reviewsArb, (reviews) => {
        for (const { before, after, log } of stepByStep(reviews, false).steps) {
          expect(scheduler.rollback(after, log)).toEqual(before);
        }
      }),
    );
  });

  it('rolls back a late review of a due card to its real due date, which ts-fsrs alone loses', () => {
    const learned = scheduler.review(newCard(T0), 'easy', T0).card;
    const late = new Date(learned.due.getTime() + 3 * DAY + 5 * HOUR);
    const { card, log } = scheduler.review(learned, 'good', late);
    expect(scheduler.rollback(card, log)).toEqual(learned);
    const f = reference();
    const theirs = f.next(f.next(createEmptyCard(T0), T0, 4).card, late, 3);
    expect(f.rollback(theirs.card, theirs.log).due).toEqual(late); // not learned.due
  });

  it('rolls back only the latest review', () => {
    const first = scheduler.review(newCard(T0), 'good', T0);
    const second = scheduler.review(first.card, 'good', at(10 * MIN));
    expect(() => scheduler.rollback(second.card, first.log)).toThrow(/latest review/);
  });

  it('replays an empty history only given a creation time', () => {
    expect(scheduler.replay([], T0)).toEqual(newCard(T0));
    expect(() => scheduler.replay([])).toThrow(/at least one review/);
  });
});

describe('desired retention', () => {
  function reviewInterval(desiredRetention: number): number {
    const s = schedulerFor({ desiredRetention, fuzz: false });
    let card = s.review(newCard(T0), 'good', T0).card;
    card = s.review(card, 'good', card.due).card; // graduates
    card = s.review(card, 'good', card.due).card;
    return card.scheduledDays;
  }

  it('schedules shorter reviews for a higher desired retention', () => {
    expect(reviewInterval(0.97)).toBeLessThan(reviewInterval(0.9));
    expect(reviewInterval(0.9)).toBeLessThan(reviewInterval(0.8));
    const easy = (r: number) => schedulerFor({ desiredRetention: r, fuzz: false }).preview(newCard(T0), T0).easy.due.getTime();
    expect(easy(0.97)).toBeLessThan(easy(0.8));
  });

  it('accepts 0.70 to 0.97 and throws a clear error outside it', () => {
    expect(() => schedulerFor({ desiredRetention: 0.7, fuzz: false })).not.toThrow();
    expect(() => schedulerFor({ desiredRetention: 0.97, fuzz: true })).not.toThrow();
    for (const bad of [0.69, 0.98, 1, 0, -0.9, NaN, Infinity]) {
      expect(() => schedulerFor({ desiredRetention: bad, fuzz: false })).toThrow(SchedulerSettingsError);
      expect(() => schedulerFor({ desiredRetention: bad, fuzz: false })).toThrow(/Desired retention must be a number from 0\.70 to 0\.97/);
    }
    expect(() => schedulerFor({ desiredRetention: 0.9 } as never)).toThrow(/fuzz/);
  });

  it('caches one scheduler per settings', () => {
    expect(schedulerFor({ desiredRetention: 0.9, fuzz: false })).toBe(scheduler);
    expect(schedulerFor({ desiredRetention: 0.9, fuzz: true })).not.toBe(scheduler);
    expect(schedulerFor({ desiredRetention: 0.85, fuzz: false }).settings).toEqual({ desiredRetention: 0.85, fuzz: false });
  });
});

describe('recallProbability', () => {
  it('is 0 for a new card, then ts-fsrs retrievability falling with time', () => {
    expect(scheduler.recallProbability(newCard(T0), at(5 * DAY))).toBe(0);
    const card = scheduler.review(newCard(T0), 'easy', T0).card;
    const r = (days: number) => scheduler.recallProbability(card, at(days * DAY));
    expect(r(0)).toBe(1);
    expect(r(card.scheduledDays)).toBeCloseTo(0.9, 2);
    expect(r(30)).toBeLessThan(r(10));
    expect(r(30)).toBe(reference().get_retrievability(reference().next(createEmptyCard(T0), T0, 4).card, at(30 * DAY), false));
  });
});
