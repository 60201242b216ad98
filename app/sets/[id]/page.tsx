import type { Metadata } from 'next';
import Link from 'next/link';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { TYPE_LABELS } from '@/lib/questions/labels';
import type { ItemType } from '@/lib/questions/schema';
import { WithheldNotice } from '@/components/sets/withheld-notice';
import { setOr404 } from '@/server/pages';
import { withheldSummary } from '@/server/sets';
import { SetDownloads } from './downloads';

type Props = PageProps<'/sets/[id]'>;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await setOr404(params)).title };
}

export default async function SetPage({ params }: Props) {
  const set = await setOr404(params);
  const types = Object.entries(set.typeCounts) as [ItemType, number][];
  const quizCount = set.itemCount - (set.typeCounts.card ?? 0);
  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/">Sets</Link> <span aria-hidden="true">/</span> <span aria-current="page">{set.title}</span>
      </nav>
      <header className="max-w-3xl space-y-3">
        <h1>{set.title}</h1>
        <p className="text-lg text-muted">{set.description}</p>
        <p className="text-muted">From “{set.articleTitle}”</p>
      </header>

      <WithheldNotice {...await withheldSummary({ setId: set.id })} />

      <section aria-labelledby="ways-in" className="space-y-4">
        <h2 id="ways-in">Ways in</h2>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {quizCount > 0 ? (
            <Card>
              <h3>Take a quiz</h3>
              <p className="mt-1 mb-4 text-muted">{quizCount} questions, checked as you go, with the passage each one comes from.</p>
              <ButtonLink href={`/sets/${set.id}/quiz`}>Take the quiz</ButtonLink>
            </Card>
          ) : null}
          <Card>
            <h3>Review flashcards</h3>
            <p className="mt-1 mb-4 text-muted">
              Every item is a card, scheduled by spaced repetition so you see it just before you would forget.
            </p>
            <ButtonLink href={`/sets/${set.id}/review`} variant="secondary">
              Review flashcards
            </ButtonLink>
          </Card>
          <Card>
            <h3>Read the article</h3>
            <p className="mt-1 mb-4 text-muted">Every item quotes it; see which paragraphs the questions draw on.</p>
            <ButtonLink href={`/articles/${set.articleSlug}`} variant="secondary">
              Read the article
            </ButtonLink>
          </Card>
        </div>
      </section>

      <section aria-labelledby="contents" className="space-y-3">
        <h2 id="contents">What’s inside</h2>
        <p>
          {set.itemCount} {set.itemCount === 1 ? 'item' : 'items'}:
        </p>
        <table className="w-full max-w-md text-left">
          <caption className="sr-only">Items by type</caption>
          <thead>
            <tr className="border-b border-border text-sm text-muted">
              <th scope="col" className="py-2 font-medium">
                Type
              </th>
              <th scope="col" className="py-2 text-right font-medium">
                Items
              </th>
            </tr>
          </thead>
          <tbody>
            {types.map(([type, count]) => (
              <tr key={type} className="border-b border-border">
                <th scope="row" className="py-2 font-normal capitalize">
                  {TYPE_LABELS[type].many}
                </th>
                <td className="py-2 text-right tabular-nums">{count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <SetDownloads setId={set.id} />
    </div>
  );
}
