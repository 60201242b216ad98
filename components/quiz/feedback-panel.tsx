import type { AnswerFeedback } from '@/lib/quiz/feedback';
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

/** What a learner sees after answering: the verdict, their answer beside the key, and the evidence. */
export function FeedbackPanel({ feedback, headingId, headingLevel = 2 }: { feedback: FeedbackData; headingId?: string; headingLevel?: 2 | 3 }) {
  const { label, tone } = verdict(feedback);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={headingId} className={`space-y-3 rounded-xl border-l-4 p-4 ${toneClass[tone]}`}>
      <Heading id={headingId} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
        {label}
        {feedback.typo ? <span className="ml-2 text-base font-normal">— accepted, but check the spelling</span> : null}
      </Heading>
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">Your answer</dt>
        <dd>{feedback.yourAnswer || '—'}</dd>
        <dt className="font-medium">{feedback.correct ? 'Key' : 'Correct answer'}</dt>
        <dd>{feedback.key}</dd>
      </dl>
      <p>{feedback.explanation}</p>
      <SourceQuote sources={feedback.sources} readerHref={feedback.readerHref} />
    </section>
  );
}
