'use client';

import { useActionState } from 'react';
import { buttonClass } from '../ui/button';
import { FormMessage } from '../ui/field';

export interface StartQuizState {
  error: string | null;
}

interface Props {
  action: (state: StartQuizState, formData: FormData) => Promise<StartQuizState>;
  setId: string | null;
  itemIds: string[] | null;
  label: string;
  variant?: 'primary' | 'secondary';
}

export function StartQuizForm({ action, setId, itemIds, label, variant = 'primary' }: Props) {
  const [state, formAction, pending] = useActionState(action, { error: null });
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="setId" value={setId ?? ''} />
      <input type="hidden" name="itemIds" value={itemIds?.join(',') ?? ''} />
      <FormMessage ok={false} message={state.error} />
      <button type="submit" disabled={pending} className={buttonClass(variant)}>
        {pending ? 'Starting…' : label}
      </button>
    </form>
  );
}
