'use client';

import type { AnswerMarks } from '@/lib/grading/marks';
import { lazy } from 'react';
import { toggleChoice, type Draft } from '@/lib/quiz/draft';
import type { PublicItem } from '@/lib/quiz/present';
import { choiceHint } from '@/lib/quiz/prompt';
import { Mark, markedRow } from './marks';

// The controls of the types without number keys load only when such a question is shown. No
// Suspense boundary of their own: the server renders them, and on a client render (the next
// question) the page keeps the previous question until the control has loaded, so nothing jumps.
const TypedControl = lazy(() => import('./typed-control').then((m) => ({ default: m.TypedControl })));
const NumericControl = lazy(() => import('./numeric-control').then((m) => ({ default: m.NumericControl })));
const OrderingControl = lazy(() => import('./ordering-control').then((m) => ({ default: m.OrderingControl })));
const MatchingControl = lazy(() => import('./matching-control').then((m) => ({ default: m.MatchingControl })));

export interface ControlProps {
  item: PublicItem;
  draft: Draft;
  onChange: (draft: Draft) => void;
  disabled: boolean;
  labelledBy: string;
  /** After checking: which parts were right, shown in place. */
  marks: AnswerMarks | null;
}

const optionRow =
  'flex min-h-12 cursor-pointer items-start gap-3 rounded-lg border border-border bg-surface px-4 py-3 has-[:checked]:border-accent has-[:checked]:bg-accent-soft has-[:disabled]:cursor-default';

export function AnswerControls(props: ControlProps) {
  switch (props.item.type) {
    case 'single':
    case 'multiple':
      return <ChoiceControl {...props} />;
    case 'truefalse':
      return <TrueFalseControl {...props} />;
    case 'typed':
      return <TypedControl {...props} />;
    case 'numeric':
      return <NumericControl {...props} />;
    case 'ordering':
      return <OrderingControl {...props} />;
    case 'matching':
      return <MatchingControl {...props} />;
  }
}

function ChoiceControl({ item, draft, onChange, disabled, labelledBy, marks }: ControlProps) {
  if (item.type !== 'single' && item.type !== 'multiple') return null;
  const multiple = draft.type === 'multiple';
  const picked = draft.type === 'multiple' ? draft.choices : draft.type === 'single' ? [draft.choice] : [];
  const marked = marks?.type === 'choices' ? new Map(marks.options.map((o) => [o.id, o])) : null;
  const hint = choiceHint(item);
  return (
    <fieldset aria-labelledby={labelledBy} aria-describedby={hint ? `${labelledBy}-hint` : undefined} className="space-y-2">
      {hint ? (
        <p id={`${labelledBy}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {item.options.map((option, index) => {
        const mark = marked?.get(option.id);
        return (
          <label key={option.id} className={mark ? markedRow(mark) : optionRow}>
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={`q-${item.id}`}
              value={option.id}
              checked={picked.includes(option.id)}
              disabled={disabled}
              onChange={() => onChange(draft.type === 'multiple' ? toggleChoice(draft, option.id) : { type: 'single', choice: option.id })}
              className="mt-1 size-5 shrink-0 accent-[var(--accent)]"
            />
            <span className="flex-1">
              <span className="mr-2 text-sm text-muted" aria-hidden="true">
                {index + 1}
              </span>
              {option.text}
              {mark && (mark.correct || mark.chosen) ? (
                <span className="mt-1 block">
                  <Mark correct={mark.correct} chosen={mark.chosen} />
                </span>
              ) : null}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}

function TrueFalseControl({ item, draft, onChange, disabled, labelledBy, marks }: ControlProps) {
  const value = draft.type === 'truefalse' ? draft.value : null;
  return (
    <fieldset aria-labelledby={labelledBy} aria-describedby={`${labelledBy}-hint`} className="space-y-2">
      <p id={`${labelledBy}-hint`} className="text-sm text-muted">
        Key 1 is True, key 2 is False.
      </p>
      <div className="grid grid-cols-2 gap-3">
        {[true, false].map((choice) => {
          const mark = marks?.type === 'truefalse' ? { correct: marks.correct === choice, chosen: marks.chosen === choice } : null;
          const shown = mark && (mark.correct || mark.chosen) ? mark : null;
          return (
            <label key={String(choice)} className={`${shown ? markedRow(shown) : optionRow} flex-wrap justify-center`}>
              <input
                type="radio"
                name={`q-${item.id}`}
                checked={value === choice}
                disabled={disabled}
                onChange={() => onChange({ type: 'truefalse', value: choice })}
                className="mt-1 size-5 accent-[var(--accent)]"
              />
              <span className="font-medium">{choice ? 'True' : 'False'}</span>
              {shown ? <Mark correct={shown.correct} chosen={shown.chosen} /> : null}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
