'use client';

import { useSyncExternalStore } from 'react';
import { formatInstant } from '@/lib/classroom/local-time';

const noSubscription = () => () => {};

/**
 * A moment in the viewer's own time zone. The server cannot know that zone, so it renders the
 * moment in UTC; the browser then re-renders it locally (useSyncExternalStore's server snapshot
 * keeps hydration free of mismatch warnings).
 */
export function LocalTime({ iso, className }: { iso: string | Date; className?: string }) {
  const instant = typeof iso === 'string' ? iso : iso.toISOString();
  const text = useSyncExternalStore(
    noSubscription,
    () => formatInstant(new Date(instant), Intl.DateTimeFormat().resolvedOptions().timeZone),
    () => formatInstant(new Date(instant), 'UTC'),
  );
  return (
    <time dateTime={instant} className={className}>
      {text}
    </time>
  );
}
