import { describe, expect, it } from 'vitest';
import { JOIN_FLOOD_LIMIT, joinFloodWait } from './join-flood';

const now = new Date('2026-03-02T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('joinFloodWait', () => {
  it('lets a whole year group join at once', () => {
    expect(
      joinFloodWait(
        Array.from({ length: JOIN_FLOOD_LIMIT.max - 1 }, (_, i) => ago(i * 100)),
        now,
      ),
    ).toBeNull();
  });

  it('refuses the next join once the window is full, until its oldest join leaves the window', () => {
    const joins = Array.from({ length: JOIN_FLOOD_LIMIT.max }, (_, i) => ago(i * 100));
    const oldest = (JOIN_FLOOD_LIMIT.max - 1) * 100;
    expect(joinFloodWait(joins, now)).toBe(JOIN_FLOOD_LIMIT.windowMs - oldest);
    expect(joinFloodWait(joins, new Date(now.getTime() + JOIN_FLOOD_LIMIT.windowMs - oldest))).toBeNull();
  });

  it('forgets joins older than the window, in any order', () => {
    expect(joinFloodWait([ago(70_000), ago(1000), ago(61_000)], now, { max: 2, windowMs: 60_000 })).toBeNull();
    expect(joinFloodWait([ago(5000), ago(1000), ago(61_000)], now, { max: 2, windowMs: 60_000 })).toBe(55_000);
  });
});
