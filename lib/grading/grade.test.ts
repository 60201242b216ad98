import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Item, MatchingItem, NumericItem, OrderingItem, TypedItem } from '@/lib/questions/schema';
import {
  CARD,
  MATCHING,
  MULTIPLE,
  NUMERIC,
  NUMERIC_TOLERANCE,
  NUMERIC_YEAR,
  ORDERING,
  QUIZ_SAMPLES,
  SINGLE,
  TRUE_FALSE,
  TYPED_GALUZIN,
  TYPED_HABOMAI,
  TYPED_HIKIWAKE,
  TYPED_JUDO,
  TYPED_MEETINGS,
  TYPED_PLAN,
  TYPED_WAR,
  TYPED_YEAR,
} from '@/lib/quiz/fixtures';
import { type QuizItem, presentItem, presentedEntries, presentedLefts, presentedRights } from '@/lib/quiz/present';
import { toPublicIds } from './author-ids';
import { gradeResponse, gradeTypedText } from './grade';
import { parseResponseFor, type QuizResponse } from './response';

const SEED = 'attempt-7';

/** Answers through the presentation, the way the browser would: by the ids it was shown. */
function orderBy(item: OrderingItem, authorOrder: string[], seed = SEED): string[] {
  const entries = presentedEntries(item, seed);
  return authorOrder.map((id) => entries.find((e) => e.authorId === id)!.publicId);
}
function pairsBy(item: MatchingItem, matches: Record<string, string>, seed = SEED): Record<string, string> {
  const rights = presentedRights(item, seed);
  const lefts = presentedLefts(item, seed);
  return Object.fromEntries(
    Object.entries(matches).map(([left, pairId]) => [
      lefts.find((l) => l.authorId === left)!.publicId,
      rights.find((r) => r.authorId === pairId)!.publicId,
    ]),
  );
}

/** The right answer, built only from what presentItem shows plus the key (as a learner who knows it would). */
function correctResponse(item: QuizItem, seed: string): QuizResponse {
  const shown = presentItem(item, seed);
  switch (item.type) {
    case 'single':
      if (shown.type !== 'single') throw new Error('not single');
      return { choice: shown.options.find((o) => o.text === item.options.find((a) => a.id === item.answer)!.text)!.id };
    case 'multiple':
      if (shown.type !== 'multiple') throw new Error('not multiple');
      return {
        choices: [...item.answer]
          .reverse()
          .map((key) => shown.options.find((o) => o.text === item.options.find((a) => a.id === key)!.text)!.id),
      };
    case 'truefalse':
      return { value: item.answer };
    case 'typed':
      return { text: item.answer };
    case 'numeric':
      return { value: item.answer };
    case 'ordering':
      if (shown.type !== 'ordering') throw new Error('not ordering');
      return { order: item.order.map((entry) => shown.entries.find((e) => e.text === entry.text)!.id) };
    case 'matching':
      if (shown.type !== 'matching') throw new Error('not matching');
      return {
        pairs: Object.fromEntries(
          item.pairs.map((p) => [shown.lefts.find((l) => l.text === p.left)!.id, shown.rights.find((r) => r.text === p.right)!.id]),
        ),
      };
  }
}

const typed = (item: TypedItem, text: string) => gradeTypedText(item, text);

/** Grades a response written in author ids, sent as the browser would: by the ids it was shown. */
const gradeAuthored = (item: QuizItem, response: QuizResponse, seed = SEED) => gradeResponse(item, toPublicIds(item, response, seed), seed);

describe('single and true/false', () => {
  it('score 1 for the key and 0 otherwise', () => {
    expect(gradeAuthored(SINGLE, { choice: 'b' })).toEqual({ score: 1, correct: true });
    expect(gradeAuthored(SINGLE, { choice: 'a' })).toEqual({ score: 0, correct: false });
    expect(gradeResponse(TRUE_FALSE, { value: false }, SEED)).toEqual({ score: 1, correct: true });
    expect(gradeResponse(TRUE_FALSE, { value: true }, SEED)).toEqual({ score: 0, correct: false });
  });
});

