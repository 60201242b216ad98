/**
 * The class-level figures above the teacher's matrix: average and median of the submitted scores,
 * and each question's share of right answers. Pure, so the report and its tests share them.
 */

export function average(values: readonly number[]): number | null {
  return values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : null;
}

/** The middle value; with an even count, the mean of the two middle ones. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Per question, the whole percentage of the given answer sheets that got it fully right (an
 * unanswered question counts as not right); null for every question when there is no sheet.
 */
export function percentCorrect(
  itemIds: readonly string[],
  sheets: readonly Readonly<Record<string, number | null | undefined>>[],
): Record<string, number | null> {
  return Object.fromEntries(
    itemIds.map((id) => [id, sheets.length ? Math.round((100 * sheets.filter((s) => (s[id] ?? 0) >= 1).length) / sheets.length) : null]),
  );
}

/** A score or an average with at most one decimal: "2", "2.5", "2.3". */
export function oneDecimal(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}
