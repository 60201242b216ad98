'use client';

import { useActionState, useId } from 'react';
import { inputClass } from '../ui/field';
import { EMPTY_FORM, type FormState } from './form-state';

/** The teacher gives one student a new personal code: the old one stops working at once. */
export function ResetPersonalCodeForm({
  assignmentId,
  students,
  action,
}: {
  assignmentId: string;
  students: { studentId: string; nickname: string }[];
  action: (s: FormState, f: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM);
  const hint = useId();
  if (students.length === 0) return null;
  return (
    <details className="rounded-lg border border-border p-3">
      <summary className="cursor-pointer">Reset a student’s personal code</summary>
      <form action={formAction} className="mt-3 flex flex-wrap items-end gap-2">
        <input type="hidden" name="assignmentId" value={assignmentId} />
        <p id={hint} className="w-full text-sm text-muted">
          If someone else saw a student’s personal code, give the student a new one. The old code stops working; the student sees the new one on their page.
        </p>
        <label className="space-y-1">
          <span className="block text-sm font-medium">Student</span>
          <select name="studentId" aria-describedby={hint} className={`${inputClass} w-auto`}>
            {students.map((s) => (
              <option key={s.studentId} value={s.studentId}>
                {s.nickname}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={pending} className="min-h-11 rounded-lg border border-border px-3">
          Reset code
        </button>
        {state.message ? (
          <p role={state.ok ? 'status' : 'alert'} className="w-full text-sm">
            {state.message}
          </p>
        ) : null}
      </form>
    </details>
  );
}
