import 'server-only';
import type { Item } from '@/lib/questions/schema';
import type { Prisma, PrismaClient } from './generated/prisma/client';

export interface StoredItem {
  item: Item;
  setId: string;
  articleSlug: string;
  retired: boolean;
}

type Reader = PrismaClient | Prisma.TransactionClient;

/** Items by id, parsed from the JSON that content sync validated. */
export async function loadItems(db: Reader, ids: readonly string[]): Promise<Map<string, StoredItem>> {
  const rows = await db.question.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, data: true, setId: true, articleSlug: true, retiredAt: true },
  });
  return new Map(
    rows.map((row) => [row.id, { item: JSON.parse(row.data) as Item, setId: row.setId, articleSlug: row.articleSlug, retired: row.retiredAt !== null }]),
  );
}

export const readerHref = (articleSlug: string, itemId: string) => `/articles/${articleSlug}?item=${encodeURIComponent(itemId)}`;
