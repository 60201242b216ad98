import { describe, expect, it } from 'vitest';
import { chooseQuizItems, quizOptionsSchema, typeCounts, type Candidate, type QuizOptions } from './options';

const set: Candidate[] = Array.from({ length: 26 }, (_, i) => ({
  id: `q${String(i + 1).padStart(2, '0')}`,
  type: i % 3 === 0 ? 'truefalse' : i % 3 === 1 ? 'single' : 'ordering',
}));
const ALL_TYPES = ['single', 'multiple', 'truefalse', 'typed', 'numeric', 'ordering', 'matching'] as const;

describe('chooseQuizItems', () => {
  it('asks the whole set in set order when asked to', () => {
    expect(chooseQuizItems(set, { length: 'all', order: 'set', types: [...ALL_TYPES] }, 's')).toEqual(set.map((c) => c.id));
  });

  it('shuffles the whole set by default, every question once', () => {
    const ids = chooseQuizItems(set, { length: 'all', order: 'shuffled', types: [...ALL_TYPES] }, 's');
    expect([...ids].sort()).toEqual(set.map((c) => c.id));
    expect(ids).not.toEqual(set.map((c) => c.id));
  });

  it('takes a sample of 10 or 20, kept in set order when asked', () => {
    const ten = chooseQuizItems(set, { length: '10', order: 'set', types: [...ALL_TYPES] }, 's');
    expect(ten).toHaveLength(10);
    expect(ten).toEqual([...ten].sort());
    expect(new Set(chooseQuizItems(set, { length: '20', order: 'shuffled', types: [...ALL_TYPES] }, 's')).size).toBe(20);
  });

  it('keeps only the chosen types, and all of them when fewer than the length', () => {
    const ids = chooseQuizItems(set, { length: '20', order: 'set', types: ['truefalse'] }, 's');
    expect(ids).toEqual(set.filter((c) => c.type === 'truefalse').map((c) => c.id));
    expect(chooseQuizItems(set, { length: 'all', order: 'set', types: ['matching'] }, 's')).toEqual([]);
  });

  it('gives different samples for different seeds, the same for the same', () => {
    const options: QuizOptions = { length: '10', order: 'shuffled', types: [...ALL_TYPES] };
    expect(chooseQuizItems(set, options, 'a')).toEqual(chooseQuizItems(set, options, 'a'));
    expect(chooseQuizItems(set, options, 'a')).not.toEqual(chooseQuizItems(set, options, 'b'));
  });
});

describe('quizOptionsSchema', () => {
  it('refuses no types, odd lengths and unknown types with a sentence', () => {
    expect(quizOptionsSchema.safeParse({ length: 'all', order: 'set', types: [] }).error?.issues[0]?.message).toBe(
      'Choose at least one type of question.',
    );
    expect(quizOptionsSchema.safeParse({ length: '15', order: 'set', types: ['single'] }).error?.issues[0]?.message).toBe(
      'Choose 10, 20 or all questions.',
    );
    expect(quizOptionsSchema.safeParse({ length: '10', order: 'set', types: ['card'] }).success).toBe(false);
  });
});

describe('typeCounts', () => {
  it('counts the types present, in a fixed order', () => {
    expect(typeCounts(set)).toEqual([
      { type: 'single', count: 9 },
      { type: 'truefalse', count: 9 },
      { type: 'ordering', count: 8 },
    ]);
  });
});
