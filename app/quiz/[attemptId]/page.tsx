import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AssignmentHeader } from '@/components/classroom/assignment-header';
import { QuizQuestion } from '@/components/quiz/quiz-question';
import { QuizResults } from '@/components/quiz/quiz-results';
import { or404 } from '@/server/pages';
import { getAttempt, getAttemptResults } from '@/server/quizzes';
import { currentLearner } from '@/server/session';
import { assignmentBanner } from '@/server/students';
import { startQuizAction, submitQuizAction } from '../actions';

export const metadata: Metadata = { title: 'Quiz' };

interface Props {
  params: Promise<{ attemptId: string }>;
}

async function loadView(attemptId: string) {
  const learner = await currentLearner();
  if (!learner) notFound();
  return { learner, view: await or404(getAttempt(learner, attemptId)) };
}

export default async function AttemptPage({ params }: Props) {
  const { attemptId } = await params;
  const { learner, view } = await loadView(attemptId);
  const answeredCount = view.items.filter((i) => i.answered).length;
  const banner = view.attempt.assignmentId ? <AssignmentHeader {...await assignmentBanner(learner, view.attempt.assignmentId)} /> : null;

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
      />
      </>
    );
  }
  // Null when every question is answered but the attempt is not yet submitted (the tab closed
  // on the last feedback): the page then offers to finish.
  const results = await getAttemptResults(learner, attemptId);
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
    />
    </>
  );
}
