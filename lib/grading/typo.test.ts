import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, typoAllowance } from './typo';

describe('editDistance (optimal string alignment)', () => {
  it.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['judo', 'judo', 0],
    ['judo', 'juda', 1], // substitution
    ['judo', 'jdo', 1], // deletion
    ['judo', 'judoo', 1], // insertion
    ['judo', 'jduo', 1], // transposition
    ['galuzin', 'glauzin', 1],
    ['hikiwake', 'hikiwkae', 1],
    ['ca', 'abc', 3], // OSA: no substring edited twice (true Damerau gives 2)
    ['kitten', 'sitting', 3],
    ['habomaï', 'habomai', 1],
    ['😀a', 'a😀', 1], // code points, not UTF-16 units
  ])('%j ↔ %j = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('is zero exactly for equal strings, symmetric, and at most the longer length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        expect(d === 0).toBe(a === b);
        expect(editDistance(b, a)).toBe(d);
        expect(d).toBeLessThanOrEqual(Math.max([...a].length, [...b].length));
        expect(d).toBeGreaterThanOrEqual(Math.abs([...a].length - [...b].length));
      }),
    );
  });
});

describe('typoAllowance', () => {
  it('allows no slip under 4 characters, 1 for 4–7, 2 for 8 or more', () => {
    expect([0, 1, 2, 3].map(typoAllowance)).toEqual([0, 0, 0, 0]);
    expect([4, 5, 6, 7].map(typoAllowance)).toEqual([1, 1, 1, 1]);
    expect([8, 9, 14, 200].map(typoAllowance)).toEqual([2, 2, 2, 2]);
  });
});