describe('author ids sent instead of the ids shown', () => {
  it('score nothing, so ticking "a" and "b" blind gains nothing', () => {
    expect(gradeResponse(SINGLE, { choice: SINGLE.answer }, SEED).score).toBe(0);
    expect(gradeResponse(MULTIPLE, { choices: [...MULTIPLE.answer] }, SEED).score).toBe(0);
    expect(gradeResponse(MULTIPLE, { choices: ['a', 'b'] }, SEED).score).toBe(0);
    expect(gradeResponse(ORDERING, { order: ORDERING.order.map((e) => e.id) }, SEED).score).toBe(0);
  });
});

describe('typed', () => {
  it('accepts the answer whatever its case, accents, spacing and punctuation', () => {
    for (const text of ['Habomai', 'habomai', 'HABOMAI', 'Habomaï', '  Habomai  ', 'Habomai.', '"Habomai"', 'the Habomai']) {
      expect(typed(TYPED_HABOMAI, text), text).toEqual({ score: 1, correct: true, matched: 'Habomai' });
    }
  });

  it('accepts the alternatives in accept and says which one matched', () => {
    expect(typed(TYPED_HABOMAI, 'Habomai islets')).toMatchObject({ score: 1, matched: 'the Habomai islets' });
    expect(typed(TYPED_WAR, 'World War II')).toMatchObject({ score: 1, matched: 'World War II' });
    expect(typed(TYPED_WAR, 'ww2')).toMatchObject({ score: 1, matched: 'WW2' });
    expect(typed(TYPED_GALUZIN, 'Mikhail Galuzin')).toMatchObject({ score: 1, matched: 'Mikhail Galuzin' });
  });

  it('scores empty or whitespace-only text 0', () => {
    expect(typed(TYPED_HABOMAI, '')).toEqual({ score: 0, correct: false });
    expect(typed(TYPED_HABOMAI, '   \t ')).toEqual({ score: 0, correct: false });
    expect(typed(TYPED_HABOMAI, '?!')).toEqual({ score: 0, correct: false });
  });

  it('reads number words as digits', () => {
    expect(typed(TYPED_MEETINGS, 'twenty-seven')).toEqual({ score: 1, correct: true, matched: '27' });
    expect(typed(TYPED_MEETINGS, 'Twenty seven')).toMatchObject({ score: 1 });
    expect(typed(TYPED_MEETINGS, '28')).toMatchObject({ score: 0 });
    expect(typed(TYPED_PLAN, 'eight-point')).toMatchObject({ score: 1, matched: '8-point' });
    expect(typed(TYPED_PLAN, 'eight point')).toMatchObject({ score: 1 });
    expect(typed(TYPED_PLAN, '8 point')).toMatchObject({ score: 1 });
    expect(typed(TYPED_WAR, '2nd World War')).toMatchObject({ score: 1, matched: 'Second World War' });
    expect(typed(TYPED_WAR, 'World War two')).toMatchObject({ score: 1 });
  });

  it('gives one slip to a 4-letter answer and none to a 3-letter one', () => {
    expect(typed(TYPED_JUDO, 'juda')).toEqual({ score: 1, correct: true, typo: true, matched: 'judo' });
    expect(typed(TYPED_JUDO, 'jduo')).toMatchObject({ score: 1, typo: true }); // a swap is one slip
    expect(typed(TYPED_JUDO, 'jda')).toMatchObject({ score: 0 });
    const abe: TypedItem = { ...TYPED_JUDO, id: 'pp-007', answer: 'Abe' };
    expect(typed(abe, 'Abe')).toMatchObject({ score: 1 });
    expect(typed(abe, 'Abr')).toEqual({ score: 0, correct: false });
    expect(typed(abe, 'Aeb')).toEqual({ score: 0, correct: false });
  });

  it('gives one slip to a 7-letter answer and two to an 8-letter one', () => {
    expect(typed(TYPED_GALUZIN, 'Galuzni')).toMatchObject({ score: 1, typo: true, matched: 'Galuzin' });
    expect(typed(TYPED_GALUZIN, 'Golusin')).toMatchObject({ score: 0 });
    expect(typed(TYPED_HIKIWAKE, 'hixiwake')).toMatchObject({ score: 1, typo: true });
    expect(typed(TYPED_HIKIWAKE, 'hixiwaxe')).toMatchObject({ score: 1, typo: true });
    expect(typed(TYPED_HIKIWAKE, 'hkiiwaek')).toMatchObject({ score: 1, typo: true }); // two swaps
    expect(typed(TYPED_HIKIWAKE, 'hixixaxe')).toEqual({ score: 0, correct: false });
  });

  it('measures the allowance on the accepted form, so a long alternative allows more', () => {
    expect(typed(TYPED_WAR, 'Secnd World War')).toMatchObject({ score: 1, typo: true, matched: 'Second World War' });
    expect(typed(TYPED_WAR, 'Seocnd Wrold War')).toMatchObject({ score: 1, typo: true });
    expect(typed(TYPED_WAR, 'WWI')).toMatchObject({ score: 0 }); // 4-letter "wwii" would allow one slip, but…
  });

  it('never lets a slip change a number', () => {
    expect(typed(TYPED_YEAR, '1956')).toMatchObject({ score: 1 });
    expect(typed(TYPED_YEAR, '1957')).toEqual({ score: 0, correct: false });
    expect(typed(TYPED_YEAR, '196')).toEqual({ score: 0, correct: false });
    expect(typed(TYPED_PLAN, 'eighty point')).toEqual({ score: 0, correct: false });
    expect(typed(TYPED_PLAN, '9-point')).toEqual({ score: 0, correct: false });
    expect(typed(TYPED_WAR, 'First World War')).toEqual({ score: 0, correct: false });
    expect(typed(TYPED_WAR, 'World War I')).toEqual({ score: 0, correct: false });
    // …while a slip in the words around the number still counts as one.
    expect(typed(TYPED_PLAN, '8-piont')).toMatchObject({ score: 1, typo: true });
    expect(typed(TYPED_PLAN, '8point')).toMatchObject({ score: 1, typo: true });
  });

  it('refuses a wrong answer', () => {
    expect(typed(TYPED_HABOMAI, 'Shikotan')).toEqual({ score: 0, correct: false });
    expect(typed(TYPED_HABOMAI, 'Habomai and Shikotan')).toEqual({ score: 0, correct: false });
  });

  it('goes through gradeResponse', () => {
    expect(gradeResponse(TYPED_HABOMAI, { text: 'Habomaï' }, SEED)).toMatchObject({ score: 1, correct: true });
  });
});

