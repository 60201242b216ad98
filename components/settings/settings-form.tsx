'use client';

import { useActionState, useState, useSyncExternalStore } from 'react';
import { EMPTY_FORM, type FormState } from '@/lib/forms/form-state';
import { buttonClass } from '../ui/button';
import { describedBy, Field, FormMessage, inputClass, typedOr } from '../ui/field';

interface Props {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  values: {
    displayName: string;
    timeZone: string;
    desiredRetention: number;
    newPerDay: number;
    reviewsPerDay: number;
    typeAnswers: boolean;
  };
  timeZones: string[];
}

const noSubscription = () => () => {};
const input = inputClass;

export function SettingsForm({ action, values, timeZones }: Props) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM);
  // A refused form shows what was typed, not the saved values, so each error sits under its own input.
  const typed = (name: keyof Props['values']) => typedOr(state, name, String(values[name]));
  const [timeZone, setTimeZone] = useState(values.timeZone);
  // The browser's own zone; null while rendering on the server.
  const detected = useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => null,
  );
  const e = state.fieldErrors;
  const described = (id: string, { hint } = { hint: true }) => describedBy(id, { hint, error: e[id] });
  return (
    <form action={formAction} className="max-w-xl space-y-5" noValidate>
      <Field id="displayName" label="Display name" hint="Optional. Shown only to you." error={e.displayName}>
        <input
          id="displayName"
          name="displayName"
          defaultValue={typed('displayName')}
          maxLength={60}
          className={input}
          aria-describedby={described('displayName')}
          aria-invalid={!!e.displayName}
        />
      </Field>
      <Field id="timeZone" label="Time zone" hint="Your day starts at 04:00 here; due counts and streaks follow it." error={e.timeZone}>
        <select
          id="timeZone"
          name="timeZone"
          value={timeZone}
          onChange={(ev) => setTimeZone(ev.target.value)}
          className={input}
          aria-describedby={described('timeZone')}
          aria-invalid={!!e.timeZone}
        >
          {timeZones.map((tz) => (
            <option key={tz} value={tz}>
              {tz}
            </option>
          ))}
        </select>
        {detected && detected !== timeZone ? (
          <button type="button" onClick={() => setTimeZone(detected)} className="text-sm text-accent underline">
            Use this device’s time zone ({detected})
          </button>
        ) : null}
      </Field>
      <Field
        id="desiredRetention"
        label="Desired retention (0.70–0.97)"
        hint="Higher means you forget less but review more often; 0.90 is a good balance."
        error={e.desiredRetention}
      >
        <input
          id="desiredRetention"
          name="desiredRetention"
          type="number"
          step="0.01"
          min="0.7"
          max="0.97"
          defaultValue={typed('desiredRetention')}
          className={`${input} max-w-32`}
          aria-describedby={described('desiredRetention')}
          aria-invalid={!!e.desiredRetention}
        />
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="newPerDay" label="New cards per day" error={e.newPerDay}>
          <input
            id="newPerDay"
            name="newPerDay"
            type="number"
            min="0"
            max="9999"
            defaultValue={typed('newPerDay')}
            className={input}
            aria-describedby={described('newPerDay', { hint: false })}
            aria-invalid={!!e.newPerDay}
          />
        </Field>
        <Field id="reviewsPerDay" label="Reviews per day" error={e.reviewsPerDay}>
          <input
            id="reviewsPerDay"
            name="reviewsPerDay"
            type="number"
            min="0"
            max="99999"
            defaultValue={typed('reviewsPerDay')}
            className={input}
            aria-describedby={described('reviewsPerDay', { hint: false })}
            aria-invalid={!!e.reviewsPerDay}
          />
        </Field>
      </div>
      <label className="flex min-h-11 items-center gap-3">
        <input
          type="checkbox"
          name="typeAnswers"
          defaultChecked={state.ok === false ? state.values.typeAnswers === 'on' : values.typeAnswers}
          className="size-5 accent-[var(--accent)]"
        />
        <span>Type answers to typed cards before showing the answer</span>
      </label>
      <FormMessage ok={state.ok} message={state.message} />
      <button type="submit" disabled={pending} className={buttonClass('primary')}>
        {pending ? 'Saving…' : 'Save settings'}
      </button>
    </form>
  );
}
