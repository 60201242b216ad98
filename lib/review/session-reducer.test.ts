import { describe, expect, it } from 'vitest';
import { emptySession, restoreSession } from './session';
import { countsOf, currentCard, initialReviewState, reviewReducer, type ReviewAction, type ReviewState } from './session-reducer';
import type { Previews, QueueCard, ReviewQueue } from './types';

const NOW = Date.parse('2026-11-29T10:00:00Z');
const DAY_ENDS = '2026-11-30T04:00:00.000Z';
const MIN = 60_000;

const previews = (minutes: Record<'again' | 'hard' | 'good' | 'easy', number>): Previews =>
  Object.fromEntries(
    Object.entries(minutes).map(([rating, m]) => [rating, { due: new Date(NOW + m * MIN).toISOString(), interval: `${m}m` }]),
  ) as Previews;

const card = (itemId: string, kind: QueueCard['kind'], due: string | null = null): QueueCard =>
  ({
    itemId,
    setId: 's',
    kind,
    due,
    front: {},
    back: { readerHref: '' },
    typed: null,
    // New and learning cards step in minutes; a review card's "good" is days away.
    previews:
      kind === 'review'
        ? previews({ again: 10, hard: 2 * 1440, good: 4 * 1440, easy: 9 * 1440 })
        : previews({ again: 1, hard: 6, good: 10, easy: 4 * 1440 }),
  }) as unknown as QueueCard;

const queue = (cards: QueueCard[], counts = { new: 2, learning: 0, review: 2 }): ReviewQueue => ({
  counts,
  beyond: { new: 0, review: 0 },
  cards,
  nextDue: null,
  dayEndsAt: DAY_ENDS,
});

const start = (cards: QueueCard[], pendingItemIds: string[] = []) =>
  initialReviewState({ queue: queue(cards), session: emptySession(DAY_ENDS, NOW), pendingItemIds: new Set(pendingItemIds), now: NOW });

const run = (state: ReviewState, ...actions: ReviewAction[]) => actions.reduce(reviewReducer, state);
const rate = (rating: 'again' | 'hard' | 'good' | 'easy', now = NOW, reviewId = `r-${rating}-${now}`): ReviewAction[] => [
  { type: 'flip' },
  { type: 'rate', rating, reviewId, now },
];

