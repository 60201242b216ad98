/** A quiz score the one way Passage writes it: "15.9 out of 27" (at most one decimal). */
export function formatScore(score: number, max: number): string {
  const rounded = Math.round(score * 10) / 10;
  return `${Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1)} out of ${max}`;
}

/** The score as a whole percentage of the maximum (0 when there is no maximum). */
export function scorePercent(score: number, max: number): number {
  return max > 0 ? Math.round((score / max) * 100) : 0;
}
