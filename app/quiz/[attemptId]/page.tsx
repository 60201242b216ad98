import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { AssignmentHeader } from '@/components/classroom/assignment-header';
import { QuizQuestion } from '@/components/quiz/quiz-question';
import { QuizResults } from '@/components/quiz/quiz-results';
import { Alert } from '@/components/ui/alert';
import { or404 } from '@/server/pages';
import { getAttemptWithResults, type AttemptView } from '@/server/quizzes';
import { currentLearner } from '@/server/session';
import { assignmentBanner, assignmentHeldBackWording } from '@/server/students';
import { startQuizAction, submitQuizAction } from '../actions';

type Props = PageProps<'/quiz/[attemptId]'>;

// Metadata and page share one read of the attempt per request (view and results alike).
const loadView = cache(async (attemptId: string) => {
  const learner = await currentLearner();
  if (!learner) notFound();
  return { learner, ...(await or404(getAttemptWithResults(learner, attemptId))) };
});

/** "Question 3 of 26 · Key facts", "Results · Key facts": every state of the attempt has a title. */
function titleOf(view: AttemptView): string {
  const quiz = view.attempt.setTitle ?? 'Chosen questions';
  if (view.current === null) return `${view.attempt.submittedAt ? 'Results' : 'Finish the quiz'} · ${quiz}`;
  if (view.round > 1) return `Round ${view.round}, a missed question · ${quiz}`;
  return `Question ${view.current + 1} of ${view.items.length} · ${quiz}`;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { view } = await loadView((await params).attemptId);
  return { title: titleOf(view) };
}

export default async function AttemptPage({ params }: Props) {
  const { attemptId } = await params;
  const { learner, view, results } = await loadView(attemptId);
  const answeredCount = view.items.filter((i) => i.answered).length;
  const banner = view.attempt.assignmentId ? <AssignmentHeader {...await assignmentBanner(learner, view.attempt.assignmentId)} /> : null;
  const heldBack = view.attempt.assignmentId ? await assignmentHeldBackWording(view.attempt.assignmentId) : null;

  if (view.refusal && view.attempt.assignmentId) {
    return (
      <div className="mx-auto max-w-2xl space-y-4">
        {banner}
        <h1>This quiz is closed</h1>
        <Alert tone="info">{view.refusal}</Alert>
        <Link href={`/a/${view.attempt.assignmentId}`}>Back to the assignment</Link>
      </div>
    );
  }
  if (view.current !== null) {
    const current = view.items[view.current]!;
    return (
      <>
        {banner}
        <QuizQuestion
          key={`${current.item.id}-${view.round}`}
          attemptId={view.attempt.id}
          item={current.item}
          index={view.current}
          total={view.items.length}
          answeredCount={view.round === 1 ? answeredCount : 0}
          round={view.round}
          title={`${titleOf(view)} · Passage`}
          heldBack={heldBack}
        />
      </>
    );
  }
  // Null when every question is answered but the attempt is not yet submitted (the tab closed
  // on the last feedback): the page then offers to finish.
  return (
    <>
      {banner}
      <QuizResults
        attemptId={view.attempt.id}
        results={results}
        setId={view.attempt.setId}
        setTitle={view.attempt.setTitle}
        assignmentId={view.attempt.assignmentId}
        retryAction={startQuizAction}
        finishAction={submitQuizAction}
        heldBack={heldBack}
      />
    </>
  );
}
