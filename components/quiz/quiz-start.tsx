import type { QuizItemType } from '@/lib/quiz/present';
import { ButtonLink } from '../ui/button';
import { Card } from '../ui/card';
import { QuizOptionsForm } from './quiz-options-form';
import { StartQuizForm, type StartQuizState } from './start-quiz-form';

interface Props {
  title: string;
  description: string;
  questionCount: number;
  setId: string | null;
  itemIds: string[] | null;
  /** A whole set's question types: the learner chooses length, types and order. Null for chosen questions. */
  types: { type: QuizItemType; count: number }[] | null;
  openAttempt: { id: string; answered: number; total: number } | null;
  action: (state: StartQuizState, formData: FormData) => Promise<StartQuizState>;
}

export function QuizStart({ title, description, questionCount, setId, itemIds, types, openAttempt, action }: Props) {
  const startKey = crypto.randomUUID();
  const start = (label: string, variant: 'primary' | 'secondary' = 'primary') =>
    types && setId ? (
      <QuizOptionsForm action={action} setId={setId} startKey={startKey} types={types} label={label} />
    ) : (
      <StartQuizForm action={action} setId={setId} itemIds={itemIds} startKey={startKey} label={label} variant={variant} />
    );
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header className="space-y-2">
        <p className="text-sm font-medium tracking-wide text-muted uppercase">Quiz</p>
        <h1>{title}</h1>
        <p className="text-lg text-muted">{description}</p>
      </header>
      <Card className="space-y-4">
        <p>
          {types
            ? `Up to ${questionCount} ${questionCount === 1 ? 'question' : 'questions'}`
            : `${questionCount} ${questionCount === 1 ? 'question' : 'questions'}`}
          , one per screen. Each answer is checked at once, with the passage it comes from. Flashcards are left for review.
        </p>
        {openAttempt ? (
          <div className="space-y-4">
            <p>
              You have a quiz in progress: {openAttempt.answered} of {openAttempt.total} answered.
            </p>
            <ButtonLink href={`/quiz/${openAttempt.id}`}>Resume the quiz</ButtonLink>
            <div className="border-t border-border pt-4">{start('Start a new quiz', 'secondary')}</div>
          </div>
        ) : (
          start('Start the quiz')
        )}
      </Card>
    </div>
  );
}
