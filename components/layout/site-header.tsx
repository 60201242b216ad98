import Link from 'next/link';
import { MainNav } from './main-nav';

export function SiteHeader() {
  // data-site-header: an assignment page replaces this header with its own (see globals.css).
  return (
    <header data-site-header className="relative border-b border-border bg-surface">
      <div className="mx-auto flex w-full max-w-5xl flex-nowrap items-center justify-between gap-x-3 px-4 py-2 sm:px-6 sm:py-3">
        <Link href="/" className="text-xl font-semibold tracking-tight whitespace-nowrap text-text no-underline hover:text-accent">
          <span aria-hidden="true" className="mr-1.5 text-accent">
            ❧
          </span>
          Passage
        </Link>
        <MainNav />
      </div>
    </header>
  );
}
