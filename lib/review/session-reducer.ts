import type { Rating } from '../scheduler';
import { pickNext, sessionCounts, toSessionCard, UNDO_DEPTH, type SessionCard, type StoredSession, type Used } from './session';
import type { RateResult, ReviewQueue } from './types';

/**
 * The review screen's state changes as one pure reducer: the component dispatches what happened
 * (with the time and the ids it drew) and sends the matching writes through the outbox itself.
 */
export interface ReviewState {
  /** The server's allowance at load (today's counts). */
  allowance: { new: number; review: number };
  dayEndsAt: string;
  session: StoredSession;
  queue: SessionCard[];
  used: Used;
  now: number;
  /** The card on screen; null lets a learning card that falls due while the screen is empty appear by itself. */
  pinned: SessionCard | null;
  shownAt: number;
  flipped: boolean;
  typed: string;
}

export type ReviewAction =
  | { type: 'tick'; now: number }
  | { type: 'flip' }
  | { type: 'type'; text: string }
  | { type: 'rate'; rating: Rating; reviewId: string; now: number }
  | { type: 'flag'; action: 'bury' | 'suspend'; opId: string; now: number }
  | { type: 'undo'; now: number }
  | { type: 'ack'; itemId: string; result: Pick<RateResult, 'card' | 'previews'> };

const DAY_MS = 86_400_000;

/**
 * The state at load. Cards whose ratings still wait in the outbox from an earlier visit are not
 * shown again, and count as used: the server does not know of them yet.
 */
export function initialReviewState({
  queue,
  session,
  pendingItemIds,
  now,
}: {
  queue: ReviewQueue;
  session: StoredSession;
  pendingItemIds: ReadonlySet<string>;
  now: number;
}): ReviewState {
  const cards = queue.cards.filter((c) => !pendingItemIds.has(c.itemId)).map((c) => toSessionCard(c, now));
  const kinds = queue.cards.filter((c) => pendingItemIds.has(c.itemId)).map((c) => c.kind);
  const used = { introduced: kinds.filter((k) => k === 'new').length, reviewed: kinds.filter((k) => k === 'review').length };
  const allowance = { new: queue.counts.new, review: queue.counts.review };
  return {
    allowance,
    dayEndsAt: queue.dayEndsAt,
    session,
    queue: cards,
    used,
    now,
    pinned: pickNext(cards, now, sessionCounts(cards, now, allowance, used)),
    shownAt: now,
    flipped: false,
    typed: '',
  };
}

export function countsOf(state: ReviewState) {
  return sessionCounts(state.queue, state.now, state.allowance, state.used);
}

/** The card to show: the pinned one, else whatever has fallen due since. */
export function currentCard(state: ReviewState): SessionCard | null {
  return state.pinned ?? pickNext(state.queue, state.now, countsOf(state));
}

/** Moves on to the next card of a changed queue. */
function advance(state: ReviewState, queue: SessionCard[], used: Used, now: number): ReviewState {
  const pinned = pickNext(queue, now, sessionCounts(queue, now, state.allowance, used));
  return { ...state, queue, used, now, pinned, shownAt: now, flipped: false, typed: '' };
}

const remember = (undo: StoredSession['undo'], entry: StoredSession['undo'][number]) => [...undo.slice(1 - UNDO_DEPTH), entry];

function rate(state: ReviewState, { rating, reviewId, now }: Extract<ReviewAction, { type: 'rate' }>): ReviewState {
  const card = currentCard(state);
  if (!card || !state.flipped) return state;
  // Until the server answers, a card without previews comes back in a minute.
  const due = card.previews ? Date.parse(card.previews[rating].due) : now + 60_000;
  const session: StoredSession = {
    ...state.session,
    stats: { studied: state.session.stats.studied + 1, again: state.session.stats.again + (rating === 'again' ? 1 : 0) },
    undo: remember(state.session.undo, { kind: 'rate', card, reviewId, rating }),
    scheduled: { ...state.session.scheduled, [card.itemId]: new Date(due).toISOString() },
  };
  const rest = state.queue.filter((c) => c.itemId !== card.itemId);
  // Comes back in this session when due before the learner's day ends and within a day (a learning step, or a short relearn).
  const returnsToday = due < Date.parse(state.dayEndsAt) && due - now < DAY_MS;
  const used = {
    introduced: state.used.introduced + (card.kind === 'new' ? 1 : 0),
    reviewed: state.used.reviewed + (card.kind === 'review' ? 1 : 0),
  };
  const queue = returnsToday ? [...rest, { ...card, kind: 'learning' as const, previews: null, readyAt: due }] : rest;
  return advance({ ...state, session }, queue, used, now);
}

function flag(state: ReviewState, { action, opId, now }: Extract<ReviewAction, { type: 'flag' }>): ReviewState {
  const card = currentCard(state);
  if (!card) return state;
  const session = { ...state.session, undo: remember(state.session.undo, { kind: 'flag', card, action, opId }) };
  return advance(
    { ...state, session },
    state.queue.filter((c) => c.itemId !== card.itemId),
    state.used,
    now,
  );
}

function undo(state: ReviewState, now: number): ReviewState {
  const last = state.session.undo.at(-1);
  if (!last) return state;
  let { session, used } = state;
  if (last.kind === 'rate') {
    const { [last.card.itemId]: _dropped, ...scheduled } = session.scheduled;
    session = {
      ...session,
      undo: session.undo.slice(0, -1),
      stats: {
        studied: Math.max(0, session.stats.studied - 1),
        again: Math.max(0, session.stats.again - (last.rating === 'again' ? 1 : 0)),
      },
      scheduled,
    };
    used = {
      introduced: used.introduced - (last.card.kind === 'new' ? 1 : 0),
      reviewed: used.reviewed - (last.card.kind === 'review' ? 1 : 0),
    };
  } else {
    session = { ...session, undo: session.undo.slice(0, -1) };
  }
  const queue = [last.card, ...state.queue.filter((c) => c.itemId !== last.card.itemId)];
  return { ...state, session, used, queue, pinned: last.card, shownAt: now, flipped: false, typed: '' };
}

/** An acknowledged rating brings the card's real schedule: its previews if it returns today. */
function ack(state: ReviewState, { itemId, result }: Extract<ReviewAction, { type: 'ack' }>): ReviewState {
  const awaiting = (c: SessionCard | null): c is SessionCard => c !== null && c.itemId === itemId && c.previews === null;
  return {
    ...state,
    queue: state.queue.map((c) => (awaiting(c) ? { ...c, previews: result.previews, readyAt: Date.parse(result.card.due) } : c)),
    pinned: awaiting(state.pinned) ? { ...state.pinned, previews: result.previews } : state.pinned,
    session:
      itemId in state.session.scheduled
        ? { ...state.session, scheduled: { ...state.session.scheduled, [itemId]: result.card.due } }
        : state.session,
  };
}

export function reviewReducer(state: ReviewState, action: ReviewAction): ReviewState {
  switch (action.type) {
    case 'tick':
      return { ...state, now: action.now };
    case 'flip':
      return currentCard(state) ? { ...state, flipped: true } : state;
    case 'type':
      return { ...state, typed: action.text };
    case 'rate':
      return rate(state, action);
    case 'flag':
      return flag(state, action);
    case 'undo':
      return undo(state, action.now);
    case 'ack':
      return ack(state, action);
  }
}
