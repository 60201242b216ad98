/**
 * A sliding-window counter: a key is blocked once it has `max` recorded events within
 * `windowMs`. Pure apart from the map it keeps; the clock is passed in.
 */
export class RateLimiter {
  private readonly events = new Map<string, number[]>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}

  private recent(key: string, now: number): number[] {
    const recent = (this.events.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length) this.events.set(key, recent);
    else this.events.delete(key);
    return recent;
  }

  /** null when the key may proceed; otherwise how long until it may. */
  blockedFor(key: string, now: number): number | null {
    const recent = this.recent(key, now);
    return recent.length >= this.max ? recent[0]! + this.windowMs - now : null;
  }

  record(key: string, now: number): void {
    this.events.set(key, [...this.recent(key, now), now]);
    if (this.events.size > 10_000) for (const k of [...this.events.keys()]) this.recent(k, now);
  }
}
