import 'server-only';
import englishWords from 'an-array-of-english-words';
import { normaliseAnswer } from '@/lib/grading/normalise';
import type { KnownWord } from '@/lib/grading/near-miss';
import { sql, type SqlSession } from './sql';

// The English word list (about 275,000 words, 3 MB) stays on the server: the grader only needs
// to ask whether one typed word is a real word. Built on first use, then shared.
let english: Set<string> | null = null;
const articles = new Map<string, { hash: string; words: Set<string> }>();

async function articleWords(session: SqlSession, slug: string): Promise<Set<string>> {
  const row = await session.get<{ markdown: string; contentHash: string }>(
    sql`SELECT markdown, contentHash FROM Article WHERE slug = ${slug}`,
  );
  if (!row) return new Set();
  const cached = articles.get(slug);
  if (cached?.hash === row.contentHash) return cached.words;
  const words = new Set(normaliseAnswer(row.markdown).split(' '));
  articles.set(slug, { hash: row.contentHash, words });
  return words;
}

/**
 * Builds the word set once (about 0.4 s). Answering calls it before taking the write lock, so
 * that cost never holds up other writers.
 */
export function loadEnglishWords(): Set<string> {
  // The list holds only lowercase a–z words, already in the form normaliseAnswer gives.
  english ??= new Set(englishWords);
  return english;
}

/** Whether a normalised word is a real word: in the English word list or in the article's text. */
export async function knownWordsFor(session: SqlSession, articleSlug: string): Promise<KnownWord> {
  const list = loadEnglishWords();
  const own = await articleWords(session, articleSlug);
  return (word) => list.has(word) || own.has(word);
}