describe('reviewReducer', () => {
  it('rates only a flipped card, then shows the next with the counts and statistics moved on', () => {
    const state = start([card('n1', 'new'), card('r1', 'review')]);
    expect(currentCard(state)?.itemId).toBe('n1');
    expect(reviewReducer(state, { type: 'rate', rating: 'good', reviewId: 'x', now: NOW })).toBe(state); // not flipped: nothing happens
    const after = run(state, { type: 'type', text: 'typed' }, ...rate('easy'));
    expect(currentCard(after)?.itemId).toBe('r1');
    expect([after.flipped, after.typed]).toEqual([false, '']);
    expect(after.session.stats).toEqual({ studied: 1, again: 0 });
    expect(after.used).toEqual({ introduced: 1, reviewed: 0 });
    expect(countsOf(after)).toEqual({ new: 0, learning: 0, review: 1 }); // no new card left at hand
    expect(after.session.undo.at(-1)).toMatchObject({ kind: 'rate', reviewId: `r-easy-${NOW}`, rating: 'easy' });
    expect(after.session.scheduled.n1).toBe(new Date(NOW + 4 * 1440 * MIN).toISOString());
  });

  it('brings a learning-step card back when it falls due, and a review card rated good never today', () => {
    let state = run(start([card('n1', 'new'), card('r1', 'review')]), ...rate('again'));
    expect(state.queue.find((c) => c.itemId === 'n1')).toMatchObject({ kind: 'learning', previews: null, readyAt: NOW + MIN });
    state = run(state, ...rate('good', NOW + 5_000));
    expect(state.queue.map((c) => c.itemId)).toEqual(['n1']); // r1 is due in days
    // Within the learn-ahead window the learning card is shown at once.
    expect(currentCard(state)?.itemId).toBe('n1');
    expect(state.session.stats).toEqual({ studied: 2, again: 1 });
  });

  it('takes a rating’s real schedule from the server once it is acknowledged', () => {
    let state = run(start([card('n1', 'new'), card('r1', 'review')]), ...rate('hard'));
    expect(state.queue.find((c) => c.itemId === 'n1')).toMatchObject({ previews: null, readyAt: NOW + 6 * MIN });
    const real = previews({ again: 1, hard: 6, good: 10, easy: 1440 });
    state = run(state, {
      type: 'ack',
      itemId: 'n1',
      result: { card: { due: new Date(NOW + 30 * MIN).toISOString() } as never, previews: real },
    });
    expect(state.queue.find((c) => c.itemId === 'n1')).toMatchObject({ previews: real, readyAt: NOW + 30 * MIN });
    expect(state.session.scheduled.n1).toBe(new Date(NOW + 30 * MIN).toISOString());
  });

  it('waits for a learning card beyond the learn-ahead window, and shows it once a tick reaches it', () => {
    const state = start([card('l1', 'learning', new Date(NOW + 60 * MIN).toISOString())]);
    expect(currentCard(state)).toBeNull();
    expect(currentCard(run(state, { type: 'tick', now: NOW + 60 * MIN }))?.itemId).toBe('l1');
  });

  it('buries and suspends the card on screen, and undo puts it back first', () => {
    const state = start([card('n1', 'new'), card('n2', 'new'), card('r1', 'review')]);
    const buried = run(state, { type: 'flag', action: 'bury', opId: 'o1', now: NOW });
    expect(currentCard(buried)?.itemId).toBe('n2');
    expect(buried.used).toEqual({ introduced: 0, reviewed: 0 });
    const suspended = run(buried, { type: 'flag', action: 'suspend', opId: 'o2', now: NOW });
    expect(suspended.queue.map((c) => c.itemId)).toEqual(['r1']);
    expect(suspended.session.undo.map((u) => u.kind === 'flag' && u.action)).toEqual(['bury', 'suspend']);
    const undone = run(suspended, { type: 'undo', now: NOW + 1 });
    expect(currentCard(undone)?.itemId).toBe('n2');
    expect(undone.queue.map((c) => c.itemId)).toEqual(['n2', 'r1']);
    expect(undone.session.undo).toHaveLength(1);
  });

  it('undoes a rating: the card, its allowance and the statistics come back', () => {
    const state = start([card('n1', 'new'), card('r1', 'review')]);
    const rated = run(state, ...rate('again'));
    const undone = run(rated, { type: 'undo', now: NOW + 2 });
    expect(currentCard(undone)?.itemId).toBe('n1');
    expect(undone.queue.filter((c) => c.itemId === 'n1')).toHaveLength(1);
    expect(undone.queue[0]).toMatchObject({ kind: 'new' });
    expect(undone.session.stats).toEqual({ studied: 0, again: 0 });
    expect(undone.session.scheduled).toEqual({});
    expect(undone.used).toEqual({ introduced: 0, reviewed: 0 });
    expect([undone.shownAt, undone.flipped]).toEqual([NOW + 2, false]);
    expect(run(undone, { type: 'undo', now: NOW })).toBe(undone); // nothing left to undo
  });

  it('keeps at most twenty steps of undo', () => {
    const cards = Array.from({ length: 25 }, (_, i) => card(`r${i}`, 'review'));
    const state = initialReviewState({
      queue: queue(cards, { new: 0, learning: 0, review: 25 }),
      session: emptySession(DAY_ENDS, NOW),
      pendingItemIds: new Set(),
      now: NOW,
    });
    const done = run(state, ...cards.flatMap((_, i) => rate('good', NOW + i)));
    expect(done.session.undo).toHaveLength(20);
    expect(done.session.stats.studied).toBe(25);
  });
});

describe('initialReviewState', () => {
  it('restores a stored session of the same day, and leaves out cards whose ratings still wait in the outbox', () => {
    const rated = run(start([card('n1', 'new'), card('r1', 'review')]), ...rate('easy'));
    const stored = JSON.stringify(rated.session);
    const reloaded = initialReviewState({
      queue: queue([card('n1', 'new'), card('r1', 'review'), card('n2', 'new')]),
      session: restoreSession(stored, DAY_ENDS, NOW + 1000),
      pendingItemIds: new Set(['n1']),
      now: NOW + 1000,
    });
    expect(reloaded.session).toEqual(rated.session);
    expect(reloaded.queue.map((c) => c.itemId)).toEqual(['r1', 'n2']);
    expect(reloaded.used).toEqual({ introduced: 1, reviewed: 0 });
    expect(countsOf(reloaded)).toEqual({ new: 1, learning: 0, review: 1 });
    // Undo after a reload still brings the card back.
    expect(currentCard(run(reloaded, { type: 'undo', now: NOW + 2000 }))?.itemId).toBe('n1');
  });

  it('starts afresh when the stored session is from another day', () => {
    const stored = JSON.stringify({ ...emptySession('2026-11-29T04:00:00.000Z', NOW - 86_400_000), stats: { studied: 9, again: 1 } });
    const state = initialReviewState({
      queue: queue([card('n1', 'new')]),
      session: restoreSession(stored, DAY_ENDS, NOW),
      pendingItemIds: new Set(),
      now: NOW,
    });
    expect(state.session).toEqual(emptySession(DAY_ENDS, NOW));
    expect(currentCard(state)?.itemId).toBe('n1');
  });
});
