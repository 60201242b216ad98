import 'server-only';
import { findSource, locateQuote } from '@/lib/article/grounding';
import { parseArticle, type Paragraph } from '@/lib/article/parse';
import { sourcesOf, type Item } from '@/lib/questions/schema';
import { getDb } from './db';

export interface ReaderParagraph extends Paragraph {
  /** Ids of the live items whose source quotes this paragraph, in set and item order. */
  itemIds: string[];
  /** Those of them that can be quizzed (not flashcards). */
  quizItemIds: string[];
}

export interface ReaderArticle {
  slug: string;
  title: string;
  author: string;
  publisher: string;
  series: string | null;
  paragraphs: ReaderParagraph[];
}

export interface HighlightMark {
  paragraph: number;
  /** [start, end) character offsets of the quoted words in that paragraph's text. */
  span: [number, number];
}

export interface Highlight {
  itemId: string;
  /** One mark per quoted paragraph, in the order the item quotes them; the first takes focus. */
  marks: HighlightMark[];
}

/** The paragraphs an item's quotes come from: its stored paragraph first, then any others it quotes. */
function quotedParagraphs(paragraphs: Paragraph[], item: { paragraph: number; data: string }): number[] {
  const sources = sourcesOf(JSON.parse(item.data) as Pick<Item, 'source'>);
  const found = sources.length > 1 ? sources.flatMap((s) => findSource(paragraphs, s)?.n ?? []) : [];
  return [...new Set([item.paragraph, ...found])];
}

/** The article with its items placed at their paragraphs, or null when no article has that slug. */
export async function findReaderArticle(slug: string): Promise<ReaderArticle | null> {
  const db = await getDb();
  const row = await db.article.findUnique({ where: { slug }, select: { slug: true, markdown: true } });
  if (!row) return null;
  const article = parseArticle(row.markdown);
  const items = await db.question.findMany({
    where: { articleSlug: slug, retiredAt: null, set: { retiredAt: null } },
    orderBy: [{ set: { position: 'asc' } }, { position: 'asc' }],
    select: { id: true, paragraph: true, type: true, data: true },
  });
  const quoted = items.map((i) => ({ ...i, paragraphs: quotedParagraphs(article.paragraphs, i) }));
  return {
    slug: row.slug,
    title: article.title,
    author: article.author,
    publisher: article.publisher,
    series: article.series,
    paragraphs: article.paragraphs.map((p) => {
      const here = quoted.filter((i) => i.paragraphs.includes(p.n));
      return { ...p, itemIds: here.map((i) => i.id), quizItemIds: here.filter((i) => i.type !== 'card').map((i) => i.id) };
    }),
  };
}

/**
 * Where an item's quoted sources sit in the article, for the reader's <mark>s: one per quoted
 * paragraph (two quotes from one paragraph share a mark spanning both). Null when none is found.
 */
export async function findHighlight(article: ReaderArticle, itemId: string): Promise<Highlight | null> {
  const db = await getDb();
  const item = await db.question.findFirst({
    where: { id: itemId, articleSlug: article.slug },
    select: { id: true, paragraph: true, data: true },
  });
  if (!item) return null;
  const marks: HighlightMark[] = [];
  for (const quote of sourcesOf(JSON.parse(item.data) as Pick<Item, 'source'>)) {
    const paragraph = findSource(article.paragraphs, quote);
    const span = paragraph ? locateQuote(paragraph.text, quote) : null;
    if (!paragraph || !span) continue;
    const same = marks.find((m) => m.paragraph === paragraph.n);
    if (same) same.span = [Math.min(same.span[0], span[0]), Math.max(same.span[1], span[1])];
    else marks.push({ paragraph: paragraph.n, span });
  }
  return marks.length ? { itemId: item.id, marks } : null;
}
