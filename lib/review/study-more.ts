/** How many cards each "Study more" adds to today's new and review limits (Anki's custom study). */
export const STUDY_MORE_STEP = 10;
const MAX_MORE = 1000;

/** The `more` search parameter: a whole number of extra cards, 0 when absent or malformed. */
export function parseMore(value: string | string[] | undefined): number {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || !/^\d{1,4}$/.test(raw)) return 0;
  return Math.min(Number(raw), MAX_MORE);
}

/** The same review page with its limits raised by one more step. */
export function studyMoreHref(pathname: string, params: Record<string, string | undefined>, more: number): string {
  const search = new URLSearchParams(
    Object.entries(params).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'more'),
  );
  search.set('more', String(Math.min(more + STUDY_MORE_STEP, MAX_MORE)));
  return `${pathname}?${search.toString()}`;
}
