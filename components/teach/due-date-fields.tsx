'use client';

import { useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { instantToLocal, localToInstant } from '@/lib/classroom/local-time';
import { isValidTimeZone } from '@/lib/scheduler/day';
import { describedBy, Field, inputClass } from '../ui/field';

const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

let zoneList: string[] | null = null;
/** Every zone the browser knows (UTC included: Chromium leaves it out of the list). */
function allZones(): string[] {
  zoneList ??= [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone')])];
  return zoneList;
}
const NO_ZONES: string[] = [];

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/**
 * A due date and the zone it is read in. The zone defaults to the browser's and is searchable
 * (a text field with the browser's zone list as suggestions; the server validates it). A date
 * that has already passed is pointed out beside the field as soon as it is typed.
 */
export function DueDateFields({
  dueUtc,
  errors,
  pastNote,
  onInstantChange,
}: {
  /** The stored due date, shown in the chosen zone. */
  dueUtc: string | null;
  errors: { dueLocal?: string; timeZone?: string };
  /** What a date in the past means here, after "This date has already passed." */
  pastNote: ReactNode;
  /** Told the chosen moment (milliseconds) whenever it changes; null while there is none. */
  onInstantChange?: (instant: number | null) => void;
}) {
  const detectedZone = useSyncExternalStore(noSubscription, browserZone, () => 'UTC');
  const zones = useSyncExternalStore(noSubscription, allZones, () => NO_ZONES);
  const [zoneInput, setZoneInput] = useState<string | null>(null);
  const [dueInput, setDueInput] = useState<string | null>(null);
  const zone = zoneInput ?? detectedZone;
  const zoneOk = isValidTimeZone(zone);
  // The server's word on the zone stands only while the zone shown is still one it would refuse.
  const zoneError = zoneOk ? undefined : errors.timeZone;
  // Untouched, the stored date follows the zone: the same moment, read in the zone shown.
  const due = dueInput ?? (dueUtc && zoneOk ? instantToLocal(new Date(dueUtc), zone) : '');
  const instant = LOCAL.test(due) && zoneOk ? localToInstant(due, zone).getTime() : null;
  const past = useSyncExternalStore(
    noSubscription,
    () => instant !== null && instant <= Date.now(),
    () => false,
  );
  useEffect(() => onInstantChange?.(instant), [instant, onInstantChange]);
  const dueHint = past ? 'dueLocal-warning' : null;
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <Field id="dueLocal" label="Due date" error={errors.dueLocal}>
        <input
          id="dueLocal"
          name="dueLocal"
          type="datetime-local"
          value={due}
          onChange={(ev) => setDueInput(ev.target.value)}
          className={`${inputClass} max-w-64`}
          aria-invalid={!!errors.dueLocal}
          aria-describedby={[dueHint, 'dueLocal-empty', errors.dueLocal ? 'dueLocal-error' : null].filter(Boolean).join(' ')}
        />
        <p id="dueLocal-empty" className="text-sm text-muted">
          Leave empty for no due date.
        </p>
        <div aria-live="polite">
          {past ? (
            <p id="dueLocal-warning" className="rounded-lg border-l-4 border-warning bg-warning-soft px-3 py-2 text-sm">
              <strong>This date has already passed.</strong> {pastNote}
            </p>
          ) : null}
        </div>
      </Field>
      <Field id="timeZone" label="Time zone" hint="Type to search, e.g. Tokyo or London." error={zoneError}>
        <input
          id="timeZone"
          name="timeZone"
          list="time-zones"
          value={zone}
          onChange={(ev) => setZoneInput(ev.target.value)}
          autoComplete="off"
          spellCheck={false}
          className={inputClass}
          aria-invalid={!!zoneError}
          aria-describedby={describedBy('timeZone', { hint: true, error: zoneError })}
        />
        <datalist id="time-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </Field>
    </div>
  );
}
