'use client';

import { useRef, useState, type ReactNode } from 'react';

/**
 * A value the teacher hands on (the link, the code), with a button that copies it. Where the
 * Clipboard API is refused (an insecure origin, an old browser), the text is selected instead,
 * ready for Ctrl+C; either way the outcome is said in a live region.
 */
export function CopyValue({ label, value, children }: { label: string; value: string; children: ReactNode }) {
  const [status, setStatus] = useState('');
  const textRef = useRef<HTMLSpanElement>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setStatus(`Copied the ${label}.`);
    } catch {
      const selection = window.getSelection();
      if (textRef.current && selection) selection.selectAllChildren(textRef.current);
      setStatus(`The ${label} is selected: press Ctrl+C (⌘C on a Mac) to copy it.`);
    }
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span ref={textRef} className="min-w-0 break-all">
        {children}
      </span>
      <button
        type="button"
        onClick={() => void copy()}
        className="inline-flex min-h-11 items-center rounded-lg border border-border bg-surface px-3 text-sm hover:bg-surface-muted"
      >
        Copy {label}
      </button>
      <span role="status" className="text-sm text-success">
        {status}
      </span>
    </span>
  );
}
