import 'server-only';
import { idSchema, ITEM_TYPES, type Item, type ItemType } from '@/lib/questions/schema';
import { isQuizItem, presentItem, type PublicItem } from '@/lib/quiz/present';
import { notFound } from './errors';
import { getDb } from './db';
import { withheldFromSelfStudy } from './feedback';
import { derivedSecret } from './secrets';

export interface SetSummary {
  id: string;
  title: string;
  description: string;
  articleSlug: string;
  articleTitle: string;
  itemCount: number;
  typeCounts: Partial<Record<ItemType, number>>;
}

/** The sets a learner can open, in article and file order, with their live item counts by type. */
export function listSets(): Promise<SetSummary[]> {
  return summariseSets();
}

async function summariseSets(onlyId?: string): Promise<SetSummary[]> {
  const db = await getDb();
  const [sets, counts] = await Promise.all([
    db.questionSet.findMany({
      where: { retiredAt: null, ...(onlyId ? { id: onlyId } : {}) },
      orderBy: [{ articleSlug: 'asc' }, { position: 'asc' }],
      select: { id: true, title: true, description: true, articleSlug: true, article: { select: { title: true } } },
    }),
    db.question.groupBy({
      by: ['setId', 'type'],
      where: { retiredAt: null, ...(onlyId ? { setId: onlyId } : {}) },
      _count: { _all: true },
    }),
  ]);
  return sets.map((set) => {
    const typeCounts: Partial<Record<ItemType, number>> = {};
    for (const row of counts) {
      if (row.setId === set.id && (ITEM_TYPES as readonly string[]).includes(row.type)) {
        typeCounts[row.type as ItemType] = row._count._all;
      }
    }
    return {
      id: set.id,
      title: set.title,
      description: set.description,
      articleSlug: set.articleSlug,
      articleTitle: set.article.title,
      itemCount: Object.values(typeCounts).reduce((sum, n) => sum + n, 0),
      typeCounts,
    };
  });
}

export interface ArticleCredit {
  slug: string;
  title: string;
  author: string;
  publisher: string;
}

export async function listArticles(): Promise<ArticleCredit[]> {
  const db = await getDb();
  return db.article.findMany({ orderBy: { slug: 'asc' }, select: { slug: true, title: true, author: true, publisher: true } });
}

/** A live set, or null when none has that id. */
export async function findSet(id: string): Promise<SetSummary | null> {
  const [set] = await summariseSets(id);
  return set ?? null;
}

/**
 * A set and its items as a learner may see them before answering: no keys, explanations or
 * sources, and none of the items withheld from self-study (open Secure assignments).
 */
export async function getSetWithPublicItems(
  id: string,
): Promise<{ set: SetSummary; items: (PublicItem | { id: string; type: 'card'; prompt: string })[] }> {
  const parsed = idSchema.safeParse(id);
  const set = parsed.success ? await findSet(parsed.data) : null;
  if (!set) throw notFound(`Set "${id}"`);
  const db = await getDb();
  const withheld = await withheldFromSelfStudy();
  const rows = (
    await db.question.findMany({
      where: { setId: set.id, retiredAt: null },
      orderBy: { position: 'asc' },
      select: { id: true, data: true },
    })
  ).filter((row) => !withheld.has(row.id));
  // Stable for the set (one presentation, so comparing many reveals nothing), yet keyed by the
  // server's secret: neither the ids nor the shuffles can be computed from the set id.
  const seed = derivedSecret(`sets-api:${set.id}`);
  const items = rows.map((row) => {
    const item = JSON.parse(row.data) as Item;
    return isQuizItem(item) ? presentItem(item, seed) : { id: item.id, type: 'card' as const, prompt: item.prompt };
  });
  return { set, items };
}

/** Every live set with its items' ids, prompts and types (no keys), for choosing items. */
export async function listSetsWithItems(): Promise<{ id: string; title: string; items: { id: string; prompt: string; type: string }[] }[]> {
  const db = await getDb();
  const [sets, items] = await Promise.all([
    db.questionSet.findMany({
      where: { retiredAt: null },
      orderBy: [{ articleSlug: 'asc' }, { position: 'asc' }],
      select: { id: true, title: true },
    }),
    db.question.findMany({
      where: { retiredAt: null },
      orderBy: { position: 'asc' },
      select: { id: true, setId: true, type: true, data: true },
    }),
  ]);
  return sets.map((s) => ({
    ...s,
    items: items
      .filter((i) => i.setId === s.id)
      .map((i) => ({ id: i.id, type: i.type, prompt: (JSON.parse(i.data) as { prompt: string }).prompt })),
  }));
}

/**
 * How many live items in scope (a set, chosen items, or every set) are withheld from self-study
 * now, and when the last returns (null: when a teacher closes the assignment). For the notice.
 */
export async function withheldSummary(
  scope: { setId?: string; itemIds?: readonly string[] } = {},
  now = new Date(),
): Promise<{ count: number; until: Date | null }> {
  const withheld = await withheldFromSelfStudy(now);
  if (withheld.size === 0) return { count: 0, until: null };
  const db = await getDb();
  const inScope = [...withheld.keys()].filter((id) => !scope.itemIds || scope.itemIds.includes(id));
  const rows = await db.question.findMany({
    where: { id: { in: inScope }, retiredAt: null, ...(scope.setId ? { setId: scope.setId } : {}) },
    select: { id: true },
  });
  const dates = rows.map((r) => withheld.get(r.id) ?? null);
  const until = dates.length === 0 || dates.some((d) => d === null) ? null : new Date(Math.max(...dates.map((d) => d!.getTime())));
  return { count: rows.length, until };
}
