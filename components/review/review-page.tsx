import type { ReviewQueue } from '@/lib/review/types';
import { ReviewSessionLoader } from './review-session-loader';
import type { NextSteps } from './session-summary';

interface Props {
  title: string;
  queue: ReviewQueue;
  typeAnswers: boolean;
  assignmentId?: string;
  next: NextSteps;
}

export function ReviewPage({ title, queue, typeAnswers, assignmentId, next }: Props) {
  return (
    <div className="space-y-6">
      <header className="mx-auto max-w-2xl space-y-1">
        <p className="text-sm font-medium tracking-wide text-muted uppercase">Flashcards</p>
        <h1 className="text-2xl sm:text-3xl">{title}</h1>
        <p className="text-sm text-muted touch:hidden">
          Space or Enter shows the answer; 1 Again, 2 Hard, 3 Good, 4 Easy; u undoes; - buries until tomorrow; @ suspends.
        </p>
      </header>
      <ReviewSessionLoader initial={queue} typeAnswers={typeAnswers} assignmentId={assignmentId} next={next} />
    </div>
  );
}
