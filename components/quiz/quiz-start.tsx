import { ButtonLink } from '../ui/button';
import { Card } from '../ui/card';
import { StartQuizForm, type StartQuizState } from './start-quiz-form';

interface Props {
  title: string;
  description: string;
  questionCount: number;
  setId: string | null;
  itemIds: string[] | null;
  openAttempt: { id: string; answered: number; total: number } | null;
  action: (state: StartQuizState, formData: FormData) => Promise<StartQuizState>;
}

export function QuizStart({ title, description, questionCount, setId, itemIds, openAttempt, action }: Props) {
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header className="space-y-2">
        <p className="text-sm font-medium tracking-wide text-muted uppercase">Quiz</p>
        <h1>{title}</h1>
        <p className="text-lg text-muted">{description}</p>
      </header>
      <Card className="space-y-4">
        <p>
          {questionCount} {questionCount === 1 ? 'question' : 'questions'}, one per screen. Each answer is checked at once, with the
          passage it comes from. Flashcards in the set are left for review.
        </p>
        {openAttempt ? (
          <div className="space-y-3">
            <p>
              You have a quiz in progress: {openAttempt.answered} of {openAttempt.total} answered.
            </p>
            <div className="flex flex-wrap gap-3">
              <ButtonLink href={`/quiz/${openAttempt.id}`}>Resume the quiz</ButtonLink>
              <StartQuizForm action={action} setId={setId} itemIds={itemIds} label="Start over" variant="secondary" />
            </div>
          </div>
        ) : (
          <StartQuizForm action={action} setId={setId} itemIds={itemIds} label="Start the quiz" />
        )}
      </Card>
    </div>
  );
}
