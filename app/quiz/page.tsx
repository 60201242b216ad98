import type { Metadata } from 'next';
import { z } from 'zod';
import { QuizStart } from '@/components/quiz/quiz-start';
import { Alert } from '@/components/ui/alert';
import { parseItemList } from '@/lib/quiz/item-list';
import { WithheldNotice } from '@/components/sets/withheld-notice';
import { withheldFromSelfStudy } from '@/server/feedback';
import { findOpenAttempt, liveQuizItemIds } from '@/server/quizzes';
import { withheldSummary } from '@/server/sets';
import { currentLearner } from '@/server/session';
import { startQuizAction } from './actions';

export const metadata: Metadata = { title: 'Practise these questions' };

/** `?paragraph=4`: the questions come from the reader's paragraph 4. Anything else is ignored. */
const paragraphParam = z.coerce.number().int().min(1).max(10_000).optional().catch(undefined);

/** A quiz over a list of questions (a paragraph's, or the weakest ones), across sets. */
export default async function PracticeQuizPage({ searchParams }: PageProps<'/quiz'>) {
  const query = await searchParams;
  const chosen = parseItemList(query.items);
  const paragraph = paragraphParam.parse(query.paragraph);
  const withheld = await withheldFromSelfStudy();
  const ids = (chosen ? await liveQuizItemIds(chosen) : []).filter((id) => !withheld.has(id));
  const notice = <WithheldNotice className="mx-auto max-w-2xl" {...await withheldSummary({ itemIds: chosen ?? [] })} />;
  if (ids.length === 0) {
    return (
      <div className="mx-auto max-w-2xl space-y-4">
        <h1>Practise these questions</h1>
        {notice}
        <Alert tone="warning">This link names no questions that can be quizzed. Pick a set from the home page instead.</Alert>
      </div>
    );
  }
  const count = `${ids.length} ${ids.length === 1 ? 'question' : 'questions'}`;
  return (
    <div className="space-y-6">
      {notice}
      <QuizStart
        title={paragraph ? `Questions on paragraph ${paragraph}` : 'Practise these questions'}
        description={paragraph ? `A quiz on the ${count} that draw on paragraph ${paragraph} of the article.` : `A quiz on ${count}.`}
        questionCount={ids.length}
        setId={null}
        itemIds={ids}
        types={null}
        openAttempt={await findOpenAttempt(await currentLearner(), null, ids)}
        action={startQuizAction}
      />
    </div>
  );
}
