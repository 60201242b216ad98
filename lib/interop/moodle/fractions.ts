/**
 * Moodle's multichoice grade for Passage's multiple-select scoring, (right − wrong) / keys floored
 * at 0: each key is worth 100/k %, each wrong option costs 100/k %, and Moodle floors the sum at 0.
 * Written to 7 significant digits as Moodle's own exports write its grade list (33.33333, 14.28571).
 */
export function shareOfHundred(parts: number): number {
  return Number((100 / parts).toFixed(5));
}

export function formatFraction(value: number): string {
  return String(Number(value.toFixed(5)));
}
