'use client';

import { useState } from 'react';

interface Props {
  studied: number;
  again: number;
  startedAt: number;
  nextDue: string | null;
  canUndo: boolean;
  onUndo: () => void;
}

function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes < 1 ? 'under a minute' : minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

export function SessionSummary({ studied, again, startedAt, nextDue, canUndo, onUndo }: Props) {
  const [endedAt] = useState(() => Date.now());
  return (
    <section aria-labelledby="summary" className="space-y-4 rounded-xl border border-border bg-surface p-6">
      <h2 id="summary">{studied > 0 ? 'Done for now' : 'Nothing to review right now'}</h2>
      {studied > 0 ? (
        <p>
          You studied {studied} {studied === 1 ? 'card' : 'cards'} in {duration(endedAt - startedAt)}, and pressed Again {again}{' '}
          {again === 1 ? 'time' : 'times'}.
        </p>
      ) : null}
      <p>
        {nextDue
          ? `The next card is due ${new Date(nextDue).toLocaleString(undefined, { weekday: 'long', hour: '2-digit', minute: '2-digit' })}.`
          : 'No cards are scheduled yet.'}
      </p>
      {canUndo ? (
        <button type="button" onClick={onUndo} className="min-h-11 rounded-md border border-border px-3">
          Undo the last card <kbd className="text-muted">u</kbd>
        </button>
      ) : null}
    </section>
  );
}
