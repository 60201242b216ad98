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

/** Items by id, parsed from the JSON that content sync validated (for use inside a raw transaction). */
export function itemsIn(sqlite: Database.Database, ids: readonly string[]): Map<string, StoredItem> {
  const rows = prepared(sqlite, ITEMS_BY_ID).all(JSON.stringify([...new Set(ids)])) as ItemRow[];
  return new Map(
    rows.map((row) => [row.id, { item: JSON.parse(row.data) as Item, setId: row.setId, articleSlug: row.articleSlug, retired: row.retiredAt !== null }]),
  );
}

/** Items by id, parsed from the JSON that content sync validated. */
export function loadItems(ids: readonly string[]): Promise<Map<string, StoredItem>> {
  return withSqlite((sqlite) => itemsIn(sqlite, ids));
}

export const readerHref = (articleSlug: string, itemId: string) => `/articles/${articleSlug}?item=${encodeURIComponent(itemId)}`;
