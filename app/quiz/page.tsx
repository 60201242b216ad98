import type { Metadata } from 'next';
import { QuizStart } from '@/components/quiz/quiz-start';
import { Alert } from '@/components/ui/alert';
import { parseItemList } from '@/lib/quiz/item-list';
import { WithheldNotice } from '@/components/sets/withheld-notice';
import { withheldFromSelfStudy } from '@/server/feedback';
import { findOpenAttempt, liveQuizItemIds } from '@/server/quizzes';
import { withheldSummary } from '@/server/sets';
import { currentLearner } from '@/server/session';
import { startQuizAction } from './actions';

export const metadata: Metadata = { title: 'Practise chosen questions' };

/** A quiz over any chosen questions (a paragraph's, or the weakest ones), across sets. */
export default async function PracticeQuizPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const chosen = parseItemList((await searchParams).items);
  const withheld = await withheldFromSelfStudy();
  const ids = (chosen ? await liveQuizItemIds(chosen) : []).filter((id) => !withheld.has(id));
  const notice = <WithheldNotice className="mx-auto max-w-2xl" {...await withheldSummary({ itemIds: chosen ?? [] })} />;
  if (ids.length === 0) {
    return (
      <div className="mx-auto max-w-2xl space-y-4">
        <h1>Practise chosen questions</h1>
        {notice}
        <Alert tone="warning">This link names no questions that can be quizzed. Pick a set from the home page instead.</Alert>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      {notice}
      <QuizStart
      title="Practise chosen questions"
      description={`A quiz on ${ids.length} ${ids.length === 1 ? 'question' : 'questions'} you picked.`}
      questionCount={ids.length}
      setId={null}
      itemIds={ids}
      openAttempt={await findOpenAttempt(await currentLearner(), null, ids)}
      action={startQuizAction}
      />
    </div>
  );
}
