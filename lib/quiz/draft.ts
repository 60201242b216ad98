import type { PublicItem } from './present';

/**
 * A learner's answer while they are still working on it, one shape per question type, and the
 * rules that decide when it counts as an answer. Ids are whatever the delivery gave the browser:
 * nothing here depends on their shape.
 */
export type Draft =
  | { type: 'single'; choice: string | null }
  | { type: 'multiple'; choices: string[] }
  | { type: 'truefalse'; value: boolean | null }
  | { type: 'typed'; text: string }
  /** `value`: `raw` read as a number (see numeric-draft.ts), null when it is not one. */
  | { type: 'numeric'; raw: string; value: number | null }
  /** `touched`: the learner moved an entry or confirmed the order as shown. */
  | { type: 'ordering'; order: string[]; touched: boolean }
  | { type: 'matching'; pairs: Record<string, string> };

export type DraftOf<T extends Draft['type']> = Extract<Draft, { type: T }>;

export function initialDraft(item: PublicItem): Draft {
  switch (item.type) {
    case 'single':
      return { type: 'single', choice: null };
    case 'multiple':
      return { type: 'multiple', choices: [] };
    case 'truefalse':
      return { type: 'truefalse', value: null };
    case 'typed':
      return { type: 'typed', text: '' };
    case 'numeric':
      return { type: 'numeric', raw: '', value: null };
    case 'ordering':
      return { type: 'ordering', order: item.entries.map((e) => e.id), touched: false };
    case 'matching':
      return { type: 'matching', pairs: {} };
  }
}

/** The API body for a draft, or a sentence saying what is still missing. */
export function responseFromDraft(item: PublicItem, draft: Draft): { response: unknown } | { missing: string } {
  switch (draft.type) {
    case 'single':
      return draft.choice ? { response: { choice: draft.choice } } : { missing: 'Choose an answer.' };
    case 'multiple':
      return draft.choices.length ? { response: { choices: draft.choices } } : { missing: 'Tick at least one option.' };
    case 'truefalse':
      return draft.value === null ? { missing: 'Choose True or False.' } : { response: { value: draft.value } };
    case 'typed':
      return draft.text.trim() ? { response: { text: draft.text } } : { missing: 'Type your answer.' };
    case 'numeric': {
      if (!draft.raw.trim()) return { missing: 'Enter a number.' };
      return draft.value !== null ? { response: { value: draft.value } } : { missing: 'Enter a number, in digits or words.' };
    }
    case 'ordering':
      return draft.touched
        ? { response: { order: draft.order } }
        : { missing: 'Put the entries in order, or confirm that this order is your answer.' };
    case 'matching': {
      const lefts = item.type === 'matching' ? item.lefts : [];
      const open = lefts.filter((left) => !draft.pairs[left.id]).length;
      if (open > 0)
        return {
          missing:
            open === lefts.length
              ? 'Choose a match for each item.'
              : `Choose a match for the ${open === 1 ? 'last item' : `${open} items left`}.`,
        };
      if (duplicateMatches(draft.pairs).size > 0) return { missing: 'Each match can be used once: change one of the repeated choices.' };
      return { response: { pairs: draft.pairs } };
    }
  }
}

export function isAnswered(item: PublicItem, draft: Draft): boolean {
  return 'response' in responseFromDraft(item, draft);
}

/** Ticks or unticks one multiple-select option, keeping the options' order of ticking. */
export function toggleChoice(draft: DraftOf<'multiple'>, id: string): DraftOf<'multiple'> {
  return { ...draft, choices: draft.choices.includes(id) ? draft.choices.filter((c) => c !== id) : [...draft.choices, id] };
}

/** The draft after a number key (1 = first option), or null when the key means nothing here. */
export function draftForNumberKey(item: PublicItem, draft: Draft, n: number): Draft | null {
  if (!Number.isInteger(n) || n < 1) return null;
  if (item.type === 'single' && item.options[n - 1]) return { type: 'single', choice: item.options[n - 1]!.id };
  if (item.type === 'multiple' && item.options[n - 1] && draft.type === 'multiple') return toggleChoice(draft, item.options[n - 1]!.id);
  if (item.type === 'truefalse' && n <= 2) return { type: 'truefalse', value: n === 1 };
  return null;
}

/** Moves the entry at `from` to `to` (both clamped to the list) and marks the order as touched. */
export function moveEntry(draft: DraftOf<'ordering'>, from: number, to: number): DraftOf<'ordering'> {
  const last = draft.order.length - 1;
  const target = Math.max(0, Math.min(last, to));
  if (from < 0 || from > last || from === target) return draft;
  const order = [...draft.order];
  const [moved] = order.splice(from, 1);
  order.splice(target, 0, moved!);
  return { ...draft, order, touched: true };
}

/** Matching: for each right side chosen more than once, the lefts that chose it. */
export function duplicateMatches(pairs: Record<string, string>): Map<string, string[]> {
  const byRight = new Map<string, string[]>();
  for (const [left, right] of Object.entries(pairs)) byRight.set(right, [...(byRight.get(right) ?? []), left]);
  return new Map([...byRight].filter(([, lefts]) => lefts.length > 1));
}
