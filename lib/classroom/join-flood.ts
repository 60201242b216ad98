/**
 * How fast new students may join one assignment, and how many it can hold. Anyone with the code can
 * join, so without a bound a script could fill a class with junk names (171 in 14 s was seen).
 * Only joins that succeed count, and they count per assignment: a wrong code, a taken nickname or
 * another class's traffic never uses this allowance, so no one else's failures can refuse a
 * student here (and a school behind one shared address is one class, not one client).
 *
 * A whole year group of 250 can join at once; after that a class takes 25 new names a minute
 * (250 per sliding 10 minutes) and never more than 500 students in all. So a flood puts at most
 * 250 names into a class before the teacher notices, then a trickle, and the teacher can lock the
 * class list and remove what got in. Pure: times are passed in.
 */
export const JOIN_FLOOD_LIMIT = { max: 250, windowMs: 10 * 60_000 } as const;
export const MAX_CLASS_SIZE = 500;

/**
 * null when one more student may join now; otherwise how many milliseconds until one may.
 * `recentJoins` are the times of the assignment's joins within the window (any order).
 */
export function joinFloodWait(
  recentJoins: readonly Date[],
  now: Date,
  limit: { max: number; windowMs: number } = JOIN_FLOOD_LIMIT,
): number | null {
  const from = now.getTime() - limit.windowMs;
  const inWindow = recentJoins
    .map((d) => d.getTime())
    .filter((t) => t > from)
    .sort((a, b) => a - b);
  if (inWindow.length < limit.max) return null;
  return Math.max(1, inWindow[inWindow.length - limit.max]! + limit.windowMs - now.getTime());
}
