'use client';

import { useState } from 'react';
import { parseNumber } from '@/lib/grading/numbers';
import type { PublicItem } from '@/lib/quiz/present';

export type Draft =
  | { choice?: string }
  | { choices: string[] }
  | { value?: boolean }
  | { text: string }
  | { raw: string }
  | { order: string[] }
  | { pairs: Record<string, string> };

export function initialDraft(item: PublicItem): Draft {
  switch (item.type) {
    case 'single':
      return {};
    case 'multiple':
      return { choices: [] };
    case 'truefalse':
      return {};
    case 'typed':
      return { text: '' };
    case 'numeric':
      return { raw: '' };
    case 'ordering':
      return { order: item.entries.map((e) => e.id) };
    case 'matching':
      return { pairs: {} };
  }
}

/** The API body for a draft, or a message saying what is still missing. */
export function responseFromDraft(item: PublicItem, draft: Draft): { response: unknown } | { missing: string } {
  switch (item.type) {
    case 'single': {
      const choice = (draft as { choice?: string }).choice;
      return choice ? { response: { choice } } : { missing: 'Choose an answer.' };
    }
    case 'multiple':
      return { response: { choices: (draft as { choices: string[] }).choices } };
    case 'truefalse': {
      const value = (draft as { value?: boolean }).value;
      return value === undefined ? { missing: 'Choose True or False.' } : { response: { value } };
    }
    case 'typed': {
      const text = (draft as { text: string }).text;
      return text.trim() ? { response: { text } } : { missing: 'Type your answer.' };
    }
    case 'numeric': {
      const value = parseNumber((draft as { raw: string }).raw);
      return value !== null ? { response: { value } } : { missing: 'Enter a number, in digits or words.' };
    }
    case 'ordering':
      return { response: { order: (draft as { order: string[] }).order } };
    case 'matching':
      return { response: { pairs: (draft as { pairs: Record<string, string> }).pairs } };
  }
}

