'use client';

import Link from 'next/link';
import { useState } from 'react';
import { nextDuePhrase } from '@/lib/review/due-phrase';
import { buttonClass } from '../ui/button';

/** Where a finished session can lead: more cards beyond today's limits, and the way back. */
export interface NextSteps {
  /** "Study more" link (the same page with raised limits); absent where there are no limits. */
  studyMoreHref?: string;
  back: { href: string; label: string };
  /** A further suggestion, such as a quiz on the same set. */
  also?: { href: string; label: string };
}

interface Props {
  studied: number;
  again: number;
  startedAt: number;
  nextDue: string | null;
  canUndo: boolean;
  onUndo: () => void;
  next: NextSteps;
  beyond: { new: number; review: number };
}

function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes < 1 ? 'under a minute' : minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function SessionSummary({ studied, again, startedAt, nextDue, canUndo, onUndo, next, beyond }: Props) {
  const [endedAt] = useState(() => Date.now());
  const [timeZone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const extra = beyond.new + beyond.review;
  const extraWords = [
    beyond.new ? plural(beyond.new, 'new card', 'new cards') : null,
    beyond.review ? plural(beyond.review, 'review', 'reviews') : null,
  ]
    .filter(Boolean)
    .join(' and ');
  return (
    <section aria-labelledby="summary" className="space-y-4 rounded-xl border border-border bg-surface p-6">
      <h2 id="summary" tabIndex={-1}>
        {studied > 0 ? 'Done for now' : 'Nothing to review right now'}
      </h2>
      {studied > 0 ? (
        <p>
          You studied {plural(studied, 'card', 'cards')} in {duration(endedAt - startedAt)}
          {again > 0 ? `, and pressed Again ${plural(again, 'time', 'times')}.` : ', and never pressed Again.'}
        </p>
      ) : null}
      <p>
        {nextDue
          ? `The next card is due ${nextDuePhrase(new Date(nextDue), new Date(endedAt), timeZone)}.`
          : 'No cards are scheduled yet: study some new ones to start.'}
      </p>
      {next.studyMoreHref && extra > 0 ? (
        <p className="text-muted">You have reached today’s limits; {extraWords} are waiting beyond them.</p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {next.studyMoreHref && extra > 0 ? (
          // A full page load: the session must start from the server's new queue, not keep this one's state.
          <a href={next.studyMoreHref} className={buttonClass('primary')}>
            Study more
          </a>
        ) : null}
        {next.also ? (
          <Link href={next.also.href} className={buttonClass(next.studyMoreHref && extra > 0 ? 'secondary' : 'primary')}>
            {next.also.label}
          </Link>
        ) : null}
        <Link href={next.back.href} className={buttonClass('secondary')}>
          {next.back.label}
        </Link>
        {canUndo ? (
          <button type="button" onClick={onUndo} aria-keyshortcuts="u" className={buttonClass('ghost')}>
            Undo the last card{' '}
            <kbd aria-hidden="true" className="text-muted touch:hidden">
              u
            </kbd>
          </button>
        ) : null}
      </div>
    </section>
  );
}
