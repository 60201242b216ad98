import { LEARN_AHEAD_MS } from '../scheduler/queue';
import { dayCounts, type DayCounts } from './day-counts';
import type { QueueCard } from './types';

/**
 * The review screen's logic, kept out of React so it can be tested: which card comes next, what
 * the counts say, and what of a session survives a reload.
 */

/** A card in the session: previews are null while its last rating awaits the server. */
export type SessionCard = Omit<QueueCard, 'previews'> & { previews: QueueCard['previews'] | null; readyAt: number };

export type UndoEntry =
  | { kind: 'rate'; card: SessionCard; reviewId: string; rating: 'again' | 'hard' | 'good' | 'easy' }
  | { kind: 'flag'; card: SessionCard; action: 'bury' | 'suspend'; opId: string };

/** What the session has used of today's allowance since the page loaded (undo gives it back). */
export interface Used {
  introduced: number;
  reviewed: number;
}

export function toSessionCard(card: QueueCard, now: number): SessionCard {
  return { ...card, readyAt: card.kind === 'learning' && card.due ? Date.parse(card.due) : now };
}

/**
 * Today's counts for the cards in memory: the server's allowance at load, less what the session
 * used, capped by the cards at hand (the server sends a few spare new cards, so burying one does
 * not lower the count, just as a reload would not).
 */
export function sessionCounts(
  queue: readonly SessionCard[],
  now: number,
  allowance: { new: number; review: number },
  used: Used,
): DayCounts {
  return dayCounts({
    limits: { newPerDay: allowance.new, reviewsPerDay: allowance.review },
    introducedToday: used.introduced,
    reviewedToday: used.reviewed,
    newAvailable: queue.filter((c) => c.kind === 'new').length,
    learningDue: queue.filter((c) => c.kind === 'learning' && c.readyAt <= now + LEARN_AHEAD_MS).length,
    reviewDue: queue.filter((c) => c.kind === 'review').length,
  });
}

/**
 * The next card to show: anything ready now (learning first), else a learning card due soon
 * (Anki's learn-ahead). New and review cards only while the counts allow them.
 */
export function pickNext(queue: readonly SessionCard[], now: number, counts: Pick<DayCounts, 'new' | 'review'>): SessionCard | null {
  const allowed = queue.filter((c) => (c.kind === 'new' ? counts.new > 0 : c.kind === 'review' ? counts.review > 0 : true));
  const ready = allowed.filter((c) => c.readyAt <= now);
  const learningReady = ready.filter((c) => c.kind === 'learning').sort((a, b) => a.readyAt - b.readyAt);
  if (learningReady[0]) return learningReady[0];
  if (ready[0]) return ready[0];
  const soon = allowed.filter((c) => c.readyAt <= now + LEARN_AHEAD_MS).sort((a, b) => a.readyAt - b.readyAt);
  return soon[0] ?? null;
}

/** The earliest time after `now` at which a card of this scope is due, or null. */
export function nextDueAfter(now: number, candidates: readonly (string | number | null | undefined)[]): string | null {
  const times = candidates
    .map((c) => (typeof c === 'string' ? Date.parse(c) : c))
    .filter((t): t is number => typeof t === 'number' && Number.isFinite(t) && t > now);
  return times.length ? new Date(Math.min(...times)).toISOString() : null;
}

/** What of a session is kept in the browser so a reload keeps its statistics and undo. */
export interface StoredSession {
  /** The learner day the session belongs to: a stored session from another day is dropped. */
  dayEndsAt: string;
  startedAt: number;
  stats: { studied: number; again: number };
  undo: UndoEntry[];
  /** When the cards rated in this session are next due (item id → ISO time). */
  scheduled: Record<string, string>;
}

export const UNDO_DEPTH = 20;

export function emptySession(dayEndsAt: string, now: number): StoredSession {
  return { dayEndsAt, startedAt: now, stats: { studied: 0, again: 0 }, undo: [], scheduled: {} };
}

/** Reads a stored session back, or a fresh one when it is missing, malformed or from another day. */
export function restoreSession(raw: string | null, dayEndsAt: string, now: number): StoredSession {
  if (!raw) return emptySession(dayEndsAt, now);
  try {
    const stored = JSON.parse(raw) as Partial<StoredSession>;
    const valid =
      stored.dayEndsAt === dayEndsAt &&
      typeof stored.startedAt === 'number' &&
      typeof stored.stats?.studied === 'number' &&
      typeof stored.stats.again === 'number' &&
      Array.isArray(stored.undo) &&
      typeof stored.scheduled === 'object' &&
      stored.scheduled !== null;
    return valid ? (stored as StoredSession) : emptySession(dayEndsAt, now);
  } catch {
    return emptySession(dayEndsAt, now);
  }
}

/** The storage key for one review scope (all sets, a set, chosen items, an assignment). */
export function sessionKey(pathname: string, search: string): string {
  const params = new URLSearchParams(search);
  params.delete('more');
  const rest = params.toString();
  return `passage-review-session:${pathname}${rest ? `?${rest}` : ''}`;
}
