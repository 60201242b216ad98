import { describe, expect, it } from 'vitest';
import { finalAnswers, pendingQuestions } from './rounds';

const ids = ['a', 'b', 'c'];

describe('pendingQuestions', () => {
  it('asks every question once, in order, without mastery', () => {
    expect(pendingQuestions(ids, [], { mastery: false })).toEqual([
      { itemId: 'a', round: 1 },
      { itemId: 'b', round: 1 },
      { itemId: 'c', round: 1 },
    ]);
    expect(pendingQuestions(ids, [{ itemId: 'a', round: 1, correct: false }], { mastery: false }).map((p) => p.itemId)).toEqual(['b', 'c']);
    const all = ids.map((itemId) => ({ itemId, round: 1, correct: false }));
    expect(pendingQuestions(ids, all, { mastery: false })).toEqual([]);
  });

  it('in mastery mode brings missed questions back after the round, up to three rounds', () => {
    const round1 = [
      { itemId: 'a', round: 1, correct: true },
      { itemId: 'b', round: 1, correct: false },
      { itemId: 'c', round: 1, correct: false },
    ];
    expect(pendingQuestions(ids, round1.slice(0, 2), { mastery: true })).toEqual([{ itemId: 'c', round: 1 }]);
    expect(pendingQuestions(ids, round1, { mastery: true })).toEqual([
      { itemId: 'b', round: 2 },
      { itemId: 'c', round: 2 },
    ]);
    const round2 = [...round1, { itemId: 'b', round: 2, correct: true }, { itemId: 'c', round: 2, correct: false }];
    expect(pendingQuestions(ids, round2, { mastery: true })).toEqual([{ itemId: 'c', round: 3 }]);
    expect(pendingQuestions(ids, [...round2, { itemId: 'c', round: 3, correct: false }], { mastery: true })).toEqual([]);
  });

  it('finalAnswers keeps each question’s last round', () => {
    const final = finalAnswers([
      { itemId: 'a', round: 1, correct: false },
      { itemId: 'a', round: 2, correct: true },
      { itemId: 'b', round: 1, correct: true },
    ]);
    expect([...final.values()].map((a) => [a.itemId, a.round, a.correct])).toEqual([
      ['a', 2, true],
      ['b', 1, true],
    ]);
  });
});
