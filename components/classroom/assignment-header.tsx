import Link from 'next/link';

/**
 * Inside an assignment a student sees only this: the assignment and who they are, not the
 * learner navigation (globals.css hides the site header while this is on the page). It sits at the
 * top of the page content, painted full width like the site header it replaces.
 */
export function AssignmentHeader({ id, title, nickname }: { id: string; title: string; nickname: string | null }) {
  return (
    <header
      data-assignment-header
      className="-mt-8 mb-8 flex min-h-14 items-center justify-between gap-3 bg-surface py-1 [box-shadow:0_0_0_100vmax_var(--surface),0_1px_0_100vmax_var(--border)] [clip-path:inset(0_-100vmax_-1px)] sm:-mt-12"
    >
      <Link href={`/a/${id}`} className="flex min-h-11 min-w-0 items-center gap-2 font-semibold text-text no-underline hover:text-accent">
        <span aria-hidden="true" className="text-accent">
          ❧
        </span>
        <span className="truncate">{title}</span>
      </Link>
      {nickname ? (
        <p className="max-w-[50%] shrink-0 text-right text-sm leading-tight text-muted">
          <span className="sr-only sm:not-sr-only">Signed in as </span>
          <span className="font-medium break-words text-text">{nickname}</span>
        </p>
      ) : null}
    </header>
  );
}
