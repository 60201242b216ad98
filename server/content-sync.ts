import 'server-only';
import { createHash } from 'node:crypto';
import type { ContentBundle } from '@/lib/questions/bundle';
import { formatProblem } from '@/lib/questions/problems';
import type { PrismaClient } from './generated/prisma/client';

export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The question files have ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );
  }
}

export interface SyncReport {
  articles: number;
  sets: { created: number; updated: number; retired: number; unchanged: number };
  items: { created: number; updated: number; retired: number; unchanged: number };
}

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

const emptyTally = () => ({ created: 0, updated: 0, retired: 0, unchanged: 0 });

/**
 * Makes the database hold exactly the content of the files, in one transaction: upserts by
 * stable id, skips rows whose content hash is unchanged, and retires (never deletes) what the
 * files no longer contain, so every learner's history keeps pointing at real rows. Bad content
 * changes nothing.
 */
/** A sync writes every item in one transaction: longer than Prisma's default 5 s on a busy machine. */
const LONG_TRANSACTION = { timeout: 60_000 };

export async function syncContent(db: PrismaClient, bundle: ContentBundle, now = new Date()): Promise<SyncReport> {
  if (bundle.problems.length > 0) throw new ContentError(bundle.problems.map(formatProblem));
  const report: SyncReport = { articles: bundle.articles.length, sets: emptyTally(), items: emptyTally() };

  await db.$transaction(async (tx) => {
    // On PostgreSQL a start that conflicts with another instance's sync is rerun: count afresh.
    report.sets = emptyTally();
    report.items = emptyTally();
    const existingArticles = new Map(
      (await tx.article.findMany({ select: { slug: true, contentHash: true } })).map((a) => [a.slug, a.contentHash]),
    );
    const existingSets = new Map(
      (await tx.questionSet.findMany({ select: { id: true, contentHash: true, retiredAt: true } })).map((s) => [s.id, s]),
    );
    const existingItems = new Map(
      (await tx.question.findMany({ select: { id: true, contentHash: true, retiredAt: true } })).map((q) => [q.id, q]),
    );
    const liveSets = new Set<string>();
    const liveItems = new Set<string>();

    for (const loaded of bundle.articles) {
      const { article } = loaded;
      const articleData = {
        title: article.title,
        author: article.author,
        publisher: article.publisher,
        markdown: loaded.markdown,
        contentHash: hash(loaded.markdown),
      };
      if (existingArticles.get(loaded.slug) !== articleData.contentHash) {
        await tx.article.upsert({ where: { slug: loaded.slug }, create: { slug: loaded.slug, ...articleData }, update: articleData });
      }

      for (const [setPosition, set] of loaded.sets.entries()) {
        liveSets.add(set.id);
        const setData = {
          articleSlug: loaded.slug,
          title: set.title,
          description: set.description,
          position: setPosition,
          retiredAt: null,
        };
        const setHash = hash(setData);
        const previousSet = existingSets.get(set.id);
        if (!previousSet) {
          await tx.questionSet.create({ data: { id: set.id, ...setData, contentHash: setHash } });
          report.sets.created++;
        } else if (previousSet.contentHash !== setHash || previousSet.retiredAt) {
          await tx.questionSet.update({ where: { id: set.id }, data: { ...setData, contentHash: setHash } });
          report.sets.updated++;
        } else {
          report.sets.unchanged++;
        }

        for (const [position, { item, paragraph }] of set.items.entries()) {
          liveItems.add(item.id);
          const itemData = {
            setId: set.id,
            articleSlug: loaded.slug,
            type: item.type,
            position,
            paragraph,
            data: JSON.stringify(item),
            retiredAt: null,
          };
          const itemHash = hash(itemData);
          const previous = existingItems.get(item.id);
          if (!previous) {
            await tx.question.create({ data: { id: item.id, ...itemData, contentHash: itemHash } });
            report.items.created++;
          } else if (previous.contentHash !== itemHash || previous.retiredAt) {
            await tx.question.update({ where: { id: item.id }, data: { ...itemData, contentHash: itemHash } });
            report.items.updated++;
          } else {
            report.items.unchanged++;
          }
        }
      }
    }

    for (const [id, item] of existingItems) {
      if (!liveItems.has(id) && !item.retiredAt) {
        await tx.question.update({ where: { id }, data: { retiredAt: now } });
        report.items.retired++;
      }
    }
    for (const [id, set] of existingSets) {
      if (!liveSets.has(id) && !set.retiredAt) {
        await tx.questionSet.update({ where: { id }, data: { retiredAt: now } });
        report.sets.retired++;
      }
    }
  }, LONG_TRANSACTION);
  return report;
}
