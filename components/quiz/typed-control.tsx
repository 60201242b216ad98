'use client';

import type { ControlProps } from './answer-controls';
import { answerField } from './answer-field';

/** Splits the text after a gap into the punctuation that must stay on the gap's line and the rest. */
function gluedPunctuation(after: string): [string, string] {
  const match = /^[^\s\p{L}\p{N}]*/u.exec(after);
  const glued = match?.[0] ?? '';
  return [glued, after.slice(glued.length)];
}

export function TypedControl({ item, draft, onChange, disabled }: ControlProps) {
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
