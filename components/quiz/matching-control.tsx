'use client';

import { duplicateMatches, type DraftOf } from '@/lib/quiz/draft';
import type { ControlProps } from './answer-controls';
import { answerField } from './answer-field';
import { Mark, markTone } from './marks';

export function MatchingControl({ item, draft, onChange, disabled, labelledBy, marks }: ControlProps) {
  if (item.type !== 'matching' || draft.type !== 'matching') return null;
  const pairs = draft.pairs;
  const duplicates = duplicateMatches(pairs);
  const leftText = new Map(item.lefts.map((l) => [l.id, l.text]));
  const rightText = new Map(item.rights.map((r) => [r.id, r.text]));
  const usedBy = new Map(Object.entries(pairs).map(([left, right]) => [right, left]));
  return (
    <fieldset aria-labelledby={labelledBy} className="space-y-3">
      {item.lefts.map((left, index) => {
        const chosen = pairs[left.id];
        const sharedWith = chosen ? (duplicates.get(chosen) ?? []).filter((l) => l !== left.id) : [];
        const mark = marks?.type === 'matching' ? marks.rows[index] : undefined;
        const noteId = `match-${item.id}-${left.id}-note`;
        return (
          <div
            key={left.id}
            className={`grid gap-1 sm:grid-cols-2 sm:items-center sm:gap-4 ${mark ? `rounded-lg p-3 ${markTone({ correct: mark.right, chosen: true })}` : ''}`}
          >
            {mark ? (
              <p className="font-semibold">{left.text}</p>
            ) : (
              <label htmlFor={`match-${item.id}-${left.id}`} className="font-medium">
                {left.text}
              </label>
            )}
            {mark ? (
              <div id={noteId} className="space-y-1">
                <p>{mark.yours ?? 'No match chosen'}</p>
                <p className="text-sm">
                  <Mark correct={mark.right} chosen />
                </p>
                {mark.right ? null : <p className="text-sm">Correct answer: {mark.correct}</p>}
              </div>
            ) : (
              <div className="space-y-1">
                <select
                  id={`match-${item.id}-${left.id}`}
                  value={chosen ?? ''}
                  disabled={disabled}
                  aria-describedby={sharedWith.length ? noteId : undefined}
                  onChange={(e) => {
                    const next = { ...pairs };
                    if (e.target.value) next[left.id] = e.target.value;
                    else delete next[left.id];
                    onChange({ type: 'matching', pairs: next } satisfies DraftOf<'matching'>);
                  }}
                  className={`${answerField} text-base`}
                >
                  <option value="">Choose a match…</option>
                  {item.rights.map((right) => {
                    const owner = usedBy.get(right.id);
                    return (
                      <option key={right.id} value={right.id}>
                        {owner && owner !== left.id ? `${right.text} (chosen for ${leftText.get(owner)})` : right.text}
                      </option>
                    );
                  })}
                </select>
                {sharedWith.length ? (
                  <p id={noteId} className="text-sm font-medium text-warning">
                    “{rightText.get(chosen!)}” is also chosen for {sharedWith.map((l) => leftText.get(l)).join(' and ')}. Each match is used
                    once.
                  </p>
                ) : null}
              </div>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
