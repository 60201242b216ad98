'use client';

import { useActionState } from 'react';
import { buttonClass } from '../ui/button';
import { describedBy, Field, FormMessage, inputClass, typedOr } from '../ui/field';
import { EMPTY_FORM, type FormState } from './form-state';

interface Props {
  mode: 'sign-in' | 'sign-up';
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}

export function AuthForm({ mode, action }: Props) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM);
  const e = state.fieldErrors;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {mode === 'sign-up' ? (
        <Field id="name" label="Your name" error={e.name}>
          <input
            id="name"
            name="name"
            defaultValue={typedOr(state, 'name')}
            autoComplete="name"
            required
            className={inputClass}
            aria-invalid={!!e.name}
            aria-describedby={describedBy('name', { hint: false, error: e.name })}
          />
        </Field>
      ) : null}
      <Field id="email" label="Email" error={e.email}>
        <input
          id="email"
          name="email"
          type="email"
          defaultValue={typedOr(state, 'email')}
          autoComplete="email"
          required
          className={inputClass}
          aria-invalid={!!e.email}
          aria-describedby={describedBy('email', { hint: false, error: e.email })}
        />
      </Field>
      <Field id="password" label="Password" hint={mode === 'sign-up' ? 'At least 10 characters.' : undefined} error={e.password}>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete={mode === 'sign-up' ? 'new-password' : 'current-password'}
          required
          className={inputClass}
          aria-invalid={!!e.password}
          aria-describedby={describedBy('password', { hint: mode === 'sign-up', error: e.password })}
        />
      </Field>
      <FormMessage ok={state.ok} message={state.message} />
      <button type="submit" disabled={pending} className={buttonClass('primary')}>
        {pending ? 'Please wait…' : mode === 'sign-up' ? 'Create teacher account' : 'Sign in'}
      </button>
    </form>
  );
}
