'use client';

import { useEffect } from 'react';

/** Brings the highlighted quote into view and gives it keyboard focus, once, on arrival. */
export function FocusHighlight({ targetId }: { targetId: string }) {
  useEffect(() => {
    const target = document.getElementById(targetId);
    if (!target) return;
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    target.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
    target.focus({ preventScroll: true });
  }, [targetId]);
  return null;
}
