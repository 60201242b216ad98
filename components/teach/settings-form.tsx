'use client';

import { useActionState, useState } from 'react';
import type { LateWorkPolicy, RevealPolicy } from '@/lib/classroom/reveal';
import { LATE_WORK_LABELS, REVEAL_LABELS } from '@/lib/classroom/setting-labels';
import { settingChangeEffects, type WorkSoFar } from '@/lib/classroom/setting-effects';
import { buttonClass } from '../ui/button';
import { describedBy, Field, FormMessage, inputClass, typedOr } from '../ui/field';
import { DueDateFields } from './due-date-fields';
import { keepFields } from './keep-fields';
import { EMPTY_FORM, type FormState } from './form-state';
import { LabelOptions } from '../ui/label-options';

export interface EditableSettings {
  title: string;
  dueUtc: string | null;
  reveal: RevealPolicy;
  lateWork: LateWorkPolicy;
}

/**
 * What may change after students start (title, due date, late work, reveal), with what the
 * change would do to work already in, said before saving and again once saved.
 */
export function SettingsForm({
  assignmentId,
  settings,
  work,
  action,
}: {
  assignmentId: string;
  settings: EditableSettings;
  work: WorkSoFar;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM);
  const [reveal, setReveal] = useState<RevealPolicy>(settings.reveal);
  const [lateWork, setLateWork] = useState<LateWorkPolicy>(settings.lateWork);
  const [dueAt, setDueAt] = useState<number | null>(settings.dueUtc ? Date.parse(settings.dueUtc) : null);
  const [now] = useState(() => new Date());
  const before = { reveal: settings.reveal, lateWork: settings.lateWork, dueAt: settings.dueUtc ? new Date(settings.dueUtc) : null };
  const effects = settingChangeEffects(before, { reveal, lateWork, dueAt: dueAt === null ? null : new Date(dueAt) }, work, now);
  const e = state.fieldErrors;
  return (
    <form action={formAction} onSubmit={keepFields(formAction)} className="space-y-5" noValidate>
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <Field id="settings-title" label="Title" error={e.title}>
        <input
          id="settings-title"
          name="title"
          required
          maxLength={120}
          defaultValue={typedOr(state, 'title', settings.title)}
          className={inputClass}
          aria-invalid={!!e.title}
          aria-describedby={describedBy('settings-title', { hint: false, error: e.title })}
        />
      </Field>
      <DueDateFields
        dueUtc={settings.dueUtc}
        errors={{ dueLocal: e.dueLocal, timeZone: e.timeZone }}
        onInstantChange={setDueAt}
        pastNote={
          lateWork === 'refuse'
            ? 'Once saved, nobody can join or answer any more, because late work is refused.'
            : 'Once saved, answers given from then on are marked late.'
        }
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="settings-reveal" label="Show answers" error={e.reveal}>
          <select
            id="settings-reveal"
            name="reveal"
            value={reveal}
            onChange={(ev) => setReveal(ev.target.value as RevealPolicy)}
            className={inputClass}
          >
            <LabelOptions labels={REVEAL_LABELS} />
          </select>
        </Field>
        <Field id="settings-lateWork" label="Late work" error={e.lateWork}>
          <select
            id="settings-lateWork"
            name="lateWork"
            value={lateWork}
            onChange={(ev) => setLateWork(ev.target.value as LateWorkPolicy)}
            className={inputClass}
          >
            <LabelOptions labels={LATE_WORK_LABELS} />
          </select>
        </Field>
      </div>
      <div aria-live="polite">
        {effects.length ? (
          <div className="rounded-lg border-l-4 border-warning bg-warning-soft px-4 py-2">
            <p className="font-medium">Saving this will change work already in:</p>
            <ul className="list-disc pl-5">
              {effects.map((effect) => (
                <li key={effect}>{effect}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      <FormMessage ok={state.ok} message={state.message} />
      <button type="submit" disabled={pending} className={buttonClass('primary')}>
        {pending ? 'Saving…' : 'Save changes'}
      </button>
    </form>
  );
}
