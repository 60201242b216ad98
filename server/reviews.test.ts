import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ratingFromNumber, schedulerFor } from '@/lib/scheduler';
import { cardStateFromRow } from './cards';
import { questionsDir } from './config';
import { readContent } from './content-files';
import { syncContent } from './content-sync';
import { getDb } from './db';
import { AppError } from './errors';
import { createLearner, type LearnerRef } from './learners';
import { getReviewQueue } from './review-queue';
import { rateCard, setCardFlag, undoReview } from './reviews';
import { useTemporaryDatabase } from './test-database';

let cleanup: () => Promise<void>;
let learner: LearnerRef;
const T0 = new Date('2026-03-02T10:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const days = (n: number) => new Date(T0.getTime() + n * 86_400_000);

beforeEach(async () => {
  ({ cleanup } = await useTemporaryDatabase());
  await syncContent(await getDb(), readContent(questionsDir()));
  learner = (await createLearner()).learner;
});
afterEach(() => cleanup());

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
let n = 0;
const rid = () => `review-${String(++n).padStart(6, '0')}`;

async function cardRow(itemId: string) {
  const db = await getDb();
  return db.card.findUnique({ where: { learnerId_questionId: { learnerId: learner.id, questionId: itemId } } });
}

describe('review queue', () => {
  it('offers new cards up to the daily limit, with previews from the scheduler', async () => {
    const queue = await getReviewQueue(learner, { setId: 'timeline' }, T0);
    expect(queue.counts).toEqual({ new: 20, learning: 0, review: 0 });
    // Up to ten spare new cards follow the twenty, so burying one lets the next take its place.
    const setSize = await (await getDb()).question.count({ where: { setId: 'timeline', retiredAt: null } });
    expect(queue.cards).toHaveLength(Math.min(30, setSize));
    expect(queue.beyond).toEqual({ new: setSize - 20, review: 0 });
    const first = queue.cards[0]!;
    expect(first.kind).toBe('new');
    expect(Object.fromEntries(Object.entries(first.previews).map(([k, v]) => [k, v.interval]))).toEqual({
      again: '1m',
      hard: '6m',
      good: '10m',
      easy: '8d',
    });
    expect(first.back.sources[0]!.length).toBeGreaterThan(10);
  });

  it('respects smaller limits and counts only today’s flashcard reviews against them', async () => {
    const db = await getDb();
    await db.learner.update({ where: { id: learner.id }, data: { newPerDay: 2 } });
    learner = { ...learner, newPerDay: 2 };
    const queue = await getReviewQueue(learner, { setId: 'timeline' }, T0);
    expect(queue.counts.new).toBe(2);
    for (const card of queue.cards.slice(0, queue.counts.new))
      await rateCard(learner, { reviewId: rid(), itemId: card.itemId, rating: 'good', durationMs: 1000 }, T0);
    const after = await getReviewQueue(learner, { setId: 'timeline' }, minutes(1));
    // The two learning cards' 10-minute steps fall inside the 20-minute learn-ahead window, as in Anki.
    expect(after.counts).toEqual({ new: 0, learning: 2, review: 0 });
    expect((await getReviewQueue(learner, { setId: 'timeline' }, minutes(11))).counts.learning).toBe(2);
    // Tomorrow (a new learner day) brings two new cards again.
    expect((await getReviewQueue(learner, { setId: 'timeline' }, days(1))).counts.new).toBe(2);
  });

  it('keeps the new count when a new card is buried, and "Study more" raises the limits', async () => {
    learner = { ...learner, newPerDay: 3 };
    const queue = await getReviewQueue(learner, { setId: 'timeline' }, T0);
    expect(queue.counts.new).toBe(3);
    await setCardFlag(learner, queue.cards[0]!.itemId, 'bury', T0);
    await setCardFlag(learner, queue.cards[1]!.itemId, 'suspend', T0);
    expect((await getReviewQueue(learner, { setId: 'timeline' }, minutes(1))).counts.new).toBe(3);
    await rateCard(learner, { reviewId: rid(), itemId: queue.cards[2]!.itemId, rating: 'good', durationMs: 1000 }, T0);
    expect((await getReviewQueue(learner, { setId: 'timeline' }, minutes(1))).counts.new).toBe(2);
    expect((await getReviewQueue(learner, { setId: 'timeline', more: '10' }, minutes(1))).counts.new).toBe(12);
  });

  it('puts learning cards first, mixes reviews with new cards, and says when the next card is due', async () => {
    const [a, b, c] = (await getReviewQueue(learner, { setId: 'timeline' }, T0)).cards.map((card) => card.itemId);
    await rateCard(learner, { reviewId: rid(), itemId: a!, rating: 'easy', durationMs: 1000 }, T0);
    await rateCard(learner, { reviewId: rid(), itemId: b!, rating: 'good', durationMs: 1000 }, T0);
    // A minute later b's 10-minute step is queued and counted (it is within the learn-ahead
    // window, shown early if nothing else is left), and a's review is days away.
    const chosen = await getReviewQueue(learner, { items: `${a},${b},${c}` }, minutes(1));
    expect(chosen.cards.map((card) => [card.itemId, card.kind])).toEqual([
      [b, 'learning'],
      [c, 'new'],
    ]);
    expect(chosen.counts).toEqual({ new: 1, learning: 1, review: 0 });
    expect(chosen.nextDue).toBe((await cardRow(a!))!.due.toISOString());
    const later = await getReviewQueue(learner, { setId: 'timeline', limit: '3' }, minutes(11));
    expect(later.cards.map((card) => card.kind)).toEqual(['learning', 'new', 'new']);
    expect(later.cards[0]!.itemId).toBe(b);
    expect(later.counts).toEqual({ new: 18, learning: 1, review: 0 });
    const dueDay = await getReviewQueue(learner, { items: `${a},${c}` }, (await cardRow(a!))!.due);
    expect(dueDay.cards.map((card) => [card.itemId, card.kind])).toEqual([
      [a, 'review'],
      [c, 'new'],
    ]);
    expect(dueDay.cards[0]!.due).toBe((await cardRow(a!))!.due.toISOString());
  });

  it('leaves out retired items and retired sets', async () => {
    const db = await getDb();
    const [first] = (await getReviewQueue(learner, { setId: 'timeline' }, T0)).cards.map((card) => card.itemId);
    await db.question.update({ where: { id: first! }, data: { retiredAt: T0 } });
    expect((await getReviewQueue(learner, { setId: 'timeline', limit: '500' }, T0)).cards.map((card) => card.itemId)).not.toContain(first);
    await db.questionSet.update({ where: { id: 'timeline' }, data: { retiredAt: T0 } });
    expect((await rejection(getReviewQueue(learner, { setId: 'timeline' }, T0))).status).toBe(404);
    const everything = await getReviewQueue(learner, { limit: '500' }, T0);
    expect(everything.cards.every((card) => card.setId !== 'timeline')).toBe(true);
  });

  it('refuses a bad query and an unknown set', async () => {
    expect((await rejection(getReviewQueue(learner, { limit: '0' }, T0))).message).toMatch(/^limit: /);
    expect((await rejection(getReviewQueue(learner, { setId: 'nope' }, T0))).status).toBe(404);
    expect((await rejection(getReviewQueue(learner, { setId: 'timeline', extra: '1' }, T0))).status).toBe(400);
  });
});

describe('rating', () => {
  it('schedules exactly what the preview promised, and is idempotent by reviewId', async () => {
    const [card] = (await getReviewQueue(learner, { setId: 'timeline', limit: 1 }, T0)).cards;
    const id = rid();
    const result = await rateCard(learner, { reviewId: id, itemId: card!.itemId, rating: 'good', durationMs: 4000 }, T0);
    expect(result.card.due).toBe(card!.previews.good.due);
    expect(result.card.interval).toBe('10m');
    expect(result.card.state).toBe('learning');
    const again = await rateCard(learner, { reviewId: id, itemId: card!.itemId, rating: 'easy', durationMs: 4000 }, minutes(5));
    expect(again.duplicate).toBe(true);
    expect(again.card.due).toBe(result.card.due);
    expect(await (await getDb()).reviewLog.count()).toBe(1);
  });

  it('keeps the stored card equal to a replay of its log (the FSRS invariant)', async () => {
    const itemId = 'tl-001';
    const times = [minutes(0), minutes(2), minutes(13), days(2), days(3), days(9), days(30), days(31)];
    const ratings = ['again', 'good', 'good', 'again', 'good', 'hard', 'easy', 'good'] as const;
    for (const [i, at] of times.entries()) await rateCard(learner, { reviewId: rid(), itemId, rating: ratings[i]!, durationMs: 1000 }, at);
    const logs = await (
      await getDb()
    ).reviewLog.findMany({ where: { learnerId: learner.id, questionId: itemId }, orderBy: { review: 'asc' } });
    const replayed = schedulerFor({ desiredRetention: 0.9, fuzz: false }).replay(
      logs.map((l) => ({ rating: ratingFromNumber(l.rating), review: l.review })),
    );
    expect(cardStateFromRow((await cardRow(itemId))!)).toEqual(replayed);
  });

  it('undo restores the card exactly, one review at a time, and forgets a card never otherwise seen', async () => {
    const itemId = 'tl-002';
    const first = rid();
    const second = rid();
    await rateCard(learner, { reviewId: first, itemId, rating: 'good', durationMs: 1000 }, T0);
    const afterFirst = await cardRow(itemId);
    await rateCard(learner, { reviewId: second, itemId, rating: 'again', durationMs: 1000 }, minutes(12));
    expect((await rejection(undoReview(learner, first))).status).toBe(409);
    await undoReview(learner, second);
    const restored = await cardRow(itemId);
    expect({ ...restored, updatedAt: null }).toEqual({ ...afterFirst, updatedAt: null });
    await undoReview(learner, first);
    expect(await cardRow(itemId)).toBeNull();
    expect(await (await getDb()).reviewLog.count()).toBe(0);
    expect((await rejection(undoReview(learner, first))).status).toBe(404);
  });

  it('refuses bad input with the field named and changes nothing; another learner cannot undo', async () => {
    const cases: [unknown, RegExp][] = [
      [{ reviewId: rid(), itemId: 'tl-001', rating: 'meh', durationMs: 1 }, /^rating: /],
      [{ reviewId: 'x', itemId: 'tl-001', rating: 'good', durationMs: 1 }, /^reviewId: /],
      [{ reviewId: rid(), itemId: 'tl-001', rating: 'good' }, /^durationMs: /],
      [{ reviewId: rid(), itemId: 'tl-001', rating: 'good', durationMs: 1, reviewedAt: '2020-01-01T00:00:00Z' }, /^reviewedAt: /],
    ];
    for (const [body, message] of cases) expect((await rejection(rateCard(learner, body, T0))).message).toMatch(message);
    expect((await rejection(rateCard(learner, { reviewId: rid(), itemId: 'no-such', rating: 'good', durationMs: 1 }, T0))).status).toBe(
      404,
    );
    const id = rid();
    await rateCard(learner, { reviewId: id, itemId: 'tl-001', rating: 'good', durationMs: 1 }, T0);
    const other = (await createLearner()).learner;
    expect((await rejection(undoReview(other, id))).status).toBe(404);
    expect(await (await getDb()).reviewLog.count()).toBe(1);
  });
});

describe('bury and suspend', () => {
  it('bury hides a card until the learner’s next day; suspend until unsuspended', async () => {
    const ids = (await getReviewQueue(learner, { setId: 'timeline' }, T0)).cards.map((c) => c.itemId);
    await setCardFlag(learner, ids[0]!, 'bury', T0);
    await setCardFlag(learner, ids[1]!, 'suspend', T0);
    const today = (await getReviewQueue(learner, { setId: 'timeline' }, minutes(1))).cards.map((c) => c.itemId);
    expect(today).not.toContain(ids[0]);
    expect(today).not.toContain(ids[1]);
    const tomorrow = (await getReviewQueue(learner, { setId: 'timeline' }, days(1))).cards.map((c) => c.itemId);
    expect(tomorrow).toContain(ids[0]);
    expect(tomorrow).not.toContain(ids[1]);
    await setCardFlag(learner, ids[1]!, 'unsuspend', days(1));
    expect((await getReviewQueue(learner, { setId: 'timeline' }, days(1))).cards.map((c) => c.itemId)).toContain(ids[1]);
    expect((await rejection(setCardFlag(learner, 'no-such', 'bury', T0))).status).toBe(404);
  });
});
