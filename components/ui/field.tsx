import type { ReactNode } from 'react';
import type { FormState } from '@/lib/forms/form-state';

export const inputClass = 'min-h-11 w-full rounded-lg border border-border bg-surface px-3 text-text';

/** A labelled form field with an optional hint and error, wired for screen readers by id. */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** aria-describedby for a field: its hint and, when present, its error. */
export function describedBy(id: string, { hint, error }: { hint: boolean; error?: string }): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

export function FormMessage({ ok, message }: { ok: boolean | null; message: string | null }) {
  if (!message) return null;
  return (
    <p
      role={ok ? 'status' : 'alert'}
      className={`rounded-lg border-l-4 px-4 py-2 ${ok ? 'border-success bg-success-soft' : 'border-danger bg-danger-soft'}`}
    >
      {message}
    </p>
  );
}

/** What the user typed into `name` when the server refused the form; otherwise `fallback`. */
export function typedOr(state: FormState, name: string, fallback = ''): string {
  return state.ok === false && name in state.values ? state.values[name]! : fallback;
}
