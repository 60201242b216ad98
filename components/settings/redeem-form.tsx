'use client';

import { useActionState } from 'react';
import { buttonClass } from '../ui/button';
import { FormMessage } from '../ui/field';

export function RedeemForm({
  code,
  action,
}: {
  code: string;
  action: (state: { error: string | null }, formData: FormData) => Promise<{ error: string | null }>;
}) {
  const [state, formAction, pending] = useActionState(action, { error: null });
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="code" value={code} />
      <FormMessage ok={false} message={state.error} />
      <button type="submit" disabled={pending} className={buttonClass('primary')}>
        {pending ? 'Signing in…' : 'Continue my progress on this device'}
      </button>
    </form>
  );
}
