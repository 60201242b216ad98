import { describe, expect, it } from 'vitest';
import { loadContent } from './bundle';
import { FIXTURE_ARTICLE } from './fixtures';
import { formatKeyPositions, keyPositions, MIN_ITEMS_JUDGED } from './key-positions';
import type { Item } from './schema';

const base = { explanation: 'Because.', source: 'A quote.' };
const letters = ['a', 'b', 'c', 'd', 'e'];
const single = (n: number, key: number, options = 4): Item => ({
  ...base,
  id: `s-${n}`,
  type: 'single',
  prompt: `Single ${n}?`,
  options: letters.slice(0, options).map((id) => ({ id, text: `Option ${id}` })),
  answer: letters[key]!,
});
const multiple = (n: number, keys: number[], options = 5): Item => ({
  ...base,
  id: `m-${n}`,
  type: 'multiple',
  prompt: `Multiple ${n}?`,
  options: letters.slice(0, options).map((id) => ({ id, text: `Option ${id}` })),
  answer: keys.map((k) => letters[k]!),
});

describe('the key-position balance check', () => {
  it('passes keys spread evenly and prints the distribution', () => {
    const items = Array.from({ length: 12 }, (_, n) => single(n, n % 4));
    const [singles] = keyPositions(items);
    expect(singles!.problems).toEqual([]);
    expect(formatKeyPositions(singles!)).toBe('single (12 items), keys per position / expected: a 3/3.0 · b 3/3.0 · c 3/3.0 · d 3/3.0');
  });

  it('fails single-choice keys that crowd one position', () => {
    const items = Array.from({ length: 12 }, (_, n) => single(n, n < 10 ? 0 : n % 4));
    const [singles] = keyPositions(items);
    expect(singles!.problems).toEqual([
      'single-choice keys are lopsided: option a (position 1) holds 10 keys where balanced authoring gives 3.0 ± 1.5; move keys to other positions',
    ]);
  });

  it('fails multiple-select keys that are always the first-authored options, as the bank once had them', () => {
    const items = Array.from({ length: 13 }, (_, n) => multiple(n, n % 3 === 0 ? [0, 1, 2] : [0, 1]));
    const [, multiples] = keyPositions(items);
    expect(multiples!.problems.map((p) => p.split(' holds')[0])).toEqual([
      'multiple-choice keys are lopsided: option a (position 1)',
      'multiple-choice keys are lopsided: option b (position 2)',
      'multiple-choice keys are lopsided: option d (position 4)',
      'multiple-choice keys are lopsided: option e (position 5)',
    ]);
    const shuffled = Array.from({ length: 13 }, (_, n) => multiple(n, [n % 5, (n + 2) % 5]));
    expect(keyPositions(shuffled)[1]!.problems).toEqual([]);
  });

  it(`reports but does not judge fewer than ${MIN_ITEMS_JUDGED} items of a type`, () => {
    const items = Array.from({ length: MIN_ITEMS_JUDGED - 1 }, (_, n) => single(n, 0));
    const [singles] = keyPositions(items);
    expect(singles!.rows[0]).toMatchObject({ position: 1, keys: MIN_ITEMS_JUDGED - 1 });
    expect(singles!.problems).toEqual([]);
  });

  it('is enforced by loadContent across all the sets of an article', () => {
    const item = (n: number) => `  - id: kp-${n}
    type: single
    prompt: When were the islands seized, case ${n}?
    options:
      - id: a
        text: August 1945
      - id: b
        text: May 1956
      - id: c
        text: March 2012
    answer: a
    explanation: The article dates the seizure to August 1945.
    source: The islands were seized in August 1945
`;
    const set = (id: string, from: number) => `id: ${id}\ntitle: ${id}\ndescription: Keys all first.\nitems:\n${[0, 1, 2, 3, 4].map((n) => item(from + n)).join('')}`;
    const bundle = loadContent([
      { slug: 'kp', article: { file: 'questions/kp/article.md', text: FIXTURE_ARTICLE }, sets: [{ file: 'questions/kp/one.yaml', text: set('one', 0) }, { file: 'questions/kp/two.yaml', text: set('two', 5) }] },
    ]);
    expect(bundle.problems).toEqual([
      {
        file: 'questions/kp/article.md',
        where: null,
        message: expect.stringMatching(/^across the question sets, single-choice keys are lopsided: option a \(position 1\) holds 10 keys/),
      },
    ]);
  });
});
