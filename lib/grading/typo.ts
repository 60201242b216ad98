/**
 * Typing slips a typed answer may contain and still count as right.
 *
 * The allowance depends on the length of the expected answer (after normalising), in characters:
 * - under 4 characters ("27", "wwi"): no slip at all, since one change makes another word;
 * - 4 to 7 characters ("judo", "Galuzin"): 1 slip;
 * - 8 characters or more ("hikiwake", "semiconductors"): 2 slips.
 * A slip is one insertion, deletion, substitution or swap of two neighbouring characters.
 */
export function typoAllowance(length: number): number {
  if (length < 4) return 0;
  if (length < 8) return 1;
  return 2;
}

/**
 * Damerau–Levenshtein distance, optimal string alignment variant: the fewest insertions,
 * deletions, substitutions and swaps of adjacent characters turning `a` into `b`, where no
 * substring is edited twice. Counts Unicode code points, not UTF-16 units.
 */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  const m = s.length;
  const n = t.length;
  if (m === 0) return n;
  if (n === 0) return m;
  // Three rolling rows: two back (for swaps), previous, current.
  let before = new Array<number>(n + 1).fill(0);
  let previous = Array.from({ length: n + 1 }, (_, j) => j);
  let current = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        best = Math.min(best, (before[j - 2] as number) + 1);
      }
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[n] as number;
}
