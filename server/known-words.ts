import 'server-only';
import englishWords from 'an-array-of-english-words';
import binarySearch from 'binary-search';
import { normaliseAnswer } from '@/lib/grading/normalise';
import type { KnownWord } from '@/lib/grading/near-miss';
import { sql, type SqlSession } from './sql';

// The English word list (about 275,000 words, 3 MB) stays on the server: the grader only needs
// to ask whether one typed word is a real word. The package's array is sorted, and holds only
// lowercase a–z words, already in the form normaliseAnswer gives: a binary search over it answers
// without a Set beside the array that `require` keeps anyway (17 MB resident and 73 ms to build,
// measured; server/known-words.test.ts checks both assumptions).
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Whether a normalised word is in the English word list. */
export const isEnglishWord = (word: string): boolean => binarySearch(englishWords, word, byCodeUnits) >= 0;

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

/** Whether a normalised word is a real word: in the English word list or in the article's text. */
export async function knownWordsFor(session: SqlSession, articleSlug: string): Promise<KnownWord> {
  const own = await articleWords(session, articleSlug);
  return (word) => isEnglishWord(word) || own.has(word);
}
