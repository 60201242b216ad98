import Link from 'next/link';

const LINKS = [
  { href: '/', label: 'Sets' },
  { href: '/review', label: 'Review' },
  { href: '/progress', label: 'Progress' },
  { href: '/settings', label: 'Settings' },
  { href: '/teach', label: 'Teach' },
];

export function SiteHeader() {
  return (
    <header className="border-b border-border bg-surface">
      <div className="mx-auto flex w-full max-w-5xl flex-wrap items-center justify-between gap-x-3 gap-y-1 px-4 py-2 sm:px-6 sm:py-3">
        <Link href="/" className="text-xl font-semibold tracking-tight text-text no-underline hover:text-accent">
          <span aria-hidden="true" className="mr-1.5 text-accent">
            ❧
          </span>
          Passage
        </Link>
        <nav aria-label="Main">
          <ul className="flex flex-wrap items-center text-base">
            {LINKS.map((link) => (
              <li key={link.href}>
                <Link href={link.href} className="inline-flex min-h-11 items-center rounded-md px-2 text-text no-underline hover:bg-surface-muted hover:text-text sm:px-3">
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