interface ControlProps {
  item: PublicItem;
  draft: Draft;
  onChange: (draft: Draft) => void;
  disabled: boolean;
  labelledBy: string;
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

function ChoiceControl({ item, draft, onChange, disabled, labelledBy }: ControlProps) {
  if (item.type !== 'single' && item.type !== 'multiple') return null;
  const multiple = item.type === 'multiple';
  const picked = multiple ? (draft as { choices: string[] }).choices : [(draft as { choice?: string }).choice];
  return (
    <fieldset aria-labelledby={labelledBy} className="space-y-2">
      {multiple ? <p className="text-sm text-muted">Select all that apply.</p> : <p className="text-sm text-muted">Choose one. Number keys pick an option.</p>}
      {item.options.map((option, index) => (
        <label key={option.id} className={optionRow}>
          <input
            type={multiple ? 'checkbox' : 'radio'}
            name={`q-${item.id}`}
            value={option.id}
            checked={picked.includes(option.id)}
            disabled={disabled}
            onChange={(e) => {
              if (!multiple) onChange({ choice: option.id });
              else {
                const current = (draft as { choices: string[] }).choices;
                onChange({ choices: e.target.checked ? [...current, option.id] : current.filter((c) => c !== option.id) });
              }
            }}
            className="mt-1 size-5 shrink-0 accent-[var(--accent)]"
          />
          <span>
            <span className="mr-2 text-sm text-muted" aria-hidden="true">
              {index + 1}
            </span>
            {option.text}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function TrueFalseControl({ item, draft, onChange, disabled, labelledBy }: ControlProps) {
  const value = (draft as { value?: boolean }).value;
  return (
    <fieldset aria-labelledby={labelledBy} className="grid grid-cols-2 gap-3">
      {[true, false].map((choice) => (
        <label key={String(choice)} className={`${optionRow} justify-center`}>
          <input
            type="radio"
            name={`q-${item.id}`}
            checked={value === choice}
            disabled={disabled}
            onChange={() => onChange({ value: choice })}
            className="mt-1 size-5 accent-[var(--accent)]"
          />
          <span className="font-medium">{choice ? 'True' : 'False'}</span>
        </label>
      ))}
    </fieldset>
  );
}

const field =
  'min-h-12 w-full rounded-lg border border-border bg-surface px-3 py-2 text-lg text-text placeholder:text-muted disabled:opacity-80';

function TypedControl({ item, draft, onChange, disabled }: ControlProps) {
  if (item.type !== 'typed') return null;
  const text = (draft as { text: string }).text;
  const input = (
    <input
      type="text"
      value={text}
      maxLength={500}
      autoComplete="off"
      autoCapitalize="off"
      spellCheck={false}
      disabled={disabled}
      aria-label={item.cloze ? 'Your answer for the gap' : 'Your answer'}
      onChange={(e) => onChange({ text: e.target.value })}
      className={item.cloze ? `${field} my-1 inline-block w-56 max-w-full align-baseline` : field}
    />
  );
  if (item.cloze) {
    return (
      <p className="text-lg leading-loose">
        {item.cloze.before}
        {input}
        {item.cloze.after}
      </p>
    );
  }
  return input;
}

function NumericControl({ item, draft, onChange, disabled }: ControlProps) {
  if (item.type !== 'numeric') return null;
  return (
    <div className="flex items-center gap-3">
      <input
        type="text"
        inputMode="decimal"
        value={(draft as { raw: string }).raw}
        disabled={disabled}
        aria-label={item.unit ? `Your answer, in ${item.unit}` : 'Your answer, a number'}
        onChange={(e) => onChange({ raw: e.target.value })}
        className={`${field} max-w-48 tabular-nums`}
      />
      {item.unit ? <span className="text-muted">{item.unit}</span> : null}
    </div>
  );
}

function OrderingControl({ item, draft, onChange, disabled, labelledBy }: ControlProps) {
  const [announcement, setAnnouncement] = useState('');
  if (item.type !== 'ordering') return null;
  const order = (draft as { order: string[] }).order;
  const text = new Map(item.entries.map((e) => [e.id, e.text]));
  const move = (index: number, by: -1 | 1) => {
    const next = [...order];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    onChange({ order: next });
    setAnnouncement(`Moved “${text.get(moved!)}” to position ${index + by + 1} of ${order.length}.`);
    requestAnimationFrame(() => document.getElementById(`move-${moved}-${by < 0 ? 'up' : 'down'}`)?.focus());
  };
  return (
    <div>
      <ol aria-labelledby={labelledBy} className="space-y-2">
        {order.map((id, index) => (
          <li key={id} className="flex items-center gap-2 rounded-lg border border-border bg-surface px-3 py-2">
            <span className="w-6 text-right text-sm text-muted tabular-nums" aria-hidden="true">
              {index + 1}.
            </span>
            <span className="flex-1">{text.get(id)}</span>
            <button
              type="button"
              id={`move-${id}-up`}
              disabled={disabled || index === 0}
              onClick={() => move(index, -1)}
              aria-label={`Move “${text.get(id)}” up`}
              className="min-h-11 min-w-11 rounded-md border border-border text-lg disabled:opacity-40"
            >
              ↑
            </button>
            <button
              type="button"
              id={`move-${id}-down`}
              disabled={disabled || index === order.length - 1}
              onClick={() => move(index, 1)}
              aria-label={`Move “${text.get(id)}” down`}
              className="min-h-11 min-w-11 rounded-md border border-border text-lg disabled:opacity-40"
            >
              ↓
            </button>
          </li>
        ))}
      </ol>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}

function MatchingControl({ item, draft, onChange, disabled, labelledBy }: ControlProps) {
  if (item.type !== 'matching') return null;
  const pairs = (draft as { pairs: Record<string, string> }).pairs;
  return (
    <fieldset aria-labelledby={labelledBy} className="space-y-3">
      {item.lefts.map((left) => (
        <div key={left.id} className="grid gap-1 sm:grid-cols-2 sm:items-center sm:gap-4">
          <label htmlFor={`match-${item.id}-${left.id}`} className="font-medium">
            {left.text}
          </label>
          <select
            id={`match-${item.id}-${left.id}`}
            value={pairs[left.id] ?? ''}
            disabled={disabled}
            onChange={(e) => {
              const next = { ...pairs };
              if (e.target.value) next[left.id] = e.target.value;
              else delete next[left.id];
              onChange({ pairs: next });
            }}
            className={field}
          >
            <option value="">Choose a match…</option>
            {item.rights.map((right) => (
              <option key={right.id} value={right.id}>
                {right.text}
              </option>
            ))}
          </select>
        </div>
      ))}
    </fieldset>
  );
}
