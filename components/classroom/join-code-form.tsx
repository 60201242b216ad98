'use client';

import { useActionState } from 'react';
import { EMPTY_FORM, type FormState } from '../teach/form-state';
import { buttonClass } from '../ui/button';
import { describedBy, Field, FormMessage, typedOr } from '../ui/field';

export function JoinCodeForm({ action }: { action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM);
  const error = state.fieldErrors.code;
  return (
    <form action={formAction} className="space-y-4">
      <Field
        id="code"
        label="Code from your teacher"
        hint="Six letters and digits, like K7QP3M. Capitals or not, it doesn’t matter."
        error={error}
      >
        <input
          id="code"
          name="code"
          defaultValue={typedOr(state, 'code')}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={12}
          required
          className="min-h-14 w-full max-w-64 rounded-lg border border-border bg-surface px-3 font-mono text-2xl tracking-widest uppercase"
          aria-invalid={!!error}
          aria-describedby={describedBy('code', { hint: true, error })}
        />
      </Field>
      <FormMessage ok={state.ok} message={state.message} />
      <button type="submit" disabled={pending} className={buttonClass('primary')}>
        {pending ? 'Finding…' : 'Join'}
      </button>
    </form>
  );
}
