'use client';

import { useActionState, useSyncExternalStore } from 'react';
import { instantToLocal } from '@/lib/classroom/local-time';
import { inputClass } from '../ui/field';
import { EMPTY_FORM, type FormState } from './form-state';

const noSubscription = () => () => {};

export function DueDateForm({
  assignmentId,
  dueUtc,
  action,
}: {
  assignmentId: string;
  dueUtc: string | null;
  action: (s: FormState, f: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM);
  const timeZone = useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => 'UTC',
  );
  // The browser shows the stored instant in the teacher's own zone, the zone it sends back.
  const local = useSyncExternalStore(
    noSubscription,
    () => (dueUtc ? instantToLocal(new Date(dueUtc), timeZone) : ''),
    () => '',
  );
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <input type="hidden" name="timeZone" value={timeZone} />
      <label className="space-y-1">
        <span className="block text-sm font-medium">Due date ({timeZone})</span>
        <input key={local} name="dueLocal" type="datetime-local" defaultValue={local} className={`${inputClass} w-auto`} />
      </label>
      <button type="submit" disabled={pending} className="min-h-11 rounded-lg border border-border px-3">
        Save due date
      </button>
      {state.message ? (
        <p role={state.ok ? 'status' : 'alert'} className="w-full text-sm">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
