import Link from 'next/link';
import type { HeldBackWording } from '@/lib/classroom/reveal';
import { QUIZ_TYPES } from '@/lib/quiz/options';
import { formatScore, scorePercent } from '@/lib/quiz/score';
import { ProgressBar } from '../ui/progress-bar';
import { FeedbackPanel, verdict, type FeedbackData } from './feedback-panel';
import { FocusOnArrival } from './focus-on-arrival';
import type { StartQuizState } from './start-quiz-form';
import { StartQuizFormLazy } from './start-quiz-form-lazy';

interface ResultRow {
  itemId: string;
  prompt: string;
  answered: boolean;
  feedback: FeedbackData | null;
  keyText: string;
}

interface Props {
  attemptId: string;
  results: {
    attempt: { score: number | null; maxScore: number | null; submittedAt: Date | null };
    rows: ResultRow[];
    keysShown: boolean;
  } | null;
  setId: string | null;
  assignmentId: string | null;
  setTitle: string | null;
  retryAction: (state: StartQuizState, formData: FormData) => Promise<StartQuizState>;
  finishAction: (formData: FormData) => Promise<void>;
  /** In an assignment: what its reveal policy holds back, in words. */
  heldBack?: HeldBackWording | null;
}

const RESULTS_HEADING = 'results-heading';

export function QuizResults({ attemptId, results, setId, setTitle, assignmentId, retryAction, finishAction, heldBack }: Props) {
  if (!results) {
    return (
      <div className="mx-auto max-w-2xl space-y-4">
        <h1 id={RESULTS_HEADING} tabIndex={-1} className="focus:outline-none">
          All questions answered
        </h1>
        <FocusOnArrival targetId={RESULTS_HEADING} />
        <p className="text-muted">{heldBack?.afterAnswer ?? 'Finish the quiz to see your score and every answer.'}</p>
        <form action={finishAction}>
          <input type="hidden" name="attemptId" value={attemptId} />
          <button
            type="submit"
            className="inline-flex min-h-11 items-center rounded-lg bg-accent px-5 font-medium text-accent-contrast hover:bg-accent-hover"
          >
            See my results
          </button>
        </form>
      </div>
    );
  }
  if (results.attempt.score === null) {
    return (
      <div className="mx-auto max-w-2xl space-y-4">
        <h1 id={RESULTS_HEADING} tabIndex={-1} className="focus:outline-none">
          Quiz handed in
        </h1>
        <FocusOnArrival targetId={RESULTS_HEADING} />
        <p>{heldBack?.handedIn ?? 'Your answers are saved.'}</p>
        {assignmentId ? <Link href={`/a/${assignmentId}`}>Back to the assignment</Link> : null}
      </div>
    );
  }
  const score = results.attempt.score;
  const max = results.attempt.maxScore ?? results.rows.length;
  const missed = results.rows.filter((r) => !r.feedback?.correct).map((r) => r.itemId);
  const percent = scorePercent(score, max);
  const startKey = crypto.randomUUID();
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <header className="space-y-3">
        <p className="text-sm font-medium tracking-wide text-muted uppercase">Quiz results{setTitle ? ` · ${setTitle}` : ''}</p>
        <h1 id={RESULTS_HEADING} tabIndex={-1} className="focus:outline-none">
          You scored {formatScore(score, max)} ({percent}%)
        </h1>
        <FocusOnArrival targetId={RESULTS_HEADING} />
        <ProgressBar value={score} max={max} label="Score" tone="success" />
        <div className="flex flex-wrap gap-3 pt-2">
          {assignmentId ? (
            <Link
              href={`/a/${assignmentId}`}
              className="inline-flex min-h-11 items-center rounded-lg border border-border bg-surface px-4 font-medium text-text no-underline hover:bg-surface-muted"
            >
              Back to the assignment
            </Link>
          ) : missed.length > 0 ? (
            <StartQuizFormLazy
              action={retryAction}
              setId={setId}
              itemIds={missed}
              startKey={`${startKey}-missed`}
              label={`Retry the ${missed.length} I missed`}
            />
          ) : (
            <p className="font-medium text-success">Every answer right. Well done.</p>
          )}
          {setId && !assignmentId ? (
            <StartQuizFormLazy
              action={retryAction}
              setId={setId}
              itemIds={null}
              startKey={`${startKey}-whole`}
              options={{ length: 'all', order: 'shuffled', types: QUIZ_TYPES }}
              label="Take the whole quiz again"
              variant={missed.length > 0 ? 'secondary' : 'primary'}
            />
          ) : null}
          {setId && !assignmentId ? (
            <Link
              href={`/sets/${setId}`}
              className="inline-flex min-h-11 items-center rounded-lg border border-border bg-surface px-4 font-medium text-text no-underline hover:bg-surface-muted"
            >
              Back to the set
            </Link>
          ) : null}
        </div>
      </header>
      <section aria-labelledby="every-answer" className="space-y-3">
        <h2 id="every-answer">Every question</h2>
        <ol className="space-y-3">
          {results.rows.map((row, index) => {
            const v = row.feedback
              ? verdict(row.feedback)
              : row.answered
                ? { label: 'Answered', tone: 'warning' as const }
                : { label: 'Not answered', tone: 'danger' as const };
            return (
              <li key={row.itemId} className="rounded-xl border border-border bg-surface p-4">
                <details>
                  <summary className="flex cursor-pointer flex-wrap items-baseline gap-x-3 gap-y-1">
                    <span className="text-sm text-muted tabular-nums">{index + 1}.</span>
                    <span className="min-w-0 flex-1 basis-[calc(100%-3rem)] font-medium sm:basis-0">{row.prompt}</span>
                    <span
                      className={`ml-7 text-sm font-semibold sm:ml-0 ${v.tone === 'success' ? 'text-success' : v.tone === 'warning' ? 'text-warning' : 'text-danger'}`}
                    >
                      <span aria-hidden="true">{v.tone === 'success' ? '✓ ' : v.tone === 'warning' ? '◐ ' : '✗ '}</span>
                      {v.label}
                    </span>
                  </summary>
                  <div className="mt-3">
                    {row.feedback && results.keysShown ? (
                      <FeedbackPanel feedback={row.feedback} headingLevel={3} headingId={`result-${row.itemId}`} />
                    ) : results.keysShown ? (
                      <p>
                        <span className="font-medium">Correct answer:</span> {row.keyText}
                      </p>
                    ) : (
                      <p>{heldBack?.answersLater ?? 'The correct answers are not shown here.'}</p>
                    )}
                  </div>
                </details>
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}
