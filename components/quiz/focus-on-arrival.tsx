'use client';

import { useEffect } from 'react';

/** Moves keyboard focus to an element (a page's heading) once, when the page arrives. */
export function FocusOnArrival({ targetId }: { targetId: string }) {
  useEffect(() => {
    document.getElementById(targetId)?.focus();
  }, [targetId]);
  return null;
}
