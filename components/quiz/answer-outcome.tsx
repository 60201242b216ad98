'use client';

import type { Ref } from 'react';
import type { HeldBackWording } from '@/lib/classroom/reveal';
import { FeedbackPanel, type FeedbackData } from './feedback-panel';

// Loaded with the outcome, in the same chunk: needed only when the server says another tab answered.
export { answeredElsewhere } from './answered-elsewhere';

interface Props {
  itemId: string;
  /** 'recorded': answered, but the teacher holds the feedback back. */
  feedback: FeedbackData | 'recorded';
  notice: string | null;
  heldBack?: HeldBackWording | null;
  finished: boolean;
  leaving: boolean;
  onNext: () => void;
  nextRef: Ref<HTMLButtonElement>;
}

/** What follows a checked answer: the feedback (or that it is held back) and the way on. */
export function AnswerOutcome({ itemId, feedback, notice, heldBack, finished, leaving, onNext, nextRef }: Props) {
  return (
    <div className="space-y-4">
      {notice ? (
        <p role="status" className="rounded-lg border-l-4 border-warning bg-warning-soft px-4 py-2">
          {notice}
        </p>
      ) : null}
      {feedback === 'recorded' ? (
        <section aria-labelledby={`feedback-${itemId}`} className="rounded-xl border-l-4 border-accent bg-accent-soft p-4">
          <h2 id={`feedback-${itemId}`} className="text-lg font-semibold">
            Answer recorded
          </h2>
          <p>{heldBack?.afterAnswer ?? 'Your answer is saved.'}</p>
        </section>
      ) : (
        <FeedbackPanel feedback={feedback} headingId={`feedback-${itemId}`} marksInPlace />
      )}
      <button
        ref={nextRef}
        type="button"
        onClick={onNext}
        disabled={leaving}
        className="inline-flex min-h-11 items-center rounded-lg bg-accent px-5 font-medium text-accent-contrast hover:bg-accent-hover disabled:opacity-60"
      >
        {finished ? 'See my results' : 'Next question'}
      </button>
    </div>
  );
}
