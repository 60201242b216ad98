// The shipped question bank, read from disk for the interop tests: every type, real texts.
import fs from 'node:fs';
import path from 'node:path';
import { loadContent } from '../questions/bundle';
import type { Item } from '../questions/schema';
import type { ExportContext } from './portable';
import type { DraftItem } from './import/draft';

export function shippedBank() {
  const dir = path.resolve(import.meta.dirname, '../../questions/kuril-talks');
  const bundle = loadContent([
    {
      slug: 'kuril-talks',
      article: { file: 'article.md', text: fs.readFileSync(path.join(dir, 'article.md'), 'utf8') },
      sets: fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
        .map((f) => ({ file: f, text: fs.readFileSync(path.join(dir, f), 'utf8') })),
    },
  ]);
  const article = bundle.articles[0]!;
  return { article, items: article.sets.flatMap((s) => s.items.map((g) => g.item)) };
}

export const CONTEXT: ExportContext = {
  setId: 'all',
  setTitle: 'All items',
  link: (id) => `https://passage.example/articles/kuril-talks?item=${id}`,
};

/** What an item means, without ids: what a round trip must keep. */
export function meaning(item: Item | DraftItem) {
  const base = { type: item.type, prompt: item.prompt };
  switch (item.type) {
    case 'single':
      return { ...base, options: item.options.map((o) => o.text), key: item.options.find((o) => o.id === item.answer)?.text };
    case 'multiple':
      return {
        ...base,
        options: item.options.map((o) => o.text),
        keys: item.options.filter((o) => item.answer.includes(o.id)).map((o) => o.text),
      };
    case 'truefalse':
      return { ...base, answer: item.answer };
    case 'typed':
      return { ...base, answers: [item.answer, ...(item.accept ?? [])] };
    case 'numeric':
      return { ...base, answer: item.answer, tolerance: item.tolerance ?? 0, unit: item.unit ?? null };
    case 'ordering':
      return { ...base, order: item.order.map((e) => e.text) };
    case 'matching':
      return { ...base, pairs: item.pairs.map((p) => [p.left, p.right]) };
    case 'card':
      return { ...base, back: item.back };
  }
}
