/**
 * How fast new students may join one assignment. Anyone with the code can join, so without a bound
 * a script could fill a class with junk names (171 in 14 s was seen). Only joins that succeed
 * count, and they count per assignment: a wrong code, a taken nickname or another class's traffic
 * never uses this allowance, so no one else's failures can refuse a student here. A real class
 * of 60 can join within the same minute; a flood gets at most 60 names a minute into a class,
 * and the teacher can lock the class list and remove what got in. Pure: times are passed in.
 */
export const JOIN_FLOOD_LIMIT = { max: 60, windowMs: 60_000 } as const;

/**
 * null when one more student may join now; otherwise how many milliseconds until one may.
 * `recentJoins` are the times of the assignment's joins within the window (any order).
 */
export function joinFloodWait(recentJoins: readonly Date[], now: Date, limit: { max: number; windowMs: number } = JOIN_FLOOD_LIMIT): number | null {
  const from = now.getTime() - limit.windowMs;
  const inWindow = recentJoins.map((d) => d.getTime()).filter((t) => t > from).sort((a, b) => a - b);
  if (inWindow.length < limit.max) return null;
  return Math.max(1, inWindow[inWindow.length - limit.max]! + limit.windowMs - now.getTime());
}
