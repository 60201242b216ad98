import { describe, expect, it } from 'vitest';
import { MATCHING, MULTIPLE, NUMERIC, ORDERING, SINGLE, TRUE_FALSE } from '@/lib/quiz/fixtures';
import { presentItem } from '@/lib/quiz/present';
import { answerMarks } from './marks';

const SEED = 'marks-seed';

describe('answerMarks', () => {
  it('marks the chosen and the correct options of a single choice by the ids shown', () => {
    const marks = answerMarks(SINGLE, { choice: 'c' }, SEED);
    expect(marks?.type).toBe('choices');
    if (marks?.type !== 'choices') return;
    expect(marks.options.map((o) => o.id).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(marks.options.find((o) => o.chosen)?.id).toBe('c');
    expect(marks.options.filter((o) => o.correct).map((o) => o.id)).toEqual(['b']);
  });

  it('marks every key of a multiple select, ticked or not', () => {
    const marks = answerMarks(MULTIPLE, { choices: ['a', 'd'] }, SEED);
    if (marks?.type !== 'choices') throw new Error('expected choices');
    const byId = Object.fromEntries(marks.options.map((o) => [o.id, [o.chosen, o.correct]]));
    expect(byId).toEqual({ a: [true, true], b: [false, true], c: [false, true], d: [true, false], e: [false, false] });
  });

  it('gives true/false both sides', () => {
    expect(answerMarks(TRUE_FALSE, { value: true }, SEED)).toEqual({ type: 'truefalse', chosen: true, correct: false });
  });

  it('marks each ordering position right or wrong, with where it belongs', () => {
    const shown = presentItem(ORDERING, SEED);
    if (shown.type !== 'ordering') throw new Error('expected ordering');
    const byText = new Map(shown.entries.map((e) => [e.text, e.id]));
    const texts = ORDERING.order.map((e) => e.text);
    // Right first and last, middle two swapped.
    const order = [texts[0], texts[2], texts[1], texts[3]].map((t) => byText.get(t!)!);
    const marks = answerMarks(ORDERING, { order }, SEED);
    expect(marks).toEqual({
      type: 'ordering',
      rows: [
        { text: texts[0], right: true, correctPosition: 1 },
        { text: texts[2], right: false, correctPosition: 3 },
        { text: texts[1], right: false, correctPosition: 2 },
        { text: texts[3], right: true, correctPosition: 4 },
      ],
    });
  });

  it('marks each matching pair, an unmatched left as wrong', () => {
    const shown = presentItem(MATCHING, SEED);
    if (shown.type !== 'matching') throw new Error('expected matching');
    const rightId = (text: string) => shown.rights.find((r) => r.text === text)!.id;
    const [a, b] = MATCHING.pairs;
    const marks = answerMarks(MATCHING, { pairs: { [a!.id]: rightId(a!.right), [b!.id]: rightId(a!.right) } }, SEED);
    if (marks?.type !== 'matching') throw new Error('expected matching');
    expect(marks.rows[0]).toEqual({ left: a!.left, yours: a!.right, correct: a!.right, right: true });
    expect(marks.rows[1]).toEqual({ left: b!.left, yours: a!.right, correct: b!.right, right: false });
    expect(marks.rows[2]).toMatchObject({ yours: null, right: false });
  });

  it('has nothing to mark for a number', () => {
    expect(answerMarks(NUMERIC, { value: 3 }, SEED)).toBeNull();
  });
});
