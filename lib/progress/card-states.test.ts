import { describe, expect, it } from 'vitest';
import { cardStates, cardStatesBySet, totalOf } from './card-states';
import { at, cardDue } from './fixtures';
import { mastery, masteryBySet } from './mastery';

const due = '2026-01-10T12:00:00Z';
const cards = [
  cardDue(due, { setId: 'A', state: 0, scheduledDays: 0 }),
  cardDue(due, { setId: 'A', state: 0, scheduledDays: 0, suspended: true }),
  cardDue(due, { setId: 'A', state: 1, scheduledDays: 0 }),
  cardDue(due, { setId: 'B', state: 3, scheduledDays: 0 }),
  cardDue(due, { setId: 'A', state: 2, scheduledDays: 20 }),
  cardDue(due, { setId: 'B', state: 2, scheduledDays: 21 }),
  cardDue(due, { setId: 'B', state: 2, scheduledDays: 100, suspended: true }),
  cardDue(due, { setId: 'A', state: 2, scheduledDays: 5, buriedUntil: at('2026-01-11T04:00:00Z') }),
];

describe('cardStates', () => {
  it('counts each card once; suspended cards only as suspended; young below 21 days', () => {
    expect(cardStates(cards)).toEqual({ new: 1, learning: 2, young: 2, mature: 1, suspended: 2 });
    const withUnseen = cardStates(cards, 3);
    expect(withUnseen).toEqual({ new: 4, learning: 2, young: 2, mature: 1, suspended: 2 });
    expect(totalOf(withUnseen)).toBe(cards.length + 3);
  });

  it('refuses a negative or fractional number of unseen items', () => {
    expect(() => cardStates(cards, -1)).toThrow(RangeError);
    expect(() => cardStates(cards, 0.5)).toThrow(RangeError);
  });

  it('counts per set, keeping sets that only have unseen items', () => {
    const bySet = cardStatesBySet(cards, { A: 2, C: 5 });
    expect([...bySet.keys()]).toEqual(['A', 'C', 'B']);
    expect(bySet.get('A')).toEqual({ new: 3, learning: 1, young: 2, mature: 0, suspended: 1 });
    expect(bySet.get('B')).toEqual({ new: 0, learning: 1, young: 0, mature: 1, suspended: 1 });
    expect(bySet.get('C')).toEqual({ new: 5, learning: 0, young: 0, mature: 0, suspended: 0 });
    expect(cardStatesBySet(cards, new Map([['B', 1]])).get('B')?.new).toBe(1);
  });
});

describe('mastery', () => {
  it('is (young + mature) / total, and mature / total', () => {
    expect(mastery({ new: 4, learning: 2, young: 2, mature: 1, suspended: 2 })).toEqual({
      total: 11,
      learned: 3,
      mature: 1,
      mastery: 3 / 11,
      matureShare: 1 / 11,
    });
  });

  it('is null for a set without items', () => {
    expect(mastery({ new: 0, learning: 0, young: 0, mature: 0, suspended: 0 })).toMatchObject({
      total: 0,
      mastery: null,
      matureShare: null,
    });
  });

  it('works per set', () => {
    const bySet = masteryBySet(cardStatesBySet(cards, { A: 2, C: 5 }));
    expect(bySet.get('A')).toMatchObject({ total: 7, mastery: 2 / 7, matureShare: 0 });
    expect(bySet.get('B')).toMatchObject({ total: 3, mastery: 1 / 3, matureShare: 1 / 3 });
    expect(bySet.get('C')).toMatchObject({ total: 5, mastery: 0, matureShare: 0 });
  });
});