describe('numeric', () => {
  it('wants the exact answer when there is no tolerance', () => {
    expect(gradeResponse(NUMERIC, { value: 27 }, SEED)).toEqual({ score: 1, correct: true });
    expect(gradeResponse(NUMERIC, { value: 27.001 }, SEED)).toEqual({ score: 0, correct: false });
    expect(gradeResponse(NUMERIC, { value: 26 }, SEED)).toEqual({ score: 0, correct: false });
    expect(gradeResponse(NUMERIC_YEAR, { value: 1956 }, SEED)).toMatchObject({ score: 1 });
    expect(gradeResponse(NUMERIC_YEAR, { value: 1957 }, SEED)).toMatchObject({ score: 0 });
  });

  it('accepts a value exactly at the tolerance and refuses one just beyond it', () => {
    expect(gradeResponse(NUMERIC_TOLERANCE, { value: 22.5 }, SEED)).toMatchObject({ score: 1 });
    expect(gradeResponse(NUMERIC_TOLERANCE, { value: 17.5 }, SEED)).toMatchObject({ score: 1 });
    expect(gradeResponse(NUMERIC_TOLERANCE, { value: 22.5001 }, SEED)).toMatchObject({ score: 0 });
    expect(gradeResponse(NUMERIC_TOLERANCE, { value: 17.4999 }, SEED)).toMatchObject({ score: 0 });
  });

  it('is not fooled by floating-point edges', () => {
    const item: NumericItem = { ...NUMERIC, answer: 0.3, tolerance: 0.1 };
    expect(Math.abs(0.4 - 0.3) > 0.1).toBe(true); // the trap
    expect(gradeResponse(item, { value: 0.4 }, SEED)).toMatchObject({ score: 1 });
    expect(gradeResponse(item, { value: 0.2 }, SEED)).toMatchObject({ score: 1 });
    expect(gradeResponse(item, { value: 0.4001 }, SEED)).toMatchObject({ score: 0 });
    expect(gradeResponse({ ...NUMERIC, answer: 0.3 }, { value: 0.1 + 0.2 }, SEED)).toMatchObject({ score: 1 });
    expect(gradeResponse({ ...NUMERIC, answer: -5, tolerance: 1 }, { value: -6 }, SEED)).toMatchObject({ score: 1 });
    expect(gradeResponse({ ...NUMERIC, answer: -5, tolerance: 1 }, { value: -6.01 }, SEED)).toMatchObject({ score: 0 });
  });
});

