import type { AnswerMarks } from '@/lib/grading/marks';
import type { AnswerFeedback } from '@/lib/quiz/feedback';
import { Mark, markTone } from './marks';
import { SourceQuote } from './source-quote';

export type FeedbackData = Omit<AnswerFeedback, 'itemId'>;

export function verdict(feedback: Pick<FeedbackData, 'correct' | 'score'>): { label: string; tone: 'success' | 'warning' | 'danger' } {
  if (feedback.correct) return { label: 'Right', tone: 'success' };
  if (feedback.score > 0) return { label: `Partly right (${Math.round(feedback.score * 100)}%)`, tone: 'warning' };
  return { label: 'Not quite', tone: 'danger' };
}

const toneClass = {
  success: 'border-success bg-success-soft',
  warning: 'border-warning bg-warning-soft',
  danger: 'border-danger bg-danger-soft',
};
const verdictMark = { success: '✓', warning: '◐', danger: '✗' };

interface Props {
  feedback: FeedbackData;
  headingId?: string;
  headingLevel?: 2 | 3;
  /** The question is on screen with its options marked, so the panel leaves them out. */
  marksInPlace?: boolean;
}

/** What a learner sees after answering: the verdict, what was right and wrong, and the evidence. */
export function FeedbackPanel({ feedback, headingId, headingLevel = 2, marksInPlace = false }: Props) {
  const { label, tone } = verdict(feedback);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const marks = feedback.marks;
  return (
    <section aria-labelledby={headingId} className={`space-y-3 rounded-xl border-l-4 p-4 ${toneClass[tone]}`}>
      <Heading id={headingId} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
        <span aria-hidden="true" className="mr-2">
          {verdictMark[tone]}
        </span>
        {label}
        {feedback.typo ? <span className="ml-2 text-base font-normal">— accepted, but check the spelling</span> : null}
      </Heading>
      {marks && marksInPlace ? null : marks ? (
        <MarksList marks={marks} />
      ) : (
        <dl className="grid gap-x-4 sm:grid-cols-[max-content_1fr] sm:gap-y-1">
          <dt className="text-sm font-medium text-muted sm:text-base sm:text-text">Your answer</dt>
          <dd className="mb-2 font-medium sm:mb-0 sm:font-normal">{feedback.yourAnswer || '—'}</dd>
          {feedback.key && (!feedback.correct || feedback.typo) ? (
            <>
              <dt className="text-sm font-medium text-muted sm:text-base sm:text-text">Correct answer</dt>
              <dd className="font-medium sm:font-normal">{feedback.key}</dd>
            </>
          ) : null}
        </dl>
      )}
      {feedback.explanation ? <p>{feedback.explanation}</p> : null}
      <SourceQuote sources={feedback.sources} readerHref={feedback.readerHref} />
    </section>
  );
}

/** The marks as a list, where the question is not on screen (the results page). */
function MarksList({ marks }: { marks: AnswerMarks }) {
  const row = 'flex flex-wrap items-baseline gap-x-3 gap-y-1 rounded-lg px-3 py-2';
  switch (marks.type) {
    case 'choices':
      return (
        <ul className="space-y-1">
          {marks.options
            .filter((o) => o.chosen || o.correct)
            .map((o) => (
              <li key={o.id} className={`${row} ${markTone(o)}`}>
                <span className="flex-1">{o.text}</span>
                <Mark correct={o.correct} chosen={o.chosen} />
              </li>
            ))}
        </ul>
      );
    case 'truefalse':
      return (
        <ul className="space-y-1">
          <li className={`${row} ${markTone({ correct: marks.chosen === marks.correct, chosen: true })}`}>
            <span className="flex-1">{marks.chosen ? 'True' : 'False'}</span>
            <Mark correct={marks.chosen === marks.correct} chosen />
          </li>
          {marks.chosen === marks.correct ? null : (
            <li className={`${row} ${markTone({ correct: true, chosen: false })}`}>
              <span className="flex-1">{marks.correct ? 'True' : 'False'}</span>
              <Mark correct chosen={false} />
            </li>
          )}
        </ul>
      );
    case 'ordering':
      return (
        <ol className="space-y-1">
          {marks.rows.map((r, i) => (
            <li key={r.text} className={`${row} ${markTone({ correct: r.right, chosen: true })}`}>
              <span className="text-sm text-muted tabular-nums">{i + 1}.</span>
              <span className="flex-1">{r.text}</span>
              <Mark correct={r.right} chosen />
              {r.right ? null : <span className="text-sm">belongs at position {r.correctPosition}</span>}
            </li>
          ))}
        </ol>
      );
    case 'matching':
      return (
        <ul className="space-y-1">
          {marks.rows.map((r) => (
            <li key={r.left} className={`${row} ${markTone({ correct: r.right, chosen: true })}`}>
              <span className="font-medium">{r.left}</span>
              <span aria-hidden="true">→</span>
              <span className="flex-1">{r.yours ?? 'no match chosen'}</span>
              <Mark correct={r.right} chosen />
              {r.right ? null : <span className="w-full text-sm">Correct answer: {r.correct}</span>}
            </li>
          ))}
        </ul>
      );
  }
}
