import Link from 'next/link';
import { SetCard } from '@/components/sets/set-card';
import { SetStatus } from '@/components/sets/set-status';
import { Alert } from '@/components/ui/alert';
import { learnerSetStatus } from '@/server/home';
import { currentLearner } from '@/server/session';
import { listArticles, listSets } from '@/server/sets';

export default async function HomePage() {
  const [sets, articles, learner] = await Promise.all([listSets(), listArticles(), currentLearner()]);
  const status = learner
    ? await learnerSetStatus(
        learner,
        sets.map((s) => s.id),
      )
    : null;
  return (
    <div className="space-y-10">
      <section aria-labelledby="intro" className="max-w-3xl space-y-4">
        <h1 id="intro">Learn an article, and keep it.</h1>
        <p className="text-lg text-muted">
          Passage turns an article into question sets: take a quiz, review flashcards scheduled by spaced repetition, and watch what you
          remember grow.
        </p>
        <p>
          Got a code from your teacher? <Link href="/join">Join a class</Link>.
        </p>
      </section>

      {articles.map((article) => {
        const articleSets = sets.filter((set) => set.articleSlug === article.slug);
        return (
          <section key={article.slug} aria-labelledby={`article-${article.slug}`} className="space-y-4">
            <div>
              <p className="text-sm font-medium tracking-wide text-muted uppercase">Article</p>
              <h2 id={`article-${article.slug}`}>{article.title}</h2>
              <p className="text-muted">
                {article.author} · {article.publisher}
              </p>
            </div>
            <ul className="grid gap-4 sm:grid-cols-2">
              {articleSets.map((set) => (
                <li key={set.id}>
                  <SetCard
                    {...set}
                    href={`/sets/${set.id}`}
                    footer={status?.get(set.id) ? <SetStatus setId={set.id} setTitle={set.title} {...status.get(set.id)!} /> : null}
                  />
                </li>
              ))}
            </ul>
          </section>
        );
      })}

      {sets.length === 0 ? (
        <Alert tone="warning" title="No question sets yet">
          Add an article folder under <code>questions/</code> and restart Passage.
        </Alert>
      ) : null}
    </div>
  );
}
