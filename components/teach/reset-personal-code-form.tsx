'use client';

import { useActionState } from 'react';
import { buttonClass } from '../ui/button';
import { describedBy, Field, FormMessage, inputClass } from '../ui/field';
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
  if (students.length === 0) return null;
  return (
    <details className="rounded-lg border border-border p-4">
      <summary className="cursor-pointer font-medium">Reset a student’s personal code</summary>
      <form action={formAction} className="mt-3 space-y-3">
        <input type="hidden" name="assignmentId" value={assignmentId} />
        <Field
          id="reset-code-student"
          label="Student whose code to reset"
          hint="If someone else saw a student’s personal code, give the student a new one. The old code stops working; the student sees the new one on their page."
        >
          <select
            id="reset-code-student"
            name="studentId"
            className={`${inputClass} max-w-xs`}
            aria-describedby={describedBy('reset-code-student', { hint: true })}
          >
            {students.map((s) => (
              <option key={s.studentId} value={s.studentId}>
                {s.nickname}
              </option>
            ))}
          </select>
        </Field>
        <FormMessage ok={state.ok} message={state.message} />
        <button type="submit" disabled={pending} className={buttonClass('secondary')}>
          Reset code
        </button>
      </form>
    </details>
  );
}
