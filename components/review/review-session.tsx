'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { gradeTypedText } from '@/lib/grading/typed';
import type { TypedItem } from '@/lib/questions/schema';
import {
  nextDueAfter,
  pickNext,
  restoreSession,
  sessionCounts,
  sessionKey,
  toSessionCard,
  UNDO_DEPTH,
  type SessionCard,
  type StoredSession,
  type Used,
} from '@/lib/review/session';
import type { RateResult, ReviewQueue } from '@/lib/review/types';
import type { Rating } from '@/lib/scheduler';
import { LEARN_AHEAD_MS } from '@/lib/scheduler/queue';
import { CardBackView, CardFrontView } from './card-faces';
import { Outbox, OUTBOX_KEY, type OutboxOp, type OutboxStatus } from './outbox';
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

function storedOps(): OutboxOp[] {
  try {
    return JSON.parse(localStorage.getItem(OUTBOX_KEY) ?? '[]') as OutboxOp[];
  } catch {
    return [];
  }
}

const storageKey = () => sessionKey(window.location.pathname, window.location.search);

/** Rendered in the browser only (see review-session-loader), so it may read the clock and storage. */
export default function ReviewSession({ initial, typeAnswers, assignmentId, next }: Props) {
  const [loadedAt] = useState(() => Date.now());
  // Statistics, undo and the schedule of rated cards survive a reload of the same learner day.
  const [session, setSession] = useState<StoredSession>(() =>
    restoreSession(localStorage.getItem(storageKey()), initial.dayEndsAt, loadedAt),
  );
  // Cards rated offline in an earlier visit are not shown again; their ratings go out on mount.
  const [queue, setQueue] = useState<SessionCard[]>(() => {
    const pending = new Set(storedOps().flatMap((op) => (op.kind === 'rate' ? [op.itemId] : [])));
    return initial.cards.filter((c) => !pending.has(c.itemId)).map((c) => toSessionCard(c, loadedAt));
  });
  // What this page has used of the allowance the server computed at load (ratings still in the
  // outbox from an earlier visit are not yet known to the server, so they count here).
  const [used, setUsed] = useState<Used>(() => {
    const pending = new Set(storedOps().flatMap((op) => (op.kind === 'rate' ? [op.itemId] : [])));
    const kinds = initial.cards.filter((c) => pending.has(c.itemId)).map((c) => c.kind);
    return { introduced: kinds.filter((k) => k === 'new').length, reviewed: kinds.filter((k) => k === 'review').length };
  });
  const [now, setNow] = useState(loadedAt);
  const [pinned, setPinned] = useState<SessionCard | null>(() =>
    pickNext(queue, loadedAt, sessionCounts(queue, loadedAt, initial.counts, used)),
  );
  const [flipped, setFlipped] = useState(false);
  const [typed, setTyped] = useState('');
  const [status, setStatus] = useState<{ status: OutboxStatus; detail?: string }>(() => ({
    status: storedOps().length > 0 ? 'saving' : 'saved',
  }));
  const shownAt = useRef(loadedAt);
  const outbox = useRef<Outbox | null>(null);
  const headingId = 'review-card-front';
  const counts = sessionCounts(queue, now, initial.counts, used);
  // A learning card that falls due while the screen is empty appears by itself.
  const current = pinned ?? pickNext(queue, now, counts);

  useEffect(() => {
    try {
      localStorage.setItem(storageKey(), JSON.stringify(session));
    } catch {
      // Storage full or disabled: the session still works, it just does not survive a reload.
    }
  }, [session]);

  const show = useCallback((card: SessionCard | null) => {
    setPinned(card);
    setFlipped(false);
    setTyped('');
    shownAt.current = Date.now();
  }, []);

  // Acknowledged ratings bring the card's real schedule: its previews if it returns today.
  const onAck = useCallback((op: OutboxOp, response: unknown) => {
    if (op.kind !== 'rate') return;
    const result = response as RateResult;
    setQueue((q) =>
      q.map((c) =>
        c.itemId === op.itemId && c.previews === null ? { ...c, previews: result.previews, readyAt: Date.parse(result.card.due) } : c,
      ),
    );
    setPinned((c) => (c && c.itemId === op.itemId && c.previews === null ? { ...c, previews: result.previews } : c));
    setSession((s) => (op.itemId in s.scheduled ? { ...s, scheduled: { ...s.scheduled, [op.itemId]: result.card.due } } : s));
  }, []);

  useEffect(() => {
    const box = new Outbox((s, detail) => setStatus({ status: s, detail }), onAck);
    outbox.current = box;
    void box.flush();
    const online = () => box.retryNow();
    window.addEventListener('online', online);
    const tick = setInterval(() => setNow(Date.now()), 15_000);
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

  const advance = useCallback(
    (remaining: SessionCard[], nextUsed: Used) => {
      const t = Date.now();
      setNow(t);
      setQueue(remaining);
      setUsed(nextUsed);
      show(pickNext(remaining, t, sessionCounts(remaining, t, initial.counts, nextUsed)));
    },
    [show, initial.counts],
  );

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
        durationMs: Math.min(t - shownAt.current, 3_600_000),
        reviewedAt: new Date(t).toISOString(),
        assignmentId,
      });
      const due = current.previews ? Date.parse(current.previews[rating].due) : t + 60_000;
      setSession((s) => ({
        ...s,
        stats: { studied: s.stats.studied + 1, again: s.stats.again + (rating === 'again' ? 1 : 0) },
        undo: [...s.undo.slice(1 - UNDO_DEPTH), { kind: 'rate', card: current, reviewId, rating }],
        scheduled: { ...s.scheduled, [current.itemId]: new Date(due).toISOString() },
      }));
      const rest = queue.filter((c) => c.itemId !== current.itemId);
      const returnsToday = due < Date.parse(initial.dayEndsAt) && (rating === 'again' || current.kind !== 'review' || due - t < 86_400_000);
      const nextUsed = {
        introduced: used.introduced + (current.kind === 'new' ? 1 : 0),
        reviewed: used.reviewed + (current.kind === 'review' ? 1 : 0),
      };
      advance(
        returnsToday && due - t < 86_400_000 ? [...rest, { ...current, kind: 'learning', previews: null, readyAt: due }] : rest,
        nextUsed,
      );
    },
    [current, flipped, queue, used, advance, initial.dayEndsAt, assignmentId],
  );

  const flag = useCallback(
    (action: 'bury' | 'suspend') => {
      if (!current) return;
      const opId = newId();
      outbox.current?.push({ kind: 'flag', itemId: current.itemId, action, opId });
      setSession((s) => ({ ...s, undo: [...s.undo.slice(1 - UNDO_DEPTH), { kind: 'flag', card: current, action, opId }] }));
      advance(
        queue.filter((c) => c.itemId !== current.itemId),
        used,
      );
    },
    [current, queue, used, advance],
  );

  const undo = useCallback(() => {
    const last = session.undo.at(-1);
    if (!last) return;
    const box = outbox.current!;
    let nextUsed = used;
    if (last.kind === 'rate') {
      if (!box.withdraw((op) => op.kind === 'rate' && op.reviewId === last.reviewId)) box.push({ kind: 'undo', reviewId: last.reviewId });
      const { [last.card.itemId]: _dropped, ...scheduled } = session.scheduled;
      setSession((s) => ({
        ...s,
        undo: s.undo.slice(0, -1),
        stats: { studied: Math.max(0, s.stats.studied - 1), again: Math.max(0, s.stats.again - (last.rating === 'again' ? 1 : 0)) },
        scheduled,
      }));
      nextUsed = {
        introduced: used.introduced - (last.card.kind === 'new' ? 1 : 0),
        reviewed: used.reviewed - (last.card.kind === 'review' ? 1 : 0),
      };
    } else {
      if (!box.withdraw((op) => op.kind === 'flag' && op.opId === last.opId)) {
        box.push({ kind: 'flag', itemId: last.card.itemId, action: last.action === 'bury' ? 'unbury' : 'unsuspend', opId: newId() });
      }
      setSession((s) => ({ ...s, undo: s.undo.slice(0, -1) }));
    }
    setUsed(nextUsed);
    setQueue([last.card, ...queue.filter((c) => c.itemId !== last.card.itemId)]);
    show(last.card);
  }, [session, used, queue, show]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const inField = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
      const onButton = event.target instanceof HTMLButtonElement || event.target instanceof HTMLAnchorElement;
      if (inField && event.key !== 'Enter') return;
      if ((event.key === ' ' || event.key === 'Enter') && !onButton) {
        event.preventDefault();
        if (!current) return;
        if (!flipped) setFlipped(true);
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
                  onChange={(e) => setTyped(e.target.value)}
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
                onClick={() => setFlipped(true)}
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
