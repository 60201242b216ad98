/**
 * Item statistics are computed as percentages (Moodle's convention), but Cronbach's alpha and the
 * discrimination index are coefficients: teachers read them as −1…1, as Moodle's report prints them.
 * A true minus sign, so −0.21 does not read as a dash.
 */
export function asCoefficient(percent: number | null | undefined): string {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return '—';
  const value = Math.round(percent) / 100;
  const text = Math.abs(value).toFixed(2);
  return value < 0 && text !== '0.00' ? `−${text}` : text;
}