describe('multiple', () => {
  const grade = (choices: string[]) => gradeAuthored(MULTIPLE, { choices }).score;

  it('gives (right − wrong) / keys, never below 0', () => {
    expect(grade(['a', 'b', 'c'])).toBe(1);
    expect(grade(['a', 'b'])).toBe(0.6667);
    expect(grade(['a'])).toBe(0.3333);
    expect(grade(['a', 'b', 'c', 'd'])).toBe(0.6667);
    expect(grade(['a', 'b', 'c', 'd', 'e'])).toBe(0.3333);
    expect(grade(['a', 'd'])).toBe(0);
    expect(grade(['a', 'd', 'e'])).toBe(0);
    expect(grade(['d', 'e'])).toBe(0);
    expect(grade([])).toBe(0);
  });

  it('counts a duplicate pick once', () => {
    expect(grade(['a', 'a', 'a'])).toBe(0.3333);
    expect(grade(['a', 'b', 'b', 'c', 'c'])).toBe(1);
    expect(grade(['a', 'b', 'c', 'd', 'd'])).toBe(0.6667);
  });

  it('is correct only with every key and no wrong pick', () => {
    expect(gradeAuthored(MULTIPLE, { choices: ['c', 'a', 'b'] }).correct).toBe(true);
    expect(gradeAuthored(MULTIPLE, { choices: ['a', 'b', 'c', 'e'] }).correct).toBe(false);
  });
});

describe('ordering', () => {
  const grade = (authorOrder: string[]) => gradeResponse(ORDERING, { order: orderBy(ORDERING, authorOrder) }, SEED).score;

  it('gives the share of entries in their right place', () => {
    expect(grade(['a', 'b', 'c', 'd'])).toBe(1);
    expect(grade(['b', 'a', 'c', 'd'])).toBe(0.5);
    expect(grade(['a', 'c', 'b', 'd'])).toBe(0.5);
    expect(grade(['a', 'b', 'd', 'c'])).toBe(0.5);
    expect(grade(['a', 'c', 'd', 'b'])).toBe(0.25);
    expect(grade(['d', 'c', 'b', 'a'])).toBe(0);
    expect(grade(['b', 'c', 'd', 'a'])).toBe(0);
  });

  it('scores 0 when the ids come from another presentation', () => {
    expect(gradeResponse(ORDERING, { order: orderBy(ORDERING, ['a', 'b', 'c', 'd'], 'other') }, SEED).score).toBe(0);
  });
});

describe('matching', () => {
  const grade = (matches: Record<string, string>) => gradeResponse(MATCHING, { pairs: pairsBy(MATCHING, matches) }, SEED).score;

  it('gives the share of pairs matched right', () => {
    expect(grade({ a: 'a', b: 'b', c: 'c', d: 'd' })).toBe(1);
    expect(grade({ a: 'a', b: 'b', c: 'd', d: 'c' })).toBe(0.5);
    expect(grade({ a: 'b', b: 'a', c: 'd', d: 'c' })).toBe(0);
    expect(grade({ a: 'a', b: 'c', c: 'd', d: 'b' })).toBe(0.25);
  });

  it('counts an unmatched left as wrong', () => {
    expect(grade({ a: 'a', b: 'b', c: 'c' })).toBe(0.75);
    expect(grade({})).toBe(0);
  });

  it('credits a right used twice at most once', () => {
    expect(grade({ a: 'a', b: 'a', c: 'a', d: 'a' })).toBe(0.25);
  });

  it('never credits a right named by its pair id', () => {
    expect(gradeResponse(MATCHING, { pairs: { a: 'a', b: 'b', c: 'c', d: 'd' } }, SEED).score).toBe(0);
    const lefts = presentedLefts(MATCHING, SEED);
    expect(gradeResponse(MATCHING, { pairs: Object.fromEntries(lefts.map((l) => [l.publicId, l.authorId])) }, SEED).score).toBe(0);
  });
});

