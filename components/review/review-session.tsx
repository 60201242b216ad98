'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { gradeTypedText } from '@/lib/grading/typed';
import type { TypedItem } from '@/lib/questions/schema';
import type { QueueCard, RateResult, ReviewQueue } from '@/lib/review/types';
import type { Rating } from '@/lib/scheduler';
import { LEARN_AHEAD_MS } from '@/lib/scheduler/queue';
import { CardBackView, CardFrontView } from './card-faces';
import { Outbox, OUTBOX_KEY, type OutboxOp, type OutboxStatus } from './outbox';
import { RatingButtons } from './rating-buttons';
import { SessionSummary } from './session-summary';


/** A card in the session: previews are null while its last rating awaits the server. */
type SessionCard = Omit<QueueCard, 'previews'> & { previews: QueueCard['previews'] | null; readyAt: number };

type UndoEntry = { kind: 'rate'; card: SessionCard; reviewId: string } | { kind: 'flag'; card: SessionCard; action: 'bury' | 'suspend'; opId: string };

const newId = () => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 14)}`);

function toSession(card: QueueCard, now: number): SessionCard {
  return { ...card, readyAt: card.kind === 'learning' && card.due ? Date.parse(card.due) : now };
}

/** The next card to show: anything ready now (learning first), else a learning card due soon. */
function pickNext(queue: SessionCard[], now: number): SessionCard | null {
  const ready = queue.filter((c) => c.readyAt <= now);
  const learningReady = ready.filter((c) => c.kind === 'learning').sort((a, b) => a.readyAt - b.readyAt);
  if (learningReady[0]) return learningReady[0];
  if (ready[0]) return ready[0];
  const soon = queue.filter((c) => c.readyAt <= now + LEARN_AHEAD_MS).sort((a, b) => a.readyAt - b.readyAt);
  return soon[0] ?? null;
}

interface Props {
  initial: ReviewQueue;
  typeAnswers: boolean;
  /** Flashcard practice for an assignment: ratings count toward it. */
  assignmentId?: string;
}

function storedOps(): OutboxOp[] {
  try {
    return JSON.parse(localStorage.getItem(OUTBOX_KEY) ?? '[]') as OutboxOp[];
  } catch {
    return [];
  }
}

/** Rendered in the browser only (see review-session-loader), so it may read the clock and storage. */
export default function ReviewSession({ initial, typeAnswers, assignmentId }: Props) {
  const [startedAt] = useState(() => Date.now());
  // Cards rated offline in an earlier visit are not shown again; their ratings go out on mount.
  const [queue, setQueue] = useState<SessionCard[]>(() => {
    const pending = new Set(storedOps().flatMap((op) => (op.kind === 'rate' ? [op.itemId] : [])));
    return initial.cards.filter((c) => !pending.has(c.itemId)).map((c) => toSession(c, startedAt));
  });
  const [now, setNow] = useState(startedAt);
  const [pinned, setPinned] = useState<SessionCard | null>(() => pickNext(queue, startedAt));
  const [flipped, setFlipped] = useState(false);
  const [typed, setTyped] = useState('');
  const [status, setStatus] = useState<{ status: OutboxStatus; detail?: string }>(() => ({ status: storedOps().length > 0 ? 'saving' : 'saved' }));
  const [undoStack, setUndoStack] = useState<UndoEntry[]>([]);
  const [stats, setStats] = useState({ studied: 0, again: 0 });
  const shownAt = useRef(startedAt);
  const outbox = useRef<Outbox | null>(null);
  const headingId = 'review-card-front';
  // A learning card that falls due while the screen is empty appears by itself.
  const current = pinned ?? pickNext(queue, now);

  const show = useCallback((next: SessionCard | null) => {
    setPinned(next);
    setFlipped(false);
    setTyped('');
    shownAt.current = Date.now();
  }, []);

  // Acknowledged ratings bring the card's real schedule: its previews if it returns today.
  const onAck = useCallback((op: OutboxOp, response: unknown) => {
    if (op.kind !== 'rate') return;
    const result = response as RateResult;
    setQueue((q) => q.map((c) => (c.itemId === op.itemId && c.previews === null ? { ...c, previews: result.previews, readyAt: Date.parse(result.card.due) } : c)));
    setPinned((c) => (c && c.itemId === op.itemId && c.previews === null ? { ...c, previews: result.previews } : c));
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
    (remaining: SessionCard[]) => {
      const t = Date.now();
      setNow(t);
      setQueue(remaining);
      show(pickNext(remaining, t));
    },
    [show],
  );

  const rate = useCallback(
    (rating: Rating) => {
      if (!current || !flipped) return;
      const reviewId = newId();
      const t = Date.now();
      outbox.current?.push({ kind: 'rate', reviewId, itemId: current.itemId, rating, durationMs: Math.min(t - shownAt.current, 3_600_000), reviewedAt: new Date(t).toISOString(), assignmentId });
      setUndoStack((u) => [...u.slice(-49), { kind: 'rate', card: current, reviewId }]);
      setStats((s) => ({ ...s, studied: s.studied + 1, again: s.again + (rating === 'again' ? 1 : 0) }));
      const rest = queue.filter((c) => c.itemId !== current.itemId);
      const due = current.previews ? Date.parse(current.previews[rating].due) : t + 60_000;
      const returnsToday = due < Date.parse(initial.dayEndsAt) && (rating === 'again' || current.kind !== 'review' || due - t < 86_400_000);
      advance(returnsToday && due - t < 86_400_000 ? [...rest, { ...current, kind: 'learning', previews: null, readyAt: due }] : rest);
    },
    [current, flipped, queue, advance, initial.dayEndsAt, assignmentId],
  );

  const flag = useCallback(
    (action: 'bury' | 'suspend') => {
      if (!current) return;
      const opId = newId();
      outbox.current?.push({ kind: 'flag', itemId: current.itemId, action, opId });
      setUndoStack((u) => [...u.slice(-49), { kind: 'flag', card: current, action, opId }]);
      advance(queue.filter((c) => c.itemId !== current.itemId));
    },
    [current, queue, advance],
  );

  const undo = useCallback(() => {
    const last = undoStack.at(-1);
    if (!last) return;
    setUndoStack((u) => u.slice(0, -1));
    const box = outbox.current!;
    if (last.kind === 'rate') {
      if (!box.withdraw((op) => op.kind === 'rate' && op.reviewId === last.reviewId)) box.push({ kind: 'undo', reviewId: last.reviewId });
      setStats((s) => ({ ...s, studied: Math.max(0, s.studied - 1) }));
    } else if (!box.withdraw((op) => op.kind === 'flag' && op.opId === last.opId)) {
      box.push({ kind: 'flag', itemId: last.card.itemId, action: last.action === 'bury' ? 'unbury' : 'unsuspend', opId: newId() });
    }
    const rest = queue.filter((c) => c.itemId !== last.card.itemId);
    setQueue([last.card, ...rest]);
    show(last.card);
  }, [undoStack, queue, show]);

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

  const counts = {
    new: queue.filter((c) => c.kind === 'new').length,
    learning: queue.filter((c) => c.kind === 'learning' && c.readyAt <= now + LEARN_AHEAD_MS).length,
    review: queue.filter((c) => c.kind === 'review').length,
  };
  const laterToday = queue.filter((c) => c.readyAt > now + LEARN_AHEAD_MS).sort((a, b) => a.readyAt - b.readyAt)[0];

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="flex gap-4 font-medium tabular-nums" aria-label={`${counts.new} new, ${counts.learning} learning, ${counts.review} to review`}>
          <span className="text-accent">{counts.new} new</span>
          <span className="text-danger">{counts.learning} learning</span>
          <span className="text-success">{counts.review} due</span>
        </p>
        <p role="status" className={`text-sm ${status.status === 'offline' || status.status === 'error' ? 'font-semibold text-warning' : 'text-muted'}`}>
          {status.status === 'saved' ? 'All changes saved' : status.status === 'saving' ? 'Saving…' : status.status === 'offline' ? 'Offline – will retry' : status.detail}
        </p>
      </div>

      {current ? (
        <section aria-label="Card" className="space-y-5 rounded-xl border border-border bg-surface p-5 shadow-sm sm:p-8">
          <CardFrontView front={current.front} headingId={headingId} />
          {typeAnswers && current.typed && !flipped ? (
            <label className="block space-y-1">
              <span className="text-sm text-muted">Type your answer, then press Enter</span>
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
              <RatingButtons previews={current.previews} onRate={rate} />
            </>
          ) : (
            <button
              type="button"
              onClick={() => setFlipped(true)}
              className="inline-flex min-h-12 w-full items-center justify-center rounded-lg bg-accent px-5 font-medium text-accent-contrast hover:bg-accent-hover"
            >
              Show answer <span className="ml-2 text-sm opacity-80">(Space)</span>
            </button>
          )}
          <div className="flex flex-wrap gap-2 border-t border-border pt-4 text-sm">
            <button type="button" onClick={undo} disabled={undoStack.length === 0} className="min-h-11 rounded-md border border-border px-3 disabled:opacity-50">
              Undo <kbd className="text-muted">u</kbd>
            </button>
            <button type="button" onClick={() => flag('bury')} className="min-h-11 rounded-md border border-border px-3">
              Bury until tomorrow <kbd className="text-muted">-</kbd>
            </button>
            <button type="button" onClick={() => flag('suspend')} className="min-h-11 rounded-md border border-border px-3">
              Suspend <kbd className="text-muted">@</kbd>
            </button>
          </div>
        </section>
      ) : null}

      {!current ? (
        <SessionSummary
          studied={stats.studied}
          again={stats.again}
          startedAt={startedAt}
          nextDue={laterToday ? new Date(laterToday.readyAt).toISOString() : initial.nextDue}
          canUndo={undoStack.length > 0}
          onUndo={undo}
        />
      ) : null}
    </div>
  );
}
