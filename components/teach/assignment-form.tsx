'use client';

import { useActionState, useState } from 'react';
import { buttonClass } from '../ui/button';
import { describedBy, Field, FormMessage, inputClass, typedOr } from '../ui/field';
import { LATE_WORK_LABELS, REVEAL_LABELS } from '@/lib/classroom/setting-labels';
import { DueDateFields } from './due-date-fields';
import { keepFields } from './keep-fields';
import { EMPTY_FORM, type FormState } from './form-state';
import { LabelOptions } from '../ui/label-options';

interface SetOption {
  id: string;
  title: string;
  items: { id: string; prompt: string; type: string }[];
}

export function AssignmentForm({
  sets,
  action,
}: {
  sets: SetOption[];
  action: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState(action, EMPTY_FORM);
  const [setId, setSetId] = useState(sets[0]?.id ?? '');
  const [mode, setMode] = useState<'quiz' | 'flashcards'>('quiz');
  const set = sets.find((s) => s.id === setId);
  const items = (set?.items ?? []).filter((i) => mode === 'flashcards' || i.type !== 'card');
  // The ticks are state, not the DOM's: a refused form keeps them, and the count follows them.
  // Changing the set or the mode ticks every item of the new list again.
  const listKey = `${setId}-${mode}`;
  const [unticked, setUnticked] = useState({ listKey, ids: new Set<string>() });
  const off = unticked.listKey === listKey ? unticked.ids : new Set<string>();
  const chosen = items.filter((i) => !off.has(i.id)).length;
  const toggle = (id: string, on: boolean) => {
    const ids = new Set(off);
    if (on) ids.delete(id);
    else ids.add(id);
    setUnticked({ listKey, ids });
  };
  const e = state.fieldErrors;
  return (
    <form action={formAction} onSubmit={keepFields(formAction)} className="max-w-2xl space-y-5" noValidate>
      <Field id="title" label="Title" error={e.title}>
        <input
          id="title"
          name="title"
          required
          maxLength={120}
          defaultValue={typedOr(state, 'title')}
          className={inputClass}
          aria-invalid={!!e.title}
          aria-describedby={describedBy('title', { hint: false, error: e.title })}
        />
      </Field>
      <Field id="setId" label="Question set" error={e.setId}>
        <select id="setId" name="setId" value={setId} onChange={(ev) => setSetId(ev.target.value)} className={inputClass}>
          {sets.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="space-y-2">
        <legend className="font-medium">Mode</legend>
        {(['quiz', 'flashcards'] as const).map((m) => (
          <label key={m} className="flex min-h-11 items-center gap-3">
            <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} className="size-5" />
            <span>
              {m === 'quiz' ? 'Quiz (graded, with a score)' : 'Flashcard practice (done when each card is rated Good or Easy once)'}
            </span>
          </label>
        ))}
      </fieldset>
      <details className="rounded-lg border border-border p-3">
        <summary className="cursor-pointer font-medium">
          <span aria-live="polite">
            {chosen === items.length ? `Items: all ${items.length}` : `Items: ${chosen} of ${items.length} chosen`}
          </span>{' '}
          <span className="font-normal text-muted">(choose which)</span>
        </summary>
        {e.itemIds ? <p className="text-sm font-medium text-danger">{e.itemIds}</p> : null}
        <fieldset className="mt-2 max-h-72 space-y-1 overflow-y-auto" key={listKey}>
          <legend className="sr-only">Items to include</legend>
          {items.map((item) => (
            <label key={item.id} className="flex items-start gap-2 py-1">
              <input
                type="checkbox"
                name="itemIds"
                value={item.id}
                checked={!off.has(item.id)}
                onChange={(ev) => toggle(item.id, ev.target.checked)}
                className="mt-1 size-4"
              />
              <span className="text-sm">{item.prompt}</span>
            </label>
          ))}
        </fieldset>
      </details>
      <DueDateFields
        dueUtc={null}
        errors={{ dueLocal: e.dueLocal, timeZone: e.timeZone }}
        pastNote={
          <label className="mt-1 flex items-center gap-2">
            <input type="checkbox" name="allowPastDue" className="size-5" />
            The due date is in the past on purpose
          </label>
        }
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="attemptsAllowed" label="Attempts allowed" error={e.attemptsAllowed}>
          <select id="attemptsAllowed" name="attemptsAllowed" defaultValue={typedOr(state, 'attemptsAllowed', '1')} className={inputClass}>
            <option value="1">1</option>
            <option value="2">2</option>
            <option value="3">3</option>
            <option value="0">Unlimited</option>
          </select>
        </Field>
        <Field id="reveal" label="Show answers" error={e.reveal}>
          <select id="reveal" name="reveal" defaultValue={typedOr(state, 'reveal', 'after_submit')} className={inputClass}>
            <LabelOptions labels={REVEAL_LABELS} />
          </select>
        </Field>
        <Field id="lateWork" label="Late work" error={e.lateWork}>
          <select id="lateWork" name="lateWork" defaultValue={typedOr(state, 'lateWork', 'accept')} className={inputClass}>
            <LabelOptions labels={LATE_WORK_LABELS} />
          </select>
        </Field>
      </div>
      <fieldset className="space-y-2">
        <legend className="font-medium">Self-study while this is open</legend>
        {e.security ? <p className="text-sm font-medium text-danger">{e.security}</p> : null}
        <label className="flex min-h-11 items-start gap-3">
          <input type="radio" name="security" value="practice" defaultChecked className="mt-1 size-5" />
          <span>Practice: the questions stay in everyone’s self-study, answers included. The report shows practice, not a test.</span>
        </label>
        <label className="flex min-h-11 items-start gap-3">
          <input type="radio" name="security" value="secure" className="mt-1 size-5" />
          <span>
            Secure: the questions leave self-study (quizzes, flashcards, the reader) for everyone until the assignment closes or its due
            date passes.
          </span>
        </label>
      </fieldset>
      <label className="flex min-h-11 items-center gap-3">
        <input type="checkbox" name="shuffle" defaultChecked className="size-5" />
        <span>Shuffle the questions for each student</span>
      </label>
      <label className="flex min-h-11 items-center gap-3">
        <input type="checkbox" name="mastery" className="size-5" />
        <span>Mastery mode: missed questions come back at the end until right (up to three rounds)</span>
      </label>
      <FormMessage ok={state.ok} message={state.message} />
      <button type="submit" disabled={pending} className={buttonClass('primary')}>
        {pending ? 'Creating…' : 'Create assignment'}
      </button>
    </form>
  );
}
