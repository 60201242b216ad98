import { describe, expect, it } from 'vitest';
import {
  acceptHasNoDuplicates,
  checkItemRules,
  enoughEntries,
  keyIsNotLongest,
  matchingRightsDistinct,
  multipleHasKeysAndDistractors,
  negativesInCapitals,
  noAllOfTheAbove,
  optionsAreDistinct,
  singleHasThreeToFiveOptions,
  typedAnswerIsShort,
} from './rules';
import type { Item } from './schema';

const base = { explanation: 'Because.', source: 'A quote from the article.' };
const single = (options: string[], answer = 'a'): Item => ({
  ...base,
  id: 'r-1',
  type: 'single',
  prompt: 'Which one?',
  options: options.map((text, i) => ({ id: String.fromCharCode(97 + i), text })),
  answer,
});

describe('item rules', () => {
  it('a single-choice item has 3–5 options', () => {
    expect(singleHasThreeToFiveOptions(single(['Abe', 'Putin']))).toHaveLength(1);
    expect(singleHasThreeToFiveOptions(single(['A', 'B', 'C', 'D', 'E', 'F']))).toHaveLength(1);
    expect(singleHasThreeToFiveOptions(single(['Abe', 'Putin', 'Kishida']))).toEqual([]);
  });

  it('options are distinct, ignoring case, accents and spacing', () => {
    expect(optionsAreDistinct(single(['Habomai', 'habomai ', 'Shikotan']))).toEqual(['options a and b read the same ("habomai ")']);
    expect(optionsAreDistinct(single(['Medvedev', 'Médvedev', 'Putin']))).toHaveLength(1);
    expect(optionsAreDistinct(single(['Abe', 'Putin', 'Kishida']))).toEqual([]);
  });

  it('the key is not more than 1.5 times longer than the longest distractor', () => {
    expect(keyIsNotLongest(single(['a very much longer key than the rest', 'short one', 'tiny']))).toHaveLength(1);
    expect(keyIsNotLongest(single(['fifteen chars!!', 'ten chars!', 'x'], 'a'))).toEqual([]);
  });

  it('no "all of the above"', () => {
    expect(noAllOfTheAbove(single(['Abe', 'Putin', 'All of the above']))).toHaveLength(1);
    expect(noAllOfTheAbove(single(['Abe', 'Putin', 'Above all, Kishida']))).toEqual([]);
  });

  it('NOT and EXCEPT are written in capitals', () => {
    const ask = (prompt: string): Item => ({ ...base, id: 'r-2', type: 'truefalse', prompt, answer: true });
    expect(negativesInCapitals(ask('Japan did not expel diplomats.'))).toEqual([
      'the prompt\'s "not" must be written in capitals (NOT) so nobody misreads it',
    ]);
    expect(negativesInCapitals(ask('All of these EXCEPT one, except that…'))).toHaveLength(1);
    expect(negativesInCapitals(ask('Japan did NOT expel diplomats; another note cannot matter.'))).toEqual([]);
  });

  it('matching and ordering items have at least three entries', () => {
    const ordering: Item = { ...base, id: 'r-3', type: 'ordering', prompt: 'Order them.', order: [{ id: 'a', text: '1945' }, { id: 'b', text: '1956' }] };
    const matching: Item = { ...base, id: 'r-4', type: 'matching', prompt: 'Match.', pairs: [{ id: 'a', left: 'Abe', right: 'Japan' }, { id: 'b', left: 'Putin', right: 'Russia' }] };
    expect(enoughEntries(ordering)).toHaveLength(1);
    expect(enoughEntries(matching)).toHaveLength(1);
  });

  it('matching sides are distinct', () => {
    const matching: Item = {
      ...base,
      id: 'r-5',
      type: 'matching',
      prompt: 'Match.',
      pairs: [
        { id: 'a', left: 'Abe', right: 'Japan' },
        { id: 'b', left: 'Kishida', right: 'japan' },
        { id: 'c', left: 'Putin', right: 'Russia' },
      ],
    };
    expect(matchingRightsDistinct(matching)).toEqual(['two pairs have the same right side ("japan"), so the match is ambiguous']);
  });

  it('a multiple-select item keeps at least one wrong option', () => {
    const item: Item = { ...base, id: 'r-6', type: 'multiple', prompt: 'Which?', options: [{ id: 'a', text: 'x' }, { id: 'b', text: 'y' }], answer: ['a', 'b'] };
    expect(multipleHasKeysAndDistractors(item)).toHaveLength(1);
  });

  it('typed answers are short and their accept list has no duplicates', () => {
    const typed = (answer: string, accept?: string[]): Item => ({ ...base, id: 'r-7', type: 'typed', prompt: 'Name it.', answer, accept });
    expect(typedAnswerIsShort(typed('the four northern islands seized in 1945'))).toHaveLength(1);
    expect(typedAnswerIsShort(typed('Habomai'))).toEqual([]);
    expect(acceptHasNoDuplicates(typed('Habomai', ['Habomai islets', 'habomai islets']))).toHaveLength(1);
    expect(acceptHasNoDuplicates(typed('Habomai', ['HABOMAI']))).toHaveLength(1);
    expect(acceptHasNoDuplicates(typed('Habomai', ['the Habomai islets']))).toEqual([]);
  });

  it('a well-written item passes every rule', () => {
    expect(checkItemRules(single(['Mikhail Galuzin', 'Dmitry Medvedev', 'Fumio Kishida']))).toEqual([]);
  });
});
