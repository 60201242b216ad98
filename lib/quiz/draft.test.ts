import { describe, expect, it } from 'vitest';
import {
  draftForNumberKey,
  duplicateMatches,
  initialDraft,
  isAnswered,
  moveEntry,
  responseFromDraft,
  toggleChoice,
  type DraftOf,
} from './draft';
import { numericDraft } from './numeric-draft';
import type { PublicItem } from './present';

// Random-looking ids, as a delivery with opaque ids would send them.
const single: PublicItem = {
  id: 'q1',
  type: 'single',
  prompt: 'P',
  options: [
    { id: 'x9f', text: 'A' },
    { id: 'k2p', text: 'B' },
  ],
};
const multiple: PublicItem = {
  id: 'q2',
  type: 'multiple',
  prompt: 'P',
  options: [
    { id: 'r7', text: 'A' },
    { id: 'm3', text: 'B' },
    { id: 'z1', text: 'C' },
  ],
};
const truefalse: PublicItem = { id: 'q3', type: 'truefalse', prompt: 'P' };
const typed: PublicItem = { id: 'q4', type: 'typed', prompt: 'P', cloze: null };
const numeric: PublicItem = { id: 'q5', type: 'numeric', prompt: 'P', unit: null };
const ordering: PublicItem = {
  id: 'q6',
  type: 'ordering',
  prompt: 'P',
  entries: [
    { id: 'e1', text: 'One' },
    { id: 'e2', text: 'Two' },
    { id: 'e3', text: 'Three' },
  ],
};
const matching: PublicItem = {
  id: 'q7',
  type: 'matching',
  prompt: 'P',
  lefts: [
    { id: 'l1', text: 'L1' },
    { id: 'l2', text: 'L2' },
  ],
  rights: [
    { id: 'r1', text: 'R1' },
    { id: 'r2', text: 'R2' },
  ],
};

describe('an untouched draft is not an answer', () => {
  it.each([single, multiple, truefalse, typed, numeric, ordering, matching])('$type', (item) => {
    const built = responseFromDraft(item, initialDraft(item));
    expect(built).toHaveProperty('missing');
    expect(isAnswered(item, initialDraft(item))).toBe(false);
  });
});

describe('when a draft counts as answered', () => {
  it('multiple select needs at least one tick', () => {
    const ticked = toggleChoice(initialDraft(multiple) as DraftOf<'multiple'>, 'm3');
    expect(responseFromDraft(multiple, ticked)).toEqual({ response: { choices: ['m3'] } });
    expect(isAnswered(multiple, toggleChoice(ticked, 'm3'))).toBe(false);
  });

  it('typed answers need more than spaces; numbers must parse', () => {
    expect(isAnswered(typed, { type: 'typed', text: '   ' })).toBe(false);
    expect(isAnswered(typed, { type: 'typed', text: 'Habomai' })).toBe(true);
    expect(responseFromDraft(numeric, numericDraft(' '))).toEqual({ missing: 'Enter a number.' });
    expect(responseFromDraft(numeric, numericDraft('lots'))).toEqual({ missing: 'Enter a number, in digits or words.' });
    expect(responseFromDraft(numeric, numericDraft('twelve'))).toEqual({ response: { value: 12 } });
    expect(responseFromDraft(numeric, numericDraft('0'))).toEqual({ response: { value: 0 } });
  });

  it('ordering counts once an entry moved or the order was confirmed', () => {
    const draft = initialDraft(ordering) as DraftOf<'ordering'>;
    expect(isAnswered(ordering, moveEntry(draft, 0, 1))).toBe(true);
    expect(responseFromDraft(ordering, { ...draft, touched: true })).toEqual({ response: { order: ['e1', 'e2', 'e3'] } });
  });

  it('matching needs every left side matched', () => {
    expect(responseFromDraft(matching, { type: 'matching', pairs: { l1: 'r2' } })).toEqual({
      missing: 'Choose a match for the last item.',
    });
    expect(responseFromDraft(matching, { type: 'matching', pairs: { l1: 'r2', l2: 'r1' } })).toEqual({
      response: { pairs: { l1: 'r2', l2: 'r1' } },
    });
  });

  it('matching refuses one right side chosen twice, saying so', () => {
    expect(responseFromDraft(matching, { type: 'matching', pairs: { l1: 'r1', l2: 'r1' } })).toEqual({
      missing: 'Each match can be used once: change one of the repeated choices.',
    });
  });
});

describe('number keys', () => {
  it('pick in single choice and true/false', () => {
    expect(draftForNumberKey(single, initialDraft(single), 2)).toEqual({ type: 'single', choice: 'k2p' });
    expect(draftForNumberKey(truefalse, initialDraft(truefalse), 2)).toEqual({ type: 'truefalse', value: false });
    expect(draftForNumberKey(truefalse, initialDraft(truefalse), 3)).toBeNull();
  });

  it('toggle in multiple select', () => {
    const once = draftForNumberKey(multiple, initialDraft(multiple), 3)!;
    expect(once).toEqual({ type: 'multiple', choices: ['z1'] });
    const twice = draftForNumberKey(multiple, draftForNumberKey(multiple, once, 1)!, 3);
    expect(twice).toEqual({ type: 'multiple', choices: ['r7'] });
  });

  it('mean nothing beyond the options or on other types', () => {
    expect(draftForNumberKey(single, initialDraft(single), 3)).toBeNull();
    expect(draftForNumberKey(single, initialDraft(single), 0)).toBeNull();
    expect(draftForNumberKey(ordering, initialDraft(ordering), 1)).toBeNull();
  });
});

describe('moveEntry', () => {
  const draft = initialDraft(ordering) as DraftOf<'ordering'>;
  it('moves an entry up or down and marks the order touched', () => {
    expect(moveEntry(draft, 2, 0)).toEqual({ type: 'ordering', order: ['e3', 'e1', 'e2'], touched: true });
    expect(moveEntry(draft, 0, 1).order).toEqual(['e2', 'e1', 'e3']);
  });
  it('does nothing past either end', () => {
    expect(moveEntry(draft, 0, -1)).toBe(draft);
    expect(moveEntry(draft, 2, 5)).toBe(draft);
    expect(moveEntry(draft, 7, 0)).toBe(draft);
  });
});

describe('duplicateMatches', () => {
  it('names the lefts that share a right side', () => {
    expect(duplicateMatches({ l1: 'r1', l2: 'r1', l3: 'r2' })).toEqual(new Map([['r1', ['l1', 'l2']]]));
    expect(duplicateMatches({ l1: 'r1', l2: 'r2' }).size).toBe(0);
  });
});
