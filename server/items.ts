import 'server-only';
import type { Item } from '@/lib/questions/schema';
import { inReadSession } from './db';
import { inList, sql, type SqlSession } from './sql';

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
  retiredAt: string | Date | null;
}

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

/** Items by id, parsed from the JSON that content sync validated (for use inside a session or transaction). */
export async function itemsIn(session: SqlSession, ids: readonly string[]): Promise<Map<string, StoredItem>> {
  const rows = await session.all<ItemRow>(sql`SELECT id, data, setId, articleSlug, retiredAt FROM Question WHERE id IN ${inList(ids)}`);
  return new Map(
    rows.map((row) => [row.id, { item: parseItem(row), setId: row.setId, articleSlug: row.articleSlug, retired: row.retiredAt !== null }]),
  );
}

/** Items by id, parsed from the JSON that content sync validated. */
export function loadItems(ids: readonly string[]): Promise<Map<string, StoredItem>> {
  return inReadSession((session) => itemsIn(session, ids));
}

export const readerHref = (articleSlug: string, itemId: string) => `/articles/${articleSlug}?item=${encodeURIComponent(itemId)}`;
