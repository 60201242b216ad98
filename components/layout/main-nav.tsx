'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';

const LINKS = [
  { href: '/', label: 'Sets' },
  { href: '/review', label: 'Review' },
  { href: '/progress', label: 'Progress' },
  { href: '/join', label: 'Join a class' },
  { href: '/settings', label: 'Settings' },
  { href: '/teach', label: 'Teach' },
];

/** The link a path belongs to: its own, or the section it sits in (a set's page is under Sets). */
export function currentLink(pathname: string): string | null {
  if (pathname === '/' || pathname.startsWith('/sets/') || pathname.startsWith('/articles/')) return '/';
  return LINKS.find((l) => l.href !== '/' && (pathname === l.href || pathname.startsWith(`${l.href}/`)))?.href ?? null;
}

/** The main navigation: inline from the small breakpoint up, a menu button on phones so the header keeps to one line. */
export function MainNav() {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const current = currentLink(pathname);
  const [openedAt, setOpenedAt] = useState(pathname);
  // Following a link closes the menu.
  if (open && openedAt !== pathname) {
    setOpen(false);
    setOpenedAt(pathname);
  }

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        document.getElementById('main-menu-button')?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <nav aria-label="Main">
      <button
        id="main-menu-button"
        type="button"
        aria-expanded={open}
        aria-controls="main-menu"
        onClick={() => {
          setOpen(!open);
          setOpenedAt(pathname);
        }}
        className="inline-flex min-h-11 items-center gap-2 rounded-md border border-border px-3 text-text sm:hidden"
      >
        <span aria-hidden="true">{open ? '✕' : '☰'}</span>
        Menu
      </button>
      <ul
        id="main-menu"
        className={`${open ? 'flex' : 'hidden'} absolute inset-x-0 top-full z-40 flex-col border-b border-border bg-surface px-4 py-2 shadow-md sm:static sm:flex sm:flex-row sm:items-center sm:border-0 sm:p-0 sm:shadow-none`}
      >
        {LINKS.map((link) => {
          const active = current === link.href;
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={active ? 'page' : undefined}
                className={`inline-flex min-h-11 w-full items-center rounded-md px-2 whitespace-nowrap text-text no-underline hover:bg-surface-muted hover:text-text sm:w-auto lg:px-3 ${
                  active ? 'font-semibold underline decoration-accent decoration-2 underline-offset-[0.4em]' : ''
                }`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
