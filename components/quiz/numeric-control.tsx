'use client';

import { numericDraft } from '@/lib/quiz/numeric-draft';
import type { ControlProps } from './answer-controls';
import { answerField } from './answer-field';

export function NumericControl({ item, draft, onChange, disabled }: ControlProps) {
  if (item.type !== 'numeric' || draft.type !== 'numeric') return null;
  return (
    <div className="flex items-center gap-3">
      <input
        type="text"
        inputMode="decimal"
        value={draft.raw}
        disabled={disabled}
        aria-label={item.unit ? `Your answer, in ${item.unit}` : 'Your answer, a number'}
        onChange={(e) => onChange(numericDraft(e.target.value))}
        className={`${answerField} max-w-48 tabular-nums`}
      />
      {item.unit ? <span className="text-muted">{item.unit}</span> : null}
    </div>
  );
}
