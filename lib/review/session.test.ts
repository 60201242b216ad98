import { describe, expect, it } from 'vitest';
import { emptySession, nextDueAfter, pickNext, restoreSession, sessionCounts, sessionKey, type SessionCard } from './session';

const NOW = Date.parse('2026-11-29T10:00:00Z');
const card = (itemId: string, kind: SessionCard['kind'], readyAt = NOW): SessionCard =>
  ({ itemId, kind, readyAt, setId: 's', due: null, front: {}, back: {}, typed: null, previews: null }) as unknown as SessionCard;

describe('sessionCounts', () => {
  const queue = [
    card('n1', 'new'),
    card('n2', 'new'),
    card('n3', 'new'),
    card('r1', 'review'),
    card('l1', 'learning', NOW + 60_000),
    card('l2', 'learning', NOW + 3_600_000),
  ];

  it('counts learning cards within the learn-ahead window only', () => {
    expect(sessionCounts(queue, NOW, { new: 2, review: 5 }, { introduced: 0, reviewed: 0 })).toEqual({ new: 2, learning: 1, review: 1 });
  });

  it('keeps the new count when a spare new card stands in for a buried one, as a reload would', () => {
    const buried = queue.filter((c) => c.itemId !== 'n1');
    expect(sessionCounts(buried, NOW, { new: 2, review: 5 }, { introduced: 0, reviewed: 0 }).new).toBe(2);
  });

  it('lowers the new count for each card introduced, and raises it again on undo', () => {
    const rest = queue.filter((c) => c.itemId !== 'n1');
    expect(sessionCounts(rest, NOW, { new: 2, review: 5 }, { introduced: 1, reviewed: 0 }).new).toBe(1);
    expect(sessionCounts(queue, NOW, { new: 2, review: 5 }, { introduced: -1, reviewed: 0 }).new).toBe(3);
  });
});

describe('pickNext', () => {
  it('shows ready learning cards first, then the queue order', () => {
    const queue = [card('n1', 'new'), card('l1', 'learning', NOW - 1)];
    expect(pickNext(queue, NOW, { new: 1, review: 0 })?.itemId).toBe('l1');
    expect(pickNext([card('n1', 'new'), card('r1', 'review')], NOW, { new: 1, review: 1 })?.itemId).toBe('n1');
  });

  it('skips new cards once the new count is used up', () => {
    expect(pickNext([card('n1', 'new'), card('r1', 'review')], NOW, { new: 0, review: 1 })?.itemId).toBe('r1');
    expect(pickNext([card('n1', 'new')], NOW, { new: 0, review: 0 })).toBeNull();
  });

  it('learns ahead: a learning card due within 20 minutes when nothing else is ready', () => {
    expect(pickNext([card('l1', 'learning', NOW + 19 * 60_000)], NOW, { new: 0, review: 0 })?.itemId).toBe('l1');
    expect(pickNext([card('l1', 'learning', NOW + 21 * 60_000)], NOW, { new: 0, review: 0 })).toBeNull();
  });
});

describe('nextDueAfter', () => {
  it('is the earliest future time among the candidates', () => {
    expect(nextDueAfter(NOW, [null, '2026-12-07T10:00:00.000Z', NOW + 60_000, '2026-11-01T00:00:00Z'])).toBe(
      new Date(NOW + 60_000).toISOString(),
    );
    expect(nextDueAfter(NOW, [null, undefined])).toBeNull();
  });
});

describe('restoreSession', () => {
  const dayEndsAt = '2026-11-30T04:00:00.000Z';
  it('keeps a session of the same learner day', () => {
    const stored = { ...emptySession(dayEndsAt, NOW - 60_000), stats: { studied: 3, again: 1 } };
    expect(restoreSession(JSON.stringify(stored), dayEndsAt, NOW)).toEqual(stored);
  });

  it('starts afresh on another day, or when the stored value is broken', () => {
    const old = { ...emptySession('2026-11-29T04:00:00.000Z', NOW - 86_400_000), stats: { studied: 3, again: 1 } };
    expect(restoreSession(JSON.stringify(old), dayEndsAt, NOW)).toEqual(emptySession(dayEndsAt, NOW));
    expect(restoreSession('{not json', dayEndsAt, NOW)).toEqual(emptySession(dayEndsAt, NOW));
    expect(restoreSession(JSON.stringify({ dayEndsAt }), dayEndsAt, NOW)).toEqual(emptySession(dayEndsAt, NOW));
  });
});

describe('sessionKey', () => {
  it('ignores "Study more", so raising the limits continues the same session', () => {
    expect(sessionKey('/review', '?items=a,b&more=10')).toBe(sessionKey('/review', '?items=a,b'));
    expect(sessionKey('/sets/x/review', '')).toBe('passage-review-session:/sets/x/review');
  });
});
