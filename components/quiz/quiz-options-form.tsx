'use client';

import { startTransition, useActionState, useState } from 'react';
import { TYPE_LABELS } from '@/lib/questions/labels';
import type { QuizItemType } from '@/lib/quiz/present';
import { buttonClass } from '../ui/button';
import { FormMessage } from '../ui/field';
import type { StartQuizState } from './start-quiz-form';

interface Props {
  action: (state: StartQuizState, formData: FormData) => Promise<StartQuizState>;
  setId: string;
  startKey: string;
  types: { type: QuizItemType; count: number }[];
  label: string;
}

const chip =
  'flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-border bg-surface px-3 py-2 has-[:checked]:border-accent has-[:checked]:bg-accent-soft has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent';
const legend = 'mb-2 font-medium';

/** Quizlet-style test options: how many questions, which types, what order. Keeps its inputs on refusal. */
export function QuizOptionsForm({ action, setId, startKey, types, label }: Props) {
  const [state, formAction, pending] = useActionState(action, { error: null });
  const total = types.reduce((sum, t) => sum + t.count, 0);
  const [length, setLength] = useState(total > 20 ? '20' : 'all');
  const [order, setOrder] = useState('shuffled');
  const [chosen, setChosen] = useState<string[]>(types.map((t) => t.type));
  const available = types.filter((t) => chosen.includes(t.type)).reduce((sum, t) => sum + t.count, 0);
  const asked = length === 'all' ? available : Math.min(available, Number(length));
  const errors = state.fieldErrors ?? {};
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        // Submitted by hand so React does not reset the form: a refusal keeps the learner's choices.
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
      className="space-y-5"
    >
      <input type="hidden" name="setId" value={setId} />
      <input type="hidden" name="itemIds" value="" />
      <input type="hidden" name="startKey" value={startKey} />
      <fieldset aria-describedby={errors.length ? 'quiz-length-error' : undefined}>
        <legend className={legend}>Questions</legend>
        <div className="flex flex-wrap gap-2">
          {(['10', '20', 'all'] as const).map((value) => (
            <label key={value} className={chip}>
              <input
                type="radio"
                name="length"
                value={value}
                checked={length === value}
                onChange={() => setLength(value)}
                className="size-4 accent-[var(--accent)]"
              />
              {value === 'all' ? `All ${total}` : value}
            </label>
          ))}
        </div>
        {errors.length ? (
          <p id="quiz-length-error" className="mt-1 text-sm font-medium text-danger">
            {errors.length}
          </p>
        ) : null}
      </fieldset>
      <fieldset aria-describedby={errors.types ? 'quiz-types-error' : undefined}>
        <legend className={legend}>Question types</legend>
        <div className="flex flex-wrap gap-2">
          {types.map(({ type, count }) => (
            <label key={type} className={chip}>
              <input
                type="checkbox"
                name="types"
                value={type}
                checked={chosen.includes(type)}
                onChange={(e) => setChosen(e.target.checked ? [...chosen, type] : chosen.filter((t) => t !== type))}
                className="size-4 accent-[var(--accent)]"
              />
              <span>
                {TYPE_LABELS[type].many[0]!.toUpperCase() + TYPE_LABELS[type].many.slice(1)} <span className="text-muted">({count})</span>
              </span>
            </label>
          ))}
        </div>
        {errors.types ? (
          <p id="quiz-types-error" className="mt-1 text-sm font-medium text-danger">
            {errors.types}
          </p>
        ) : null}
      </fieldset>
      <fieldset aria-describedby={errors.order ? 'quiz-order-error' : undefined}>
        <legend className={legend}>Order</legend>
        <div className="flex flex-wrap gap-2">
          {[
            ['shuffled', 'Shuffled'],
            ['set', 'Set order'],
          ].map(([value, text]) => (
            <label key={value} className={chip}>
              <input
                type="radio"
                name="order"
                value={value}
                checked={order === value}
                onChange={() => setOrder(value!)}
                className="size-4 accent-[var(--accent)]"
              />
              {text}
            </label>
          ))}
        </div>
        {errors.order ? (
          <p id="quiz-order-error" className="mt-1 text-sm font-medium text-danger">
            {errors.order}
          </p>
        ) : null}
      </fieldset>
      <FormMessage ok={false} message={state.error} />
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <button type="submit" disabled={pending} className={buttonClass('primary')}>
          {pending ? 'Starting…' : label}
        </button>
        <p className="text-sm text-muted" aria-live="polite">
          {chosen.length === 0
            ? 'Choose at least one type of question.'
            : `${asked} ${asked === 1 ? 'question' : 'questions'}, ${order === 'shuffled' ? 'shuffled' : 'in set order'}.`}
        </p>
      </div>
    </form>
  );
}
