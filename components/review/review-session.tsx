'use client';

import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { gradeTypedText } from '@/lib/grading/typed';
import type { TypedItem } from '@/lib/questions/schema';
import { nextDueAfter, restoreSession, sessionKey } from '@/lib/review/session';
import { countsOf, currentCard, initialReviewState, reviewReducer } from '@/lib/review/session-reducer';
import type { RateResult, ReviewQueue } from '@/lib/review/types';
import type { Rating } from '@/lib/scheduler';
import { LEARN_AHEAD_MS } from '@/lib/scheduler/queue';
import { CardBackView, CardFrontView } from './card-faces';
import { Outbox, pendingRatedItems, storedOps, type OutboxOp, type OutboxStatus } from './outbox';
import { RatingButtons } from './rating-buttons';
import { SessionSummary, type NextSteps } from './session-summary';

const newId = () =>
  typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 14)}`;

interface Props {
  initial: ReviewQueue;
  typeAnswers: boolean;
  /** Flashcard practice for an assignment: ratings count toward it. */
  assignmentId?: string;
  next: NextSteps;
}

const storageKey = () => sessionKey(window.location.pathname, window.location.search);

/** Rendered in the browser only (see review-session-loader), so it may read the clock and storage. */
export default function ReviewSession({ initial, typeAnswers, assignmentId, next }: Props) {
  // Statistics, undo and the schedule of rated cards survive a reload of the same learner day.
  const [state, dispatch] = useReducer(reviewReducer, null, () => {
    const now = Date.now();
    const session = restoreSession(localStorage.getItem(storageKey()), initial.dayEndsAt, now);
    return initialReviewState({ queue: initial, session, pendingItemIds: pendingRatedItems(), now });
  });
  const { session, queue, now, flipped, typed } = state;
  const [status, setStatus] = useState<{ status: OutboxStatus; detail?: string }>(() => ({
    status: storedOps().length > 0 ? 'saving' : 'saved',
  }));
  const outbox = useRef<Outbox | null>(null);
  const headingId = 'review-card-front';
  const counts = countsOf(state);
  const current = currentCard(state);

  useEffect(() => {
    try {
      localStorage.setItem(storageKey(), JSON.stringify(session));
    } catch {
      // Storage full or disabled: the session still works, it just does not survive a reload.
    }
  }, [session]);

  const onAck = useCallback((op: OutboxOp, response: unknown) => {
    if (op.kind === 'rate') dispatch({ type: 'ack', itemId: op.itemId, result: response as RateResult });
  }, []);

  useEffect(() => {
    const box = new Outbox((s, detail) => setStatus({ status: s, detail }), onAck);
    outbox.current = box;
    void box.flush();
    const online = () => box.retryNow();
    window.addEventListener('online', online);
    const tick = setInterval(() => dispatch({ type: 'tick', now: Date.now() }), 15_000);
    return () => {
      window.removeEventListener('online', online);
      clearInterval(tick);
    };
  }, [onAck]);

  useEffect(() => {
    document.getElementById(headingId)?.focus();
  }, [current?.itemId, current?.readyAt]);

  const typedResult = useMemo(() => {
    if (!flipped || !current?.typed || !typed.trim()) return null;
    return gradeTypedText(current.typed as TypedItem, typed);
  }, [flipped, current, typed]);

  const rate = useCallback(
    (rating: Rating) => {
      if (!current || !flipped) return;
      const reviewId = newId();
      const t = Date.now();
      outbox.current?.push({
        kind: 'rate',
        reviewId,
        itemId: current.itemId,
        rating,
        durationMs: Math.min(t - state.shownAt, 3_600_000),
        reviewedAt: new Date(t).toISOString(),
        assignmentId,
      });
      dispatch({ type: 'rate', rating, reviewId, now: t });
    },
    [current, flipped, state.shownAt, assignmentId],
  );

  const flag = useCallback(
    (action: 'bury' | 'suspend') => {
      if (!current) return;
      const opId = newId();
      outbox.current?.push({ kind: 'flag', itemId: current.itemId, action, opId });
      dispatch({ type: 'flag', action, opId, now: Date.now() });
    },
    [current],
  );

  // Takes the last change back: a write not yet sent is withdrawn, one already sent is reversed.
  const undo = useCallback(() => {
    const last = session.undo.at(-1);
    if (!last) return;
    const box = outbox.current!;
    if (last.kind === 'rate') {
      if (!box.withdraw((op) => op.kind === 'rate' && op.reviewId === last.reviewId)) box.push({ kind: 'undo', reviewId: last.reviewId });
    } else if (!box.withdraw((op) => op.kind === 'flag' && op.opId === last.opId)) {
      box.push({ kind: 'flag', itemId: last.card.itemId, action: last.action === 'bury' ? 'unbury' : 'unsuspend', opId: newId() });
    }
    dispatch({ type: 'undo', now: Date.now() });
  }, [session]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const inField = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
      const onButton = event.target instanceof HTMLButtonElement || event.target instanceof HTMLAnchorElement;
      if (inField && event.key !== 'Enter') return;
      if ((event.key === ' ' || event.key === 'Enter') && !onButton) {
        event.preventDefault();
        if (!current) return;
        if (!flipped) dispatch({ type: 'flip' });
        else rate('good');
        return;
      }
      if (inField) return;
      const ratingKeys: Record<string, Rating> = { '1': 'again', '2': 'hard', '3': 'good', '4': 'easy' };
      if (ratingKeys[event.key] && flipped) {
        event.preventDefault();
        rate(ratingKeys[event.key]!);
      } else if (event.key === 'u') {
        event.preventDefault();
        undo();
      } else if (event.key === '-') {
        event.preventDefault();
        flag('bury');
      } else if (event.key === '@') {
        event.preventDefault();
        flag('suspend');
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [current, flipped, rate, undo, flag]);

  const laterToday = queue.filter((c) => c.readyAt > now + LEARN_AHEAD_MS).map((c) => c.readyAt);
  const nextDue = nextDueAfter(now, [initial.nextDue, ...laterToday, ...Object.values(session.scheduled)]);
  const canUndo = session.undo.length > 0;

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      {/* Counts and save status on separate lines on a phone, so a status change never moves the card. */}
      <div className="flex flex-col gap-1 sm:flex-row sm:items-center sm:justify-between sm:gap-3">
        <p className="flex gap-4 font-medium tabular-nums" data-testid="review-counts">
          <span className="text-accent">{counts.new} new</span>
          <span className="sr-only">,</span>
          <span className="text-danger">{counts.learning} learning</span>
          <span className="sr-only">,</span>
          <span className="text-success">{counts.review} to review</span>
        </p>
        <p
          role="status"
          className={`text-sm ${status.status === 'offline' || status.status === 'error' ? 'font-semibold text-warning' : 'text-muted'}`}
        >
          {status.status === 'saved'
            ? 'All changes saved'
            : status.status === 'saving'
              ? 'Saving…'
              : status.status === 'offline'
                ? 'Offline – will retry'
                : status.detail}
        </p>
      </div>

      {current ? (
        <section aria-label="Card" className="rounded-xl border border-border bg-surface shadow-sm">
          <div className="space-y-5 p-5 sm:p-8">
            <CardFrontView front={current.front} headingId={headingId} />
            {typeAnswers && current.typed && !flipped ? (
              <label className="block space-y-1">
                <span className="text-sm text-muted">
                  Type your answer<span className="touch:hidden">, then press Enter</span>
                </span>
                <input
                  type="text"
                  value={typed}
                  onChange={(e) => dispatch({ type: 'type', text: e.target.value })}
                  maxLength={500}
                  autoComplete="off"
                  spellCheck={false}
                  className="min-h-12 w-full rounded-lg border border-border bg-surface px-3 text-lg"
                />
              </label>
            ) : null}
            {flipped ? (
              <>
                {typedResult ? (
                  <p className={`rounded-lg px-3 py-2 ${typedResult.correct ? 'bg-success-soft' : 'bg-danger-soft'}`}>
                    You typed “{typed}”: {typedResult.correct ? (typedResult.typo ? 'right, with a typo' : 'right') : 'not the answer'}.
                  </p>
                ) : null}
                <CardBackView back={current.back} />
              </>
            ) : null}
          </div>
          {/* The answer controls stay in view at the bottom of the screen while the card scrolls. */}
          <div className="sticky bottom-0 z-10 rounded-b-xl border-t border-border bg-surface/95 px-3 pt-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] backdrop-blur sm:px-8">
            {flipped ? (
              <RatingButtons previews={current.previews} onRate={rate} />
            ) : (
              <button
                type="button"
                onClick={() => dispatch({ type: 'flip' })}
                className="inline-flex min-h-12 w-full items-center justify-center rounded-lg bg-accent px-5 font-medium text-accent-contrast hover:bg-accent-hover"
              >
                Show answer{' '}
                <kbd aria-hidden="true" className="ml-2 text-sm opacity-80 touch:hidden">
                  Space
                </kbd>
              </button>
            )}
          </div>
          <div className="flex flex-wrap gap-2 border-t border-border px-5 py-4 text-sm sm:px-8">
            <button
              type="button"
              onClick={undo}
              disabled={!canUndo}
              aria-keyshortcuts="u"
              className="min-h-11 rounded-md border border-border px-3 disabled:opacity-50"
            >
              Undo{' '}
              <kbd aria-hidden="true" className="text-muted touch:hidden">
                u
              </kbd>
            </button>
            <button
              type="button"
              onClick={() => flag('bury')}
              aria-keyshortcuts="-"
              className="min-h-11 rounded-md border border-border px-3"
            >
              Bury until tomorrow{' '}
              <kbd aria-hidden="true" className="text-muted touch:hidden">
                -
              </kbd>
            </button>
            <button
              type="button"
              onClick={() => flag('suspend')}
              aria-keyshortcuts="@"
              className="min-h-11 rounded-md border border-border px-3"
            >
              Suspend{' '}
              <kbd aria-hidden="true" className="text-muted touch:hidden">
                @
              </kbd>
            </button>
          </div>
        </section>
      ) : null}

      {!current ? (
        <SessionSummary
          studied={session.stats.studied}
          again={session.stats.again}
          startedAt={session.startedAt}
          nextDue={nextDue}
          canUndo={canUndo}
          onUndo={undo}
          next={next}
          beyond={initial.beyond}
        />
      ) : null}
    </div>
  );
}
