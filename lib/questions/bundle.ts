import { findSource } from '../article/grounding';
import { ArticleFormatError, parseArticle, type Article } from '../article/parse';
import { parseSetFile } from './parse-set';
import { giveawayProblems } from './giveaways';
import { keyPositions } from './key-positions';
import { checkItemRules } from './rules';
import { itemLocation, type ContentProblem } from './problems';
import { sourcesOf, type Item, type SetFile } from './schema';

/** The raw files of one article folder, as read from disk (or written by a test). */
export interface ArticleFolder {
  slug: string;
  article: { file: string; text: string };
  sets: { file: string; text: string }[];
}

export interface GroundedItem {
  item: Item;
  /** The article paragraph (1-based) that the item's (first) `source` quote comes from. */
  paragraph: number;
  /** Every paragraph its source quotes come from, in the order quoted, without repeats. */
  paragraphs: number[];
}

export interface LoadedSet {
  file: string;
  id: string;
  title: string;
  description: string;
  items: GroundedItem[];
}

export interface LoadedArticle {
  slug: string;
  markdown: string;
  article: Article;
  sets: LoadedSet[];
}

export interface ContentBundle {
  articles: LoadedArticle[];
  problems: ContentProblem[];
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Parses and cross-checks every article folder: schema, grounding, unique ids. */
export function loadContent(folders: ArticleFolder[]): ContentBundle {
  const problems: ContentProblem[] = [];
  const articles: LoadedArticle[] = [];
  const itemOwners = new Map<string, string>();
  const setOwners = new Map<string, string>();

  for (const folder of folders) {
    if (!SLUG.test(folder.slug)) {
      problems.push({ file: folder.article.file, where: null, message: `folder name "${folder.slug}" must use lowercase letters, digits and hyphens` });
      continue;
    }
    let article: Article;
    try {
      article = parseArticle(folder.article.text);
    } catch (error) {
      if (!(error instanceof ArticleFormatError)) throw error;
      problems.push({ file: folder.article.file, where: null, message: error.message });
      continue;
    }
    const sets: (LoadedSet & { order: number })[] = [];
    for (const setFile of folder.sets) {
      const parsed = parseSetFile(setFile.file, setFile.text);
      if (!parsed.ok) {
        problems.push(...parsed.problems);
        continue;
      }
      const set: SetFile = parsed.set;
      const owner = setOwners.get(set.id);
      if (owner) {
        problems.push({ file: setFile.file, where: null, message: `set id "${set.id}" is already used by ${owner}` });
        continue;
      }
      setOwners.set(set.id, setFile.file);
      for (const { index, message } of giveawayProblems(set.items)) {
        problems.push({ file: setFile.file, where: itemLocation(index, set.items[index]!.id), message });
      }
      const items: GroundedItem[] = [];
      set.items.forEach((item, index) => {
        const where = itemLocation(index, item.id);
        const previous = itemOwners.get(item.id);
        if (previous) {
          problems.push({ file: setFile.file, where, message: `id "${item.id}" is already used in ${previous}` });
          return;
        }
        itemOwners.set(item.id, setFile.file);
        const ruleProblems = checkItemRules(item);
        for (const message of ruleProblems) problems.push({ file: setFile.file, where, message });
        const quotes = sourcesOf(item);
        const found = quotes.map((quote) => findSource(article.paragraphs, quote));
        found.forEach((paragraph, i) => {
          if (paragraph) return;
          const quote = quotes[i]!;
          const which = quotes.length > 1 ? `source[${i}]` : 'source';
          problems.push({
            file: setFile.file,
            where,
            message: `${which} is not a verbatim quote from a single paragraph of ${folder.article.file}: "${quote.length > 80 ? quote.slice(0, 77) + '...' : quote}"`,
          });
        });
        const paragraphs = found.flatMap((p) => (p ? [p.n] : []));
        if (paragraphs.length < quotes.length) return;
        items.push({ item, paragraph: paragraphs[0]!, paragraphs: [...new Set(paragraphs)] });
      });
      sets.push({ file: setFile.file, id: set.id, title: set.title, description: set.description, items, order: set.order ?? Infinity });
    }
    sets.sort((a, b) => a.order - b.order || a.file.localeCompare(b.file));
    for (const report of keyPositions(sets.flatMap((s) => s.items.map((g) => g.item)))) {
      for (const message of report.problems) problems.push({ file: folder.article.file, where: null, message: `across the question sets, ${message}` });
    }
    articles.push({ slug: folder.slug, markdown: folder.article.text, article, sets: sets.map(({ order: _order, ...set }) => set) });
  }
  return { articles, problems };
}
