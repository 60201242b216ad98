import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

export type ParagraphKind = 'standfirst' | 'text' | 'heading' | 'quote' | 'pullquote' | 'note';

export interface Paragraph {
  /** 1-based position among the article's blocks; the reader's anchor is `#p-<n>`. */
  n: number;
  kind: ParagraphKind;
  text: string;
  /** Why no item needs to draw on this paragraph, or null when it states a fact or claim. */
  exemptReason: string | null;
}

export interface Article {
  title: string;
  author: string;
  publisher: string;
  series: string | null;
  paragraphs: Paragraph[];
}

const frontMatterSchema = z.strictObject({
  title: z.string().trim().min(1),
  author: z.string().trim().min(1),
  publisher: z.string().trim().min(1),
  series: z.string().trim().min(1).optional(),
  standfirst: z.number().int().positive().optional(),
  pullQuotes: z.array(z.number().int().positive()).optional(),
  exempt: z.record(z.string().regex(/^\d+$/, { error: 'keys must be paragraph numbers' }), z.string().min(1)).optional(),
});

export class ArticleFormatError extends Error {}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

/** Parses `article.md`: YAML front matter, then blocks separated by blank lines. */
export function parseArticle(source: string): Article {
  const match = FRONT_MATTER.exec(source);
  if (!match) throw new ArticleFormatError('must start with front matter between two "---" lines');
  let raw: unknown;
  try {
    raw = parseYaml(match[1] ?? '');
  } catch (error) {
    throw new ArticleFormatError(`front matter is not valid YAML: ${(error as Error).message}`);
  }
  const front = frontMatterSchema.safeParse(raw);
  if (!front.success) {
    const issue = front.error.issues[0];
    throw new ArticleFormatError(`front matter ${issue?.path.join('.') || ''}: ${issue?.message}`.trim());
  }
  const meta = front.data;
  const blocks = source
    .slice(match[0].length)
    .split(/\r?\n\s*\r?\n/)
    .map((block) => block.trim())
    .filter(Boolean);

  const exempt = new Map(Object.entries(meta.exempt ?? {}).map(([n, why]) => [Number(n), why]));
  const pullQuotes = new Set(meta.pullQuotes ?? []);
  for (const n of [...exempt.keys(), ...pullQuotes, meta.standfirst ?? 1]) {
    if (n > blocks.length) {
      throw new ArticleFormatError(`front matter names paragraph ${n}, but the article has ${blocks.length}`);
    }
  }

  const paragraphs = blocks.map((block, index): Paragraph => {
    const n = index + 1;
    const kind = blockKind(block, n, meta.standfirst, pullQuotes);
    const text = block
      .replace(/^#{1,6}\s+/, '')
      .replace(/^>\s?/gm, '')
      .replace(/\s+/g, ' ');
    const exemptReason = kind === 'heading' ? 'heading' : kind === 'pullquote' ? 'pull-quote' : (exempt.get(n) ?? null);
    return { n, kind, text, exemptReason };
  });

  return {
    title: meta.title,
    author: meta.author,
    publisher: meta.publisher,
    series: meta.series ?? null,
    paragraphs,
  };
}

function blockKind(block: string, n: number, standfirst: number | undefined, pullQuotes: Set<number>): ParagraphKind {
  if (/^#{1,6}\s/.test(block)) return 'heading';
  if (pullQuotes.has(n)) return 'pullquote';
  if (block.startsWith('>')) return 'quote';
  if (standfirst === n) return 'standfirst';
  return 'text';
}
