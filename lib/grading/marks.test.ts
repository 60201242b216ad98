import { describe, expect, it } from 'vitest';
import { MATCHING, MULTIPLE, NUMERIC, ORDERING, SINGLE, TRUE_FALSE } from '@/lib/quiz/fixtures';
import { presentedLefts, presentedOptions, presentItem } from '@/lib/quiz/present';
import { answerMarks } from './marks';

const SEED = 'marks-seed';
/** The ids a presentation showed for author ids (options carry opaque ids). */
const shownIds = (item: typeof SINGLE | typeof MULTIPLE) => new Map(presentedOptions(item, SEED).map((o) => [o.authorId, o.publicId]));
const authorIds = (item: typeof SINGLE | typeof MULTIPLE) => new Map(presentedOptions(item, SEED).map((o) => [o.publicId, o.authorId]));

describe('answerMarks', () => {
  it('marks the chosen and the correct options of a single choice by the ids shown', () => {
    const marks = answerMarks(SINGLE, { choice: shownIds(SINGLE).get('c')! }, SEED);
    expect(marks?.type).toBe('choices');
    if (marks?.type !== 'choices') return;
    const author = authorIds(SINGLE);
    expect(marks.options.map((o) => author.get(o.id)).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(author.get(marks.options.find((o) => o.chosen)!.id)).toBe('c');
    expect(marks.options.filter((o) => o.correct).map((o) => author.get(o.id))).toEqual([SINGLE.answer]);
  });

  it('marks every key of a multiple select, ticked or not', () => {
    const marks = answerMarks(MULTIPLE, { choices: ['a', 'd'].map((id) => shownIds(MULTIPLE).get(id)!) }, SEED);
    if (marks?.type !== 'choices') throw new Error('expected choices');
    const author = authorIds(MULTIPLE);
    const byId = Object.fromEntries(marks.options.map((o) => [author.get(o.id)!, [o.chosen, o.correct]]));
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
    const leftId = (pairId: string) => presentedLefts(MATCHING, SEED).find((l) => l.authorId === pairId)!.publicId;
    const marks = answerMarks(MATCHING, { pairs: { [leftId(a!.id)]: rightId(a!.right), [leftId(b!.id)]: rightId(a!.right) } }, SEED);
    if (marks?.type !== 'matching') throw new Error('expected matching');
    expect(marks.rows[0]).toEqual({ left: a!.left, yours: a!.right, correct: a!.right, right: true });
    expect(marks.rows[1]).toEqual({ left: b!.left, yours: a!.right, correct: b!.right, right: false });
    expect(marks.rows[2]).toMatchObject({ yours: null, right: false });
  });

  it('has nothing to mark for a number', () => {
    expect(answerMarks(NUMERIC, { value: 3 }, SEED)).toBeNull();
  });
});
