import { ButtonLink } from '../ui/button';

interface Props {
  sets: { id: string; title: string; description: string }[];
}

/** The end of the article: what to do with what was just read. */
export function ArticleNextSteps({ sets }: Props) {
  if (sets.length === 0) return null;
  return (
    <section aria-labelledby="next-steps" className="mt-12 space-y-4 rounded-xl border border-border bg-surface p-5 font-sans sm:p-6">
      <h2 id="next-steps">Now keep what you read</h2>
      <p className="text-muted">Test yourself on a set while the article is fresh, then let flashcards bring it back before you forget.</p>
      <ul className="space-y-3">
        {sets.map((set) => (
          <li key={set.id} className="flex flex-wrap items-center justify-between gap-3 border-t border-border pt-3">
            <span>
              <span className="block font-medium">{set.title}</span>
              <span className="text-sm text-muted">{set.description}</span>
            </span>
            <ButtonLink href={`/sets/${set.id}/quiz`} variant="secondary">
              Take the quiz<span className="sr-only">: {set.title}</span>
            </ButtonLink>
          </li>
        ))}
      </ul>
      <ButtonLink href="/review">Review flashcards</ButtonLink>
    </section>
  );
}
