'use client';

import { useActionState } from 'react';
import { buttonClass } from '../ui/button';
import { FormMessage } from '../ui/field';

export interface StartQuizState {
  error: string | null;
  /** Refusals that belong beside one of the quiz options. */
  fieldErrors?: Partial<Record<'length' | 'order' | 'types', string>>;
}

interface Props {
  action: (state: StartQuizState, formData: FormData) => Promise<StartQuizState>;
  setId: string | null;
  itemIds: string[] | null;
  /** Made once per page: a double click sends it twice and starts one quiz. */
  startKey: string;
  label: string;
  variant?: 'primary' | 'secondary';
  /** Hidden quiz options, e.g. the whole set shuffled for "Take the whole quiz again". */
  options?: { length: string; order: string; types: readonly string[] };
}

export function StartQuizForm({ action, setId, itemIds, startKey, label, variant = 'primary', options }: Props) {
  const [state, formAction, pending] = useActionState(action, { error: null });
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="setId" value={setId ?? ''} />
      <input type="hidden" name="itemIds" value={itemIds?.join(',') ?? ''} />
      <input type="hidden" name="startKey" value={startKey} />
      {options ? (
        <>
          <input type="hidden" name="length" value={options.length} />
          <input type="hidden" name="order" value={options.order} />
          {options.types.map((type) => (
            <input key={type} type="hidden" name="types" value={type} />
          ))}
        </>
      ) : null}
      <FormMessage ok={false} message={state.error ?? Object.values(state.fieldErrors ?? {})[0] ?? null} />
      <button type="submit" disabled={pending} className={buttonClass(variant)}>
        {pending ? 'Starting…' : label}
      </button>
    </form>
  );
}
