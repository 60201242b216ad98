'use client';

import { useActionState } from 'react';
import type { ReportStudent } from '@/lib/classroom/report-types';
import { buttonClass } from '../ui/button';
import { describedBy, Field, FormMessage, inputClass } from '../ui/field';
import { EMPTY_FORM, type FormState } from './form-state';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

interface Actions {
  rename: Action;
  reset: Action;
  remove: Action;
}

const summaryClass = 'inline-flex min-h-11 cursor-pointer items-center rounded-lg border border-border px-3 hover:bg-surface-muted';

function Hidden({ assignmentId, studentId }: { assignmentId: string; studentId: string }) {
  return (
    <>
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <input type="hidden" name="studentId" value={studentId} />
    </>
  );
}

function StudentRow({
  assignmentId,
  student,
  isQuiz,
  actions,
}: {
  assignmentId: string;
  student: ReportStudent;
  isQuiz: boolean;
  actions: Actions;
}) {
  const [renamed, rename, renaming] = useActionState(actions.rename, EMPTY_FORM);
  const [resetState, reset, resetting] = useActionState(actions.reset, EMPTY_FORM);
  const [removed, remove, removing] = useActionState(actions.remove, EMPTY_FORM);
  const field = `rename-${student.studentId}`;
  const error = renamed.ok === false ? renamed.fieldErrors.nickname : undefined;
  const live = student.attemptList.filter((t) => !t.resetAt).length;
  return (
    <li className="space-y-3 rounded-xl border border-border p-4">
      <p>
        <span className="font-medium">{student.nickname}</span>
        {student.leftAt ? <span className="ml-2 rounded bg-surface-muted px-1.5 text-sm">left the class</span> : null}
        <span className="ml-2 text-sm text-muted">
          {isQuiz
            ? `${live} ${live === 1 ? 'attempt' : 'attempts'}${student.attemptList.length > live ? ` (+${student.attemptList.length - live} reset)` : ''}`
            : `${student.cardsDone} cards done`}
        </span>
      </p>
      <div className="flex flex-wrap items-start gap-2">
        <details className="w-full sm:w-auto sm:open:basis-full">
          <summary className={summaryClass}>
            Rename<span className="sr-only"> {student.nickname}</span>
          </summary>
          <form action={rename} className="mt-2 max-w-sm space-y-2">
            <Hidden assignmentId={assignmentId} studentId={student.studentId} />
            <Field id={field} label={`New nickname for ${student.nickname}`} error={error}>
              <input
                id={field}
                name="nickname"
                required
                maxLength={30}
                defaultValue={student.nickname}
                className={inputClass}
                aria-invalid={!!error}
                aria-describedby={describedBy(field, { hint: false, error })}
              />
            </Field>
            <button type="submit" disabled={renaming} className={buttonClass('secondary')}>
              Save the name
            </button>
          </form>
        </details>
        {isQuiz ? (
          <details className="w-full sm:w-auto sm:open:basis-full">
            <summary className={summaryClass}>
              Reset attempts<span className="sr-only"> of {student.nickname}</span>
            </summary>
            <form action={reset} className="mt-2 max-w-md space-y-2">
              <Hidden assignmentId={assignmentId} studentId={student.studentId} />
              <p className="text-sm">
                Their attempts stay in the report, marked reset, and stop counting; they can start again with a full allowance.
              </p>
              <button type="submit" disabled={resetting} className={buttonClass('secondary')}>
                Reset {student.nickname}’s attempts
              </button>
            </form>
          </details>
        ) : null}
        <details className="w-full sm:w-auto sm:open:basis-full">
          <summary className={summaryClass}>
            Remove<span className="sr-only"> {student.nickname}</span>
          </summary>
          <form action={remove} className="mt-2 max-w-md space-y-2">
            <Hidden assignmentId={assignmentId} studentId={student.studentId} />
            <p className="text-sm">This deletes {student.nickname} and all their work from this assignment. It cannot be undone.</p>
            <button type="submit" disabled={removing} className={buttonClass('danger')}>
              Yes, remove {student.nickname}
            </button>
          </form>
        </details>
      </div>
      {[renamed, resetState, removed].map((state, i) =>
        state.message && !(state === renamed && error) ? <FormMessage key={i} ok={state.ok} message={state.message} /> : null,
      )}
    </li>
  );
}

/** The teacher's class list: rename, reset or remove each student. */
export function RosterManager({
  assignmentId,
  students,
  isQuiz,
  actions,
}: {
  assignmentId: string;
  students: ReportStudent[];
  isQuiz: boolean;
  actions: Actions;
}) {
  return (
    <section aria-labelledby="class-list" className="space-y-3">
      <h2 id="class-list">Class list</h2>
      {students.length === 0 ? (
        <p className="text-muted">Nobody has joined yet.</p>
      ) : (
        <ul className="space-y-3">
          {students.map((s) => (
            <StudentRow key={s.studentId} assignmentId={assignmentId} student={s} isQuiz={isQuiz} actions={actions} />
          ))}
        </ul>
      )}
    </section>
  );
}
