import type { Item } from './schema';

/**
 * Where the keys of choice items sit among their authored options, across a bank. Delivery
 * shuffles options, but a teacher printing a set, a flashcard front and the item statistics all
 * see the authored order, and authors drift towards putting keys first. Under an unbiased
 * authoring each option of an item is a key with probability keys/options, so for every position
 * the expected number of keys and its standard deviation follow; a position whose count strays
 * further than LOPSIDED_SD standard deviations (and more than MIN_SLACK keys) is lopsided.
 */

export const LOPSIDED_SD = 2.5;
export const MIN_SLACK = 2;
/** Fewer items of a type than this are reported but not judged. */
export const MIN_ITEMS_JUDGED = 8;

export interface PositionRow {
  /** 1-based position among the authored options ("a" is 1). */
  position: number;
  /** Items that have an option at this position. */
  items: number;
  keys: number;
  expected: number;
  sd: number;
}

export interface PositionReport {
  type: 'single' | 'multiple';
  items: number;
  rows: PositionRow[];
  /** One line per lopsided position; empty when balanced or when too few items to judge. */
  problems: string[];
}

function keyIndexes(item: Item): { options: number; keys: number[] } | null {
  if (item.type === 'single') return { options: item.options.length, keys: [item.options.findIndex((o) => o.id === item.answer)] };
  if (item.type === 'multiple') {
    const keys = new Set(item.answer);
    return { options: item.options.length, keys: item.options.flatMap((o, i) => (keys.has(o.id) ? [i] : [])) };
  }
  return null;
}

export function keyPositions(items: readonly Item[]): PositionReport[] {
  return (['single', 'multiple'] as const).map((type) => {
    const shapes = items.filter((i) => i.type === type).flatMap((i) => keyIndexes(i) ?? []);
    const widest = Math.max(0, ...shapes.map((s) => s.options));
    const rows: PositionRow[] = [];
    for (let k = 0; k < widest; k++) {
      const having = shapes.filter((s) => s.options > k);
      const p = having.map((s) => s.keys.length / s.options);
      const expected = p.reduce((sum, x) => sum + x, 0);
      const sd = Math.sqrt(p.reduce((sum, x) => sum + x * (1 - x), 0));
      rows.push({ position: k + 1, items: having.length, keys: having.filter((s) => s.keys.includes(k)).length, expected, sd });
    }
    const problems =
      shapes.length < MIN_ITEMS_JUDGED
        ? []
        : rows
            .filter((r) => Math.abs(r.keys - r.expected) > Math.max(MIN_SLACK, LOPSIDED_SD * r.sd))
            .map(
              (r) =>
                `${type}-choice keys are lopsided: option ${String.fromCharCode(96 + r.position)} (position ${r.position}) holds ${r.keys} keys where balanced authoring gives ${r.expected.toFixed(1)} ± ${r.sd.toFixed(1)}; move keys to other positions`,
            );
    return { type, items: shapes.length, rows, problems };
  });
}

/** The distribution as lines for the check's output, e.g. "single (38 items): a 9/9.5 · b 10/9.5 …". */
export function formatKeyPositions(report: PositionReport): string {
  const cells = report.rows.map((r) => `${String.fromCharCode(96 + r.position)} ${r.keys}/${r.expected.toFixed(1)}`);
  return `${report.type} (${report.items} items), keys per position / expected: ${cells.join(' · ')}`;
}
