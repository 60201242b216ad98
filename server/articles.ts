import 'server-only';
import { locateQuote } from '@/lib/article/grounding';
import { parseArticle, type Paragraph } from '@/lib/article/parse';
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

export interface Highlight {
  itemId: string;
  paragraph: number;
  /** [start, end) character offsets of the quoted words in that paragraph's text. */
  span: [number, number];
}

export async function getReaderArticle(slug: string): Promise<ReaderArticle | null> {
  const db = await getDb();
  const row = await db.article.findUnique({ where: { slug }, select: { slug: true, markdown: true } });
  if (!row) return null;
  const article = parseArticle(row.markdown);
  const items = await db.question.findMany({
    where: { articleSlug: slug, retiredAt: null, set: { retiredAt: null } },
    orderBy: [{ set: { position: 'asc' } }, { position: 'asc' }],
    select: { id: true, paragraph: true, type: true },
  });
  return {
    slug: row.slug,
    title: article.title,
    author: article.author,
    publisher: article.publisher,
    series: article.series,
    paragraphs: article.paragraphs.map((p) => {
      const here = items.filter((i) => i.paragraph === p.n);
      return { ...p, itemIds: here.map((i) => i.id), quizItemIds: here.filter((i) => i.type !== 'card').map((i) => i.id) };
    }),
  };
}

/** Where an item's quoted source sits in the article, for the reader's <mark>. */
export async function findHighlight(article: ReaderArticle, itemId: string): Promise<Highlight | null> {
  const db = await getDb();
  const item = await db.question.findFirst({ where: { id: itemId, articleSlug: article.slug }, select: { id: true, paragraph: true, data: true } });
  if (!item) return null;
  const paragraph = article.paragraphs.find((p) => p.n === item.paragraph);
  const source = (JSON.parse(item.data) as { source: string }).source;
  const span = paragraph ? locateQuote(paragraph.text, source) : null;
  return span ? { itemId: item.id, paragraph: item.paragraph, span } : null;
}
