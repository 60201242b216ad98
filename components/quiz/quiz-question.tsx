'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { draftForNumberKey, initialDraft, responseFromDraft, type Draft } from '@/lib/quiz/draft';
import type { HeldBackWording } from '@/lib/classroom/reveal';
import type { PublicItem } from '@/lib/quiz/present';
import { ProgressBar } from '../ui/progress-bar';
import { AnswerControls } from './answer-controls';
import type { AnswerOutcome } from './answer-outcome';
import type { FeedbackData } from './feedback-panel';

interface Props {
  attemptId: string;
  item: PublicItem;
  index: number;
  total: number;
  answeredCount: number;
  /** Above 1 in mastery mode: a missed question asked again. */
  round: number;
  /** The document title of this question, e.g. "Question 3 of 26 · Key facts · Passage". */
  title: string;
  /** In an assignment: what its reveal policy holds back, in words. */
  heldBack?: HeldBackWording | null;
}

// What follows an answer (the feedback panel, the way on, the other-tab lookup) is fetched beside
// the answer, not with the page: a question's first paint does not need it.
const loadOutcome = () =>
  import('./answer-outcome').then(
    (m) => m,
    () => null,
  );

function newAnswerId(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

export function QuizQuestion({ attemptId, item, index, total, answeredCount, round, title, heldBack }: Props) {
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>(() => initialDraft(item));
  // null: not answered yet; 'recorded': answered, but the teacher holds the feedback back.
  const [feedback, setFeedback] = useState<FeedbackData | 'recorded' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [leaving, setLeaving] = useState(false);
  // From the server's answer: true once nothing is left to ask, mastery rounds included.
  const [finished, setFinished] = useState(false);
  // One id per question, reused on retries, so a resent answer is recognised by the server.
  const [answerId] = useState(newAnswerId);
  const [Outcome, setOutcome] = useState<typeof AnswerOutcome | null>(null);
  const shownAt = useRef(0);
  const promptRef = useRef<HTMLHeadingElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  const promptId = `prompt-${item.id}`;

  const missing = feedback
    ? null
    : (() => {
        const built = responseFromDraft(item, draft);
        return 'missing' in built ? built.missing : null;
      })();

  function changeDraft(next: Draft) {
    setDraft(next);
    setError(null);
  }

  useEffect(() => {
    shownAt.current = Date.now();
    promptRef.current?.focus();
  }, []);
  useEffect(() => {
    document.title = title;
  }, [title]);
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
    const outcome = loadOutcome();
    try {
      const res = await fetch(`/api/v1/attempts/${attemptId}/answers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ answerId, itemId: item.id, response: built.response, durationMs: Date.now() - shownAt.current }),
      });
      const body = await res.json().catch(() => null);
      const show = async (shown: { feedback: FeedbackData | null; finished: boolean; notice?: string }) => {
        const loaded = await outcome;
        // The answer is stored: sent again with the same answerId, it brings back the same feedback.
        if (!loaded) return setError('Could not load the feedback. Check your connection and try again; your answer is kept.');
        setOutcome(() => loaded.AnswerOutcome);
        setNotice(shown.notice ?? null);
        setFinished(shown.finished);
        setFeedback(shown.feedback ?? 'recorded');
      };
      if (res.ok) {
        await show({ feedback: body.feedback as FeedbackData | null, finished: body.finished === true });
      } else if (res.status === 409) {
        const elsewhere = await (await outcome)?.answeredElsewhere(attemptId, item.id);
        if (elsewhere)
          await show({
            ...elsewhere,
            notice: 'This question was already answered in another tab or on another device. Here is that answer.',
          });
        else setError(body?.error?.message ?? 'This question can no longer be answered here. Reload the page to carry on.');
      } else setError(body?.error?.message ?? `The server answered ${res.status}. Try again.`);
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

  // Keys work from anywhere on the page: numbers pick options, Enter checks and then goes on.
  function onKey(event: globalThis.KeyboardEvent) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.isComposing || event.defaultPrevented) return;
    const target = event.target as HTMLElement;
    if (target.closest('a, button, select, textarea, summary, header, nav, [contenteditable]')) return;
    const typing = target instanceof HTMLInputElement && (target.type === 'text' || target.type === 'number');
    if (event.key === 'Enter') {
      event.preventDefault();
      if (feedback) {
        if (!leaving) void next();
      } else if (!busy) void check();
      return;
    }
    if (feedback || typing || busy) return;
    const changed = draftForNumberKey(item, draft, Number(event.key));
    if (changed) {
      event.preventDefault();
      changeDraft(changed);
    }
  }
  const keys = useRef(onKey);
  useEffect(() => {
    keys.current = onKey;
  });
  useEffect(() => {
    const listener = (event: globalThis.KeyboardEvent) => keys.current(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

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
        className="space-y-5"
      >
        <h1 id={promptId} ref={promptRef} tabIndex={-1} className="text-2xl leading-snug font-semibold focus:outline-none sm:text-3xl">
          {item.type === 'typed' && item.cloze ? 'Fill in the gap' : item.prompt}
        </h1>
        <AnswerControls
          item={item}
          draft={draft}
          onChange={changeDraft}
          disabled={busy || feedback !== null}
          labelledBy={promptId}
          marks={feedback && feedback !== 'recorded' ? feedback.marks : null}
        />
        {error ? (
          <p role="alert" className="rounded-lg border-l-4 border-danger bg-danger-soft px-4 py-2">
            {error}
          </p>
        ) : null}
        {!feedback ? (
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            <button
              type="submit"
              disabled={busy}
              aria-disabled={missing !== null}
              aria-describedby={missing && error !== missing ? `${promptId}-missing` : undefined}
              className="inline-flex min-h-11 items-center rounded-lg bg-accent px-5 font-medium text-accent-contrast hover:bg-accent-hover disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60"
            >
              {busy ? 'Checking…' : 'Check answer'}
            </button>
            {missing && error !== missing ? (
              <p id={`${promptId}-missing`} className="text-sm text-muted">
                {missing}
              </p>
            ) : null}
          </div>
        ) : null}
      </form>
      {feedback && Outcome ? (
        <Outcome
          itemId={item.id}
          feedback={feedback}
          notice={notice}
          heldBack={heldBack}
          finished={finished}
          leaving={leaving}
          onNext={() => void next()}
          nextRef={nextRef}
        />
      ) : null}
    </div>
  );
}
