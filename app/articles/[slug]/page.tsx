import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { ArticleNextSteps } from '@/components/reader/article-next-steps';
import { ArticleParagraph } from '@/components/reader/article-paragraph';
import { FocusHighlight } from '@/components/reader/focus-highlight';
import { Alert } from '@/components/ui/alert';
import { idSchema } from '@/lib/questions/schema';
import { findHighlight, findReaderArticle } from '@/server/articles';
import { maySeeSource } from '@/server/feedback';
import { currentLearner } from '@/server/session';
import { listSets } from '@/server/sets';

type Props = PageProps<'/articles/[slug]'>;

const querySchema = z.object({ item: idSchema.optional().catch(undefined) });

async function load(params: Props['params']) {
  const { slug } = await params;
  const parsed = idSchema.safeParse(slug);
  const article = parsed.success ? await findReaderArticle(parsed.data) : null;
  if (!article) notFound();
  return article;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await load(params);
  return { title: article.title };
}

export default async function ReaderPage({ params, searchParams }: Props) {
  const article = await load(params);
  const { item } = querySchema.parse(await searchParams);
  const found = item ? await findHighlight(article, item) : null;
  // The source often holds the answer: highlighted only for a learner allowed to see it.
  const highlight = found && (await maySeeSource((await currentLearner())?.id ?? null, found.itemId)) ? found : null;

  return (
    <article className="mx-auto max-w-[68ch]">
      <header className="mb-8 space-y-3 border-b border-border pb-6">
        {article.series ? (
          <p className="text-sm font-medium tracking-wide text-muted uppercase">{`${article.publisher} ${article.series}`}</p>
        ) : null}
        <h1 className="font-serif">{article.title}</h1>
        <p className="text-muted">
          By {article.author} · {article.publisher}
        </p>
      </header>

      {item && !found ? (
        <div className="mb-6">
          <Alert tone="warning">That question’s quotation could not be found in this article.</Alert>
        </div>
      ) : null}

      <div className="space-y-5 font-serif text-lg leading-8">
        {article.paragraphs.map((p) => (
          <ArticleParagraph
            key={p.n}
            n={p.n}
            kind={p.kind}
            text={p.text}
            quizCount={p.quizItemIds.length}
            cardCount={p.itemIds.length - p.quizItemIds.length}
            highlight={highlight?.marks.find((m) => m.paragraph === p.n)?.span ?? null}
            highlightTarget={highlight?.marks[0]?.paragraph === p.n}
            practiseHref={p.quizItemIds.length ? `/quiz?items=${p.quizItemIds.join(',')}&paragraph=${p.n}` : null}
          />
        ))}
      </div>
      <ArticleNextSteps sets={(await listSets()).filter((set) => set.articleSlug === article.slug)} />
      {highlight ? <FocusHighlight targetId="highlight" /> : null}
    </article>
  );
}
