import { describe, expect, it } from 'vitest';
import { CARD, MATCHING, MULTIPLE, NUMERIC, ORDERING, SINGLE, TRUE_FALSE, TYPED_WAR } from '@/lib/quiz/fixtures';
import { presentedEntries, presentedLefts, presentedOptions, presentedRights } from '@/lib/quiz/present';
import { parseResponseFor, responseSchema } from './response';

const SEED = 'attempt-42';
const entryIds = presentedEntries(ORDERING, SEED).map((e) => e.publicId);
const rightIds = presentedRights(MATCHING, SEED).map((r) => r.publicId);
const left = (pairId: string) => presentedLefts(MATCHING, SEED).find((l) => l.authorId === pairId)!.publicId;
const single = (authorId: string) => presentedOptions(SINGLE, SEED).find((o) => o.authorId === authorId)!.publicId;
const multiple = (authorId: string) => presentedOptions(MULTIPLE, SEED).find((o) => o.authorId === authorId)!.publicId;

describe('responseSchema', () => {
  it('accepts each shape of the contract', () => {
    for (const body of [
      { choice: 'a' },
      { choices: ['a', 'b'] },
      { value: true },
      { text: 'Habomai' },
      { value: 27 },
      { order: ['x', 'y'] },
      { pairs: { a: 'x' } },
    ]) {
      expect(responseSchema.safeParse(body).success, JSON.stringify(body)).toBe(true);
    }
  });

  it('refuses extra fields, long text, long lists and numbers that are not finite', () => {
    for (const body of [
      { choice: 'a', extra: 1 },
      { text: 'x'.repeat(501) },
      { choices: Array.from({ length: 51 }, (_, i) => String(i)) },
      { value: Infinity },
      { value: Number.NaN },
      { value: '27' },
      { pairs: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [String(i), 'x'])) },
      null,
      'a',
    ]) {
      expect(responseSchema.safeParse(body).success, JSON.stringify(body)).toBe(false);
    }
    expect(responseSchema.safeParse({ text: 'x'.repeat(500) }).success).toBe(true);
  });
});

