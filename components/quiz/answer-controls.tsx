'use client';

import type { AnswerMarks } from '@/lib/grading/marks';
import { lazy } from 'react';
import { toggleChoice, type Draft } from '@/lib/quiz/draft';
import type { PublicItem } from '@/lib/quiz/present';
import { choiceHint } from '@/lib/quiz/prompt';
import { answerField } from './answer-field';
import { Mark, markedRow } from './marks';

// The rarer question types' controls load only when such a question is shown. No Suspense
// boundary of their own: the server renders them, and on a client render (the next question)
// the page keeps the previous question until the control has loaded, so nothing jumps.
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

/** Splits the text after a gap into the punctuation that must stay on the gap's line and the rest. */
function gluedPunctuation(after: string): [string, string] {
  const match = /^[^\s\p{L}\p{N}]*/u.exec(after);
  const glued = match?.[0] ?? '';
  return [glued, after.slice(glued.length)];
}

function TypedControl({ item, draft, onChange, disabled }: ControlProps) {
  if (item.type !== 'typed' || draft.type !== 'typed') return null;
  const input = (
    <input
      type="text"
      value={draft.text}
      maxLength={500}
      autoComplete="off"
      autoCapitalize="off"
      spellCheck={false}
      disabled={disabled}
      aria-label={item.cloze ? 'Your answer for the gap' : 'Your answer'}
      onChange={(e) => onChange({ type: 'typed', text: e.target.value })}
      style={item.cloze ? { width: `${item.cloze.size + 2}ch` } : undefined}
      className={
        item.cloze
          ? 'mx-1 inline-block max-w-full rounded-md border-0 border-b-2 border-accent bg-accent-soft px-2 py-0.5 align-baseline text-lg text-text disabled:opacity-80'
          : answerField
      }
    />
  );
  if (item.cloze) {
    const [glued, rest] = gluedPunctuation(item.cloze.after);
    return (
      <p className="text-lg leading-loose">
        {item.cloze.before}
        <span className="whitespace-nowrap">
          {input}
          {glued}
        </span>
        {rest}
      </p>
    );
  }
  return input;
}
