'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { PublicItem } from '@/lib/quiz/present';
import { ProgressBar } from '../ui/progress-bar';
import { AnswerControls, initialDraft, responseFromDraft, type Draft } from './answer-controls';
import { FeedbackPanel, type FeedbackData } from './feedback-panel';

interface Props {
  attemptId: string;
  item: PublicItem;
  index: number;
  total: number;
  answeredCount: number;
  /** Above 1 in mastery mode: a missed question asked again. */
  round: number;
}

function newAnswerId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

export function QuizQuestion({ attemptId, item, index, total, answeredCount, round }: Props) {
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>(() => initialDraft(item));
  // null: not answered yet; 'recorded': answered, but the teacher holds the feedback back.
  const [feedback, setFeedback] = useState<FeedbackData | 'recorded' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [leaving, setLeaving] = useState(false);
  // From the server's answer: true once nothing is left to ask, mastery rounds included.
  const [finished, setFinished] = useState(false);
  // One id per question, reused on retries, so a resent answer is recognised by the server.
  const [answerId] = useState(newAnswerId);
  const shownAt = useRef(0);
  const promptRef = useRef<HTMLHeadingElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  const promptId = `prompt-${item.id}`;

  useEffect(() => {
    shownAt.current = Date.now();
    promptRef.current?.focus();
  }, []);
  useEffect(() => {
    if (feedback) nextRef.current?.focus();
  }, [feedback]);

  async function check() {
    const built = responseFromDraft(item, draft);
    if ('missing' in built) {
      setError(built.missing);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/v1/attempts/${attemptId}/answers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ answerId, itemId: item.id, response: built.response, durationMs: Date.now() - shownAt.current }),
      });
      const body = await res.json().catch(() => null);
      if (res.ok) {
        setFinished(body.finished === true);
        setFeedback((body.feedback as FeedbackData | null) ?? 'recorded');
      }
      else if (res.status === 409) router.refresh();
      else setError(body?.error?.message ?? `The server answered ${res.status}. Try again.`);
    } catch {
      setError('Could not reach the server. Check your connection and try again; your answer is kept.');
    } finally {
      setBusy(false);
    }
  }

  async function next() {
    setLeaving(true);
    if (finished) {
      await fetch(`/api/v1/attempts/${attemptId}/submit`, { method: 'POST' }).catch(() => null);
    }
    router.refresh();
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (feedback || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    if (target instanceof HTMLInputElement && (target.type === 'text' || target.type === 'number')) return;
    if (target instanceof HTMLSelectElement) return;
    const n = Number(event.key);
    if (!Number.isInteger(n) || n < 1) return;
    if (item.type === 'single' && item.options[n - 1]) {
      event.preventDefault();
      setDraft({ choice: item.options[n - 1]!.id });
    } else if (item.type === 'truefalse' && n <= 2) {
      event.preventDefault();
      setDraft({ value: n === 1 });
    }
  }

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div className="space-y-2">
        <p className="text-sm font-medium text-muted">
          {round > 1 ? `Round ${round}: a question you missed` : `Question ${index + 1} of ${total}`}
        </p>
        <ProgressBar value={answeredCount + (feedback ? 1 : 0)} max={total} label="Questions answered" />
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!feedback && !busy) void check();
        }}
        onKeyDown={onKeyDown}
        className="space-y-5"
      >
        <h1 id={promptId} ref={promptRef} tabIndex={-1} className="text-2xl leading-snug font-semibold focus:outline-none sm:text-3xl">
          {item.type === 'typed' && item.cloze ? 'Fill in the gap' : item.prompt}
        </h1>
        <AnswerControls item={item} draft={draft} onChange={setDraft} disabled={busy || feedback !== null} labelledBy={promptId} />
        {error ? (
          <p role="alert" className="rounded-lg border-l-4 border-danger bg-danger-soft px-4 py-2">
            {error}
          </p>
        ) : null}
        {!feedback ? (
          <button type="submit" disabled={busy} className="inline-flex min-h-11 items-center rounded-lg bg-accent px-5 font-medium text-accent-contrast hover:bg-accent-hover disabled:opacity-60">
            {busy ? 'Checking…' : 'Check answer'}
          </button>
        ) : null}
      </form>
      {feedback ? (
        <div className="space-y-4">
          {feedback === 'recorded' ? (
            <section aria-labelledby={`feedback-${item.id}`} className="rounded-xl border-l-4 border-accent bg-accent-soft p-4">
              <h2 id={`feedback-${item.id}`} className="text-lg font-semibold">
                Answer recorded
              </h2>
              <p>Your teacher will share how you did.</p>
            </section>
          ) : (
            <FeedbackPanel feedback={feedback} headingId={`feedback-${item.id}`} />
          )}
          <button
            ref={nextRef}
            type="button"
            onClick={() => void next()}
            disabled={leaving}
            className="inline-flex min-h-11 items-center rounded-lg bg-accent px-5 font-medium text-accent-contrast hover:bg-accent-hover disabled:opacity-60"
          >
            {finished ? 'See my results' : 'Next question'}
          </button>
        </div>
      ) : null}
    </div>
  );
}
