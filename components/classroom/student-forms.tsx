'use client';

import { useActionState } from 'react';
import { EMPTY_FORM, type FormState } from '../teach/form-state';
import { buttonClass } from '../ui/button';
import { describedBy, Field, FormMessage, inputClass, typedOr } from '../ui/field';

type Action = (s: FormState, f: FormData) => Promise<FormState>;

export function NicknameForm({ assignmentId, action }: { assignmentId: string; action: Action }) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM);
  const error = state.fieldErrors.nickname;
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <Field id="nickname" label="Your nickname" hint="1–30 characters; your teacher sees it. No email, no password." error={error}>
        <input
          id="nickname"
          name="nickname"
          defaultValue={typedOr(state, 'nickname')}
          required
          maxLength={30}
          autoComplete="nickname"
          className={`${inputClass} text-lg`}
          aria-invalid={!!error}
          aria-describedby={describedBy('nickname', { hint: true, error })}
        />
      </Field>
      <FormMessage ok={state.ok} message={state.message} />
      <button type="submit" disabled={pending} className={buttonClass('primary')}>
        {pending ? 'Joining…' : 'Start'}
      </button>
    </form>
  );
}

export function PersonalCodeForm({ assignmentId, action }: { assignmentId: string; action: Action }) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM);
  const error = state.fieldErrors.code;
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <Field id="personal-code" label="Your personal code" hint="Shown on your page on the other device." error={error}>
        <input
          id="personal-code"
          name="code"
          defaultValue={typedOr(state, 'code')}
          required
          maxLength={12}
          autoComplete="off"
          className={`${inputClass} max-w-48 font-mono uppercase`}
          aria-invalid={!!error}
          aria-describedby={describedBy('personal-code', { hint: true, error })}
        />
      </Field>
      {/* Refusals that are not about the code itself (too many tries) have no field to sit under. */}
      <FormMessage ok={state.ok} message={state.message} />
      <button type="submit" disabled={pending} className={buttonClass('secondary')}>
        Continue here
      </button>
    </form>
  );
}

export function StartQuizButton({ assignmentId, label, action }: { assignmentId: string; label: string; action: Action }) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <FormMessage ok={state.ok} message={state.message} />
      <button type="submit" disabled={pending} className={buttonClass('primary')}>
        {pending ? 'Starting…' : label}
      </button>
    </form>
  );
}
