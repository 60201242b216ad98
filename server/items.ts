import 'server-only';
import type Database from 'better-sqlite3';
import type { Item } from '@/lib/questions/schema';
import { withSqlite } from './db';
import { prepared } from './sql';

export interface StoredItem {
  item: Item;
  setId: string;
  articleSlug: string;
  retired: boolean;
}

interface ItemRow {
  id: string;
  data: string;
  setId: string;
  articleSlug: string;
  retiredAt: string | null;
}

const ITEMS_BY_ID = 'SELECT id, data, setId, articleSlug, retiredAt FROM Question WHERE id IN (SELECT value FROM json_each(?))';

// Parsing is most of an item's cost, and items change only when content is synced: each parsed
// item is kept with the JSON it came from and reused while the stored JSON is the same. Shared
// between requests, so frozen: code that tried to change one would throw instead.
const parsed = new Map<string, { data: string; item: Item }>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function parseItem(row: ItemRow): Item {
  const cached = parsed.get(row.id);
  if (cached?.data === row.data) return cached.item;
  const item = deepFreeze(JSON.parse(row.data) as Item);
  parsed.set(row.id, { data: row.data, item });
  return item;
}

/** Items by id, parsed from the JSON that content sync validated (for use inside a raw transaction). */
export function itemsIn(sqlite: Database.Database, ids: readonly string[]): Map<string, StoredItem> {
  const rows = prepared(sqlite, ITEMS_BY_ID).all(JSON.stringify([...new Set(ids)])) as ItemRow[];
  return new Map(
    rows.map((row) => [row.id, { item: parseItem(row), setId: row.setId, articleSlug: row.articleSlug, retired: row.retiredAt !== null }]),
  );
}

/** Items by id, parsed from the JSON that content sync validated. */
export function loadItems(ids: readonly string[]): Promise<Map<string, StoredItem>> {
  return withSqlite((sqlite) => itemsIn(sqlite, ids));
}

export const readerHref = (articleSlug: string, itemId: string) => `/articles/${articleSlug}?item=${encodeURIComponent(itemId)}`;
