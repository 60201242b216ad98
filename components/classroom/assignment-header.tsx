import Link from 'next/link';

/**
 * Inside an assignment a student sees only this: the assignment and who they are, not the
 * learner navigation (globals.css hides the site header while this is on the page).
 */
export function AssignmentHeader({ id, title, nickname }: { id: string; title: string; nickname: string | null }) {
  return (
    <header data-assignment-header className="-mt-4 mb-6 flex items-center justify-between gap-3 border-b border-border pb-3 sm:-mt-6">
      <Link href={`/a/${id}`} className="flex min-h-11 min-w-0 items-center gap-2 font-semibold text-text no-underline hover:text-accent">
        <span aria-hidden="true" className="text-accent">
          ❧
        </span>
        <span className="truncate">{title}</span>
      </Link>
      {nickname ? (
        <p className="max-w-[45%] shrink-0 truncate text-sm text-muted">
          Signed in as <span className="font-medium text-text">{nickname}</span>
        </p>
      ) : null}
    </header>
  );
}