describe('parseResponseFor', () => {
  it('accepts a response of the right shape with ids the learner was shown', () => {
    expect(parseResponseFor(SINGLE, { choice: single('b') }, SEED)).toEqual({ ok: true, response: { choice: single('b') } });
    expect(parseResponseFor(SINGLE, { choice: 'b' }, SEED).ok).toBe(false);
    expect(parseResponseFor(MULTIPLE, { choices: [multiple('a'), multiple('a'), multiple('d')] }, SEED).ok).toBe(true);
    expect(parseResponseFor(MULTIPLE, { choices: [] }, SEED).ok).toBe(true);
    expect(parseResponseFor(TRUE_FALSE, { value: false }, SEED).ok).toBe(true);
    expect(parseResponseFor(TYPED_WAR, { text: '' }, SEED).ok).toBe(true);
    expect(parseResponseFor(NUMERIC, { value: -0.5 }, SEED).ok).toBe(true);
    expect(parseResponseFor(ORDERING, { order: [...entryIds].reverse() }, SEED).ok).toBe(true);
    expect(parseResponseFor(MATCHING, { pairs: { [left('a')]: rightIds[0], [left('c')]: rightIds[0] } }, SEED).ok).toBe(true);
    expect(parseResponseFor(MATCHING, { pairs: {} }, SEED).ok).toBe(true);
  });

  it('names an option that is not one of the question’s', () => {
    expect(parseResponseFor(SINGLE, { choice: 'z' }, SEED)).toEqual({
      ok: false,
      message: 'choice "z" is not one of this question\'s options',
      path: ['choice'],
    });
    expect(parseResponseFor(MULTIPLE, { choices: [multiple('a'), 'z'] }, SEED)).toEqual({
      ok: false,
      message: 'choice "z" is not one of this question\'s options',
      path: ['choices', 1],
    });
  });

  it('wants an ordering to be a permutation of the presented ids', () => {
    expect(parseResponseFor(ORDERING, { order: ['a', 'b', 'c', 'd'] }, SEED)).toEqual({
      ok: false,
      message: 'entry "a" is not one of this question\'s entries',
      path: ['order', 0],
    });
    expect(parseResponseFor(ORDERING, { order: [entryIds[0], entryIds[0], entryIds[1], entryIds[2]] }, SEED)).toMatchObject({
      ok: false,
      message: expect.stringContaining('is listed twice'),
      path: ['order', 1],
    });
    expect(parseResponseFor(ORDERING, { order: entryIds.slice(0, 3) }, SEED)).toEqual({
      ok: false,
      message: 'order lists 3 of the 4 entries; put every entry in the order',
      path: ['order'],
    });
    expect(parseResponseFor(ORDERING, { order: entryIds }, 'another-seed').ok).toBe(false);
  });

  it('wants matching keys to be lefts and values presented rights', () => {
    expect(parseResponseFor(MATCHING, { pairs: { a: rightIds[0] } }, SEED).ok).toBe(false);
    expect(parseResponseFor(MATCHING, { pairs: { z: rightIds[0] } }, SEED)).toEqual({
      ok: false,
      message: '"z" is not one of this question\'s left-hand items',
      path: ['pairs', 'z'],
    });
    // A right named by its pair id is refused: the learner never saw it.
    expect(parseResponseFor(MATCHING, { pairs: { [left('a')]: 'a' } }, SEED)).toEqual({
      ok: false,
      message: `the match "a" for "${left('a')}" is not one of this question's right-hand items`,
      path: ['pairs', left('a')],
    });
    expect(parseResponseFor(MATCHING, JSON.parse(`{"pairs":{"__proto__":"${rightIds[0]}"}}`), SEED).ok).toBe(false);
  });

  it('explains a malformed response in plain words, naming the field', () => {
    expect(parseResponseFor(SINGLE, { choices: ['a'] }, SEED)).toEqual({
      ok: false,
      message: 'choice is missing; a single-choice answer looks like { "choice": "<option id>" }',
      path: ['choice'],
    });
    expect(parseResponseFor(SINGLE, { choice: 'a', extra: true }, SEED)).toEqual({
      ok: false,
      message: 'has unknown field "extra"; a single-choice answer looks like { "choice": "<option id>" }',
      path: [],
    });
    expect(parseResponseFor(TRUE_FALSE, { value: 'true' }, SEED)).toEqual({
      ok: false,
      message: 'value must be true or false, not the text "true"',
      path: ['value'],
    });
    expect(parseResponseFor(NUMERIC, { value: '27' }, SEED)).toMatchObject({
      ok: false,
      message: 'value must be a number, not the text "27"',
    });
    expect(parseResponseFor(NUMERIC, { value: Infinity }, SEED)).toMatchObject({ ok: false, message: 'value must be a finite number' });
    expect(parseResponseFor(TYPED_WAR, { text: 'x'.repeat(501) }, SEED)).toEqual({
      ok: false,
      message: 'text must be at most 500 characters',
      path: ['text'],
    });
    expect(parseResponseFor(MULTIPLE, { choices: ['a', 3] }, SEED)).toMatchObject({
      ok: false,
      message: 'choices[1] must be text, not number 3',
      path: ['choices', 1],
    });
    expect(parseResponseFor(ORDERING, { order: Array.from({ length: 51 }, () => 'x') }, SEED)).toMatchObject({
      ok: false,
      message: 'order must list at most 50 entries',
    });
    expect(parseResponseFor(TYPED_WAR, 'Second World War', SEED)).toEqual({
      ok: false,
      message: 'a typed answer must be an object like { "text": "…" }, not the text "Second World War"',
      path: [],
    });
    expect(parseResponseFor(MATCHING, { pairs: { ['k'.repeat(501)]: 'x' } }, SEED)).toMatchObject({
      ok: false,
      message: 'pairs has a key longer than 500 characters',
      path: ['pairs'],
    });
  });

  it('refuses a response for a card', () => {
    expect(parseResponseFor(CARD, { text: 'The Northern Territories' }, SEED)).toMatchObject({
      ok: false,
      message: expect.stringContaining('flashcard'),
    });
  });
});