describe('scores', () => {
  it('are rounded to 4 decimals', () => {
    const seven: OrderingItem = { ...ORDERING, order: 'abcdefg'.split('').map((id) => ({ id, text: `Step ${id}` })) };
    expect(gradeResponse(seven, { order: orderBy(seven, ['a', 'c', 'b', 'e', 'd', 'g', 'f']) }, SEED).score).toBe(0.1429);
  });

  it('refuse cards and responses of another type', () => {
    expect(() => gradeResponse(CARD as Item, { text: 'x' }, SEED)).toThrow(/flashcard/);
    expect(() => gradeResponse(SINGLE as Item, { text: 'b' }, SEED)).toThrow(/parseResponseFor/);
    expect(() => gradeResponse(TRUE_FALSE as Item, { value: 1 }, SEED)).toThrow();
    expect(() => gradeResponse(NUMERIC as Item, { value: true }, SEED)).toThrow();
  });
});

describe('properties', () => {
  const seed = fc.string({ maxLength: 20 });

  it('a correct answer through any presentation scores 1, and passes parseResponseFor', () => {
    fc.assert(
      fc.property(seed, fc.constantFrom(...QUIZ_SAMPLES), (s, item) => {
        const response = correctResponse(item, s);
        expect(parseResponseFor(item, response, s).ok).toBe(true);
        expect(gradeResponse(item, response, s)).toMatchObject({ score: 1, correct: true });
      }),
      { numRuns: 500 },
    );
  });

  it('a response scores the same whatever the seed it was presented with', () => {
    fc.assert(
      fc.property(seed, seed, fc.shuffledSubarray(['a', 'b', 'c', 'd'], { minLength: 4 }), (s1, s2, order) => {
        expect(gradeResponse(ORDERING, { order: orderBy(ORDERING, order, s1) }, s1).score).toBe(
          gradeResponse(ORDERING, { order: orderBy(ORDERING, order, s2) }, s2).score,
        );
        const matches = Object.fromEntries(order.map((pairId, i) => ['abcd'[i]!, pairId]));
        expect(gradeResponse(MATCHING, { pairs: pairsBy(MATCHING, matches, s1) }, s1).score).toBe(
          gradeResponse(MATCHING, { pairs: pairsBy(MATCHING, matches, s2) }, s2).score,
        );
      }),
    );
  });

  it('the order of choices does not change the score', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 8 }), fc.integer(), (choices, n) => {
        const rotated = [...choices.slice(n % (choices.length || 1)), ...choices.slice(0, n % (choices.length || 1))];
        expect(gradeAuthored(MULTIPLE, { choices: rotated }).score).toBe(gradeAuthored(MULTIPLE, { choices }).score);
        expect(gradeAuthored(MULTIPLE, { choices: [...choices].reverse() }).score).toBe(gradeAuthored(MULTIPLE, { choices }).score);
      }),
    );
  });

  it('scores always lie within [0, 1] and are correct exactly at 1', () => {
    const inRange = (item: Item, response: QuizResponse, s: string) => {
      const { score, correct } = gradeResponse(item, response, s);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
      expect(correct).toBe(score === 1);
    };
    fc.assert(
      fc.property(seed, fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'z'), { maxLength: 12 }), (s, choices) => {
        inRange(MULTIPLE, { choices }, s);
        inRange(SINGLE, { choice: choices[0] ?? '' }, s);
      }),
    );
    fc.assert(fc.property(seed, fc.string({ maxLength: 40 }), (s, text) => inRange(TYPED_WAR, { text }, s)));
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => inRange(NUMERIC_TOLERANCE, { value }, SEED)));
    fc.assert(
      fc.property(seed, fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 6 }), (s, picks) => {
        const shown = presentedEntries(ORDERING, s);
        inRange(ORDERING, { order: picks.map((p) => shown.find((e) => e.authorId === p)!.publicId) }, s);
        inRange(MATCHING, { pairs: pairsBy(MATCHING, Object.fromEntries(picks.map((p, i) => ['abcd'[i % 4]!, p])), s) }, s);
      }),
    );
  });

  it('typed grading ignores case and surrounding space', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(TYPED_WAR, TYPED_HABOMAI, TYPED_PLAN, TYPED_JUDO, TYPED_GALUZIN),
        fc.boolean(),
        fc.nat(3),
        (item, upper, pad) => {
          const text = ' '.repeat(pad) + (upper ? item.answer.toUpperCase() : item.answer.toLowerCase()) + ' '.repeat(pad);
          expect(gradeTypedText(item, text)).toMatchObject({ score: 1, correct: true });
        },
      ),
    );
  });
});
