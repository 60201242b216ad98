import Link from 'next/link';

export function SiteHeader() {
  return (
    <header className="border-b border-border bg-surface">
      <div className="mx-auto flex w-full max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <Link href="/" className="text-xl font-semibold tracking-tight text-text no-underline hover:text-accent">
          <span aria-hidden="true" className="mr-1.5 text-accent">
            ❧
          </span>
          Passage
        </Link>
        <nav aria-label="Main">
          <ul className="flex items-center gap-1 text-base">
            <li>
              <Link href="/" className="rounded-md px-3 py-2 text-text no-underline hover:bg-surface-muted hover:text-text">
                Sets
              </Link>
            </li>
            <li>
              <Link href="/review" className="rounded-md px-3 py-2 text-text no-underline hover:bg-surface-muted hover:text-text">
                Review
              </Link>
            </li>
            <li>
              <Link href="/progress" className="rounded-md px-3 py-2 text-text no-underline hover:bg-surface-muted hover:text-text">
                Progress
              </Link>
            </li>
            <li>
              <Link href="/settings" className="rounded-md px-3 py-2 text-text no-underline hover:bg-surface-muted hover:text-text">
                Settings
              </Link>
            </li>
            <li>
              <Link href="/teach" className="rounded-md px-3 py-2 text-text no-underline hover:bg-surface-muted hover:text-text">
                Teach
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
