import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FirstAttempt, commonWrongAnswers, itemStatistics } from './item-stats';

const ITEMS = [
  { itemId: 'a', maxMark: 1 },
  { itemId: 'b', maxMark: 1 },
  { itemId: 'c', maxMark: 1 },
];

function attempts(rows: (number | null)[][], itemIds = ['a', 'b', 'c']): FirstAttempt[] {
  return rows.map((row, k) => ({ studentId: `s${k + 1}`, marks: Object.fromEntries(itemIds.map((id, i) => [id, row[i] ?? null])) }));
}

describe('itemStatistics: a worked example, 5 students × 3 items', () => {
  /*
   *        a    b    c  │  X  │ R_a  R_b  R_c
   *   s1   1    1    1  │ 3   │ 2    2    2
   *   s2   1   .5    1  │ 2.5 │ 1.5  2    1.5
   *   s3   1   .5    0  │ 1.5 │ 0.5  1    1.5
   *   s4   0    0   .5  │ 0.5 │ 0.5  0.5  0
   *   s5  .5    0    —  │ 0.5 │ 0    0.5  0.5     (— = not answered, counts as 0)
   *
   * Item a: mean x = 3.5/5 = 0.7 → facility 70.
   *   deviations x − 0.7: .3 .3 .3 −.7 −.2;  Σd² = .09·3 + .49 + .04 = .8  → V(x) = .8/4 = .2
   *   R mean = 4.5/5 = .9; deviations 1.1 .6 −.4 −.4 −.9; Σd² = 1.21+.36+.16+.16+.81 = 2.7 → V(R) = .675
   *   Σ dx·dR = .33 + .18 − .12 + .28 + .18 = .85 → Cov = .2125
   *   discrimination = 100 · .2125 / √(.2 · .675) = 100 · .2125 / .367423 = 57.84
   *   sorted x 0 .5 1 1 1 (dev −.7 −.2 .3 .3 .3) with sorted R 0 .5 .5 1.5 2 (dev −.9 −.4 −.4 .6 1.1):
   *   Σ = .63 + .08 − .12 + .18 + .33 = 1.1 → Cov_max = .275 → efficiency = 100 · .2125/.275 = 77.27
   *   SD = 100 · √.2 = 44.72
   * Item b: mean = 2/5 = .4 → facility 40.
   *   dev .6 .1 .1 −.4 −.4; Σd² = .36+.01+.01+.16+.16 = .7 → V = .175
   *   R 2 2 1 .5 .5, mean 1.2, dev .8 .8 −.2 −.7 −.7; Σd² = .64+.64+.04+.49+.49 = 2.3 → V(R) = .575
   *   Σ dx·dR = .48 + .08 − .02 + .28 + .28 = 1.1 → Cov = .275
   *   discrimination = 100 · .275 / √(.175 · .575) = 100 · .275 / .317214 = 86.69
   *   x and R are already in the same order, so Cov_max = Cov → efficiency 100.
   *   SD = 100 · √.175 = 41.83
   * Item c: mean = 2.5/5 = .5 → facility 50.
   *   dev .5 .5 −.5 0 −.5; Σd² = 1 → V = .25
   *   R 2 1.5 1.5 0 .5, mean 1.1, dev .9 .4 .4 −1.1 −.6; Σd² = .81+.16+.16+1.21+.36 = 2.7 → V(R) = .675
   *   Σ dx·dR = .45 + .2 − .2 + 0 + .3 = .75 → Cov = .1875
   *   discrimination = 100 · .1875 / √(.25 · .675) = 100 · .1875 / .410792 = 45.64
   *   sorted x 0 0 .5 1 1 (dev −.5 −.5 0 .5 .5) with sorted R 0 .5 1.5 1.5 2 (dev −1.1 −.6 .4 .4 .9):
   *   Σ = .55 + .3 + 0 + .2 + .45 = 1.5 → Cov_max = .375 → efficiency = 50
   *   SD = 100 · √.25 = 50
   * Whole test: X 3 2.5 1.5 .5 .5, mean 1.6, dev 1.4 .9 −.1 −1.1 −1.1;
   *   Σd² = 1.96+.81+.01+1.21+1.21 = 5.2 → V(X) = 1.3;  Σ V(x_i) = .2 + .175 + .25 = .625
   *   alpha = 100 · 3/2 · (1 − .625/1.3) = 150 · .519231 = 77.88
   */
  const stats = itemStatistics(
    attempts([
      [1, 1, 1],
      [1, 0.5, 1],
      [1, 0.5, 0],
      [0, 0, 0.5],
      [0.5, 0, null],
    ]),
    ITEMS,
  );
  const [a, b, c] = stats.items;

  it('counts the attempts and keeps the item order', () => {
    expect(stats.attempts).toBe(5);
    expect(stats.items.map((s) => s.itemId)).toEqual(['a', 'b', 'c']);
  });

  it('facility index', () => {
    expect(a?.facility).toBeCloseTo(70, 2);
    expect(b?.facility).toBeCloseTo(40, 2);
    expect(c?.facility).toBeCloseTo(50, 2);
    expect(a?.meanMark).toBeCloseTo(0.7, 10);
  });

  it('standard deviation', () => {
    expect(a?.standardDeviation).toBeCloseTo(44.72, 2);
    expect(b?.standardDeviation).toBeCloseTo(41.83, 2);
    expect(c?.standardDeviation).toBeCloseTo(50, 2);
  });

  it('discrimination index', () => {
    expect(a?.discrimination).toBeCloseTo(57.84, 2);
    expect(b?.discrimination).toBeCloseTo(86.69, 2);
    expect(c?.discrimination).toBeCloseTo(45.64, 2);
  });

  it('discriminative efficiency', () => {
    expect(a?.discriminativeEfficiency).toBeCloseTo(77.27, 2);
    expect(b?.discriminativeEfficiency).toBeCloseTo(100, 2);
    expect(c?.discriminativeEfficiency).toBeCloseTo(50, 2);
  });

  it('internal consistency (Cronbach’s alpha)', () => {
    expect(stats.internalConsistency).toBeCloseTo(77.88, 2);
  });

  it('flags nothing in a healthy test', () => {
    expect(stats.items.map((s) => s.flags)).toEqual([[], [], []]);
  });
});

describe('itemStatistics: edge cases', () => {
  it('everyone right: facility 100, flagged too easy, discrimination and efficiency null', () => {
    const stats = itemStatistics(
      attempts([
        [1, 1, 0],
        [1, 0, 1],
        [1, 1, 1],
      ]),
      ITEMS,
    );
    const a = stats.items[0]!;
    expect(a.facility).toBe(100);
    expect(a.standardDeviation).toBe(0);
    expect(a.discrimination).toBeNull();
    expect(a.discriminativeEfficiency).toBeNull();
    expect(a.flags).toEqual(['too_easy']);
  });

  it('identical fractional marks are exactly constant, not rounding noise', () => {
    const stats = itemStatistics(attempts(Array.from({ length: 7 }, (_, k) => [0.3, k % 2, (k * 7) % 3 === 0 ? 1 : 0])), ITEMS);
    expect(stats.items[0]!.facility).toBeCloseTo(30, 10);
    expect(stats.items[0]!.discrimination).toBeNull();
  });

  it('nobody right: facility 0, flagged too hard', () => {
    const stats = itemStatistics(
      attempts([
        [0, 1, 1],
        [null, 0, 1],
      ]),
      ITEMS,
    );
    expect(stats.items[0]!.facility).toBe(0);
    expect(stats.items[0]!.flags).toEqual(['too_hard']);
  });

  it('a single student: facility only', () => {
    const stats = itemStatistics(attempts([[1, 0.5, 0]]), ITEMS);
    expect(stats.items.map((s) => s.facility)).toEqual([100, 50, 0]);
    for (const s of stats.items) {
      expect(s.standardDeviation).toBeNull();
      expect(s.discrimination).toBeNull();
      expect(s.discriminativeEfficiency).toBeNull();
    }
    expect(stats.internalConsistency).toBeNull();
  });

  it('no attempts at all', () => {
    const stats = itemStatistics([], ITEMS);
    expect(stats.attempts).toBe(0);
    expect(stats.items[0]).toMatchObject({ meanMark: null, facility: null, discrimination: null, flags: [] });
    expect(stats.internalConsistency).toBeNull();
  });

  it('a one-item test has no internal consistency, and no discrimination (the rest is always 0)', () => {
    const stats = itemStatistics(attempts([[1], [0], [1]], ['a']), [{ itemId: 'a', maxMark: 1 }]);
    expect(stats.internalConsistency).toBeNull();
    expect(stats.items[0]!.discrimination).toBeNull();
  });

  it('everyone with the same total: no internal consistency', () => {
    const stats = itemStatistics(
      attempts([
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ]),
      ITEMS,
    );
    expect(stats.internalConsistency).toBeNull();
  });

  it('flags an item the stronger students get wrong', () => {
    // a is answered by the students who miss b and c: Cov(a, R_a) < 0.
    const stats = itemStatistics(
      attempts([
        [0, 1, 1],
        [0, 1, 1],
        [1, 0, 0],
        [1, 0, 1],
      ]),
      ITEMS,
    );
    const a = stats.items[0]!;
    expect(a.discrimination).toBeLessThan(0);
    expect(a.discriminativeEfficiency).toBeLessThan(0);
    expect(a.flags).toEqual(['negative_discrimination']);
  });

  it('efficiency is bounded above by 100 but not below by −100', () => {
    // x = ¼ 0 ¼, R = 0 1 0: Cov = −1/12; sorted pairing (0 ¼ ¼ with 0 0 1) gives Cov_max = 1/24.
    const stats = itemStatistics(
      attempts([
        [0.25, 0, null],
        [null, 0, 1],
        [0.25, 0, null],
      ]),
      ITEMS,
    );
    expect(stats.items[0]!.discrimination).toBeCloseTo(-100, 6);
    expect(stats.items[0]!.discriminativeEfficiency).toBeCloseTo(-200, 6);
  });

  it('divides by the max mark and ignores marks of unlisted items', () => {
    const stats = itemStatistics(
      [
        { studentId: 's1', marks: { a: 2, zz: 5 } },
        { studentId: 's2', marks: { a: 1 } },
      ],
      [{ itemId: 'a', maxMark: 2 }],
    );
    expect(stats.items[0]!.facility).toBe(75);
  });

  it('refuses bad input', () => {
    expect(() =>
      itemStatistics(
        attempts([[1], [1]]).map((x) => ({ ...x, studentId: 'same' })),
        ITEMS,
      ),
    ).toThrow(/first attempts/);
    expect(() => itemStatistics([], [{ itemId: 'a', maxMark: 0 }])).toThrow(/max mark/);
    expect(() => itemStatistics([], [ITEMS[0]!, ITEMS[0]!])).toThrow(/twice/);
    expect(() => itemStatistics(attempts([[Number.NaN, 0, 0]]), ITEMS)).toThrow(/mark NaN/);
  });

  it('stays within its ranges on any marks', () => {
    const mark = fc.oneof(fc.constantFrom(0, 0.25, 0.5, 1), fc.constant(null));
    fc.assert(
      fc.property(fc.array(fc.array(mark, { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 12 }), (rows) => {
        const stats = itemStatistics(attempts(rows), ITEMS);
        for (const s of stats.items) {
          expect(s.facility).toBeGreaterThanOrEqual(0);
          expect(s.facility).toBeLessThanOrEqual(100);
          if (s.discrimination !== null) expect(Math.abs(s.discrimination)).toBeLessThanOrEqual(100 + 1e-9);
          if (s.discriminativeEfficiency !== null) expect(s.discriminativeEfficiency).toBeLessThanOrEqual(100 + 1e-9);
          expect(s.discrimination === null).toBe(s.discriminativeEfficiency === null);
        }
        if (stats.internalConsistency !== null) expect(stats.internalConsistency).toBeLessThanOrEqual(100 + 1e-9);
      }),
    );
  });
});

describe('commonWrongAnswers', () => {
  const r = (itemId: string, answerText: string, correct = false) => ({ itemId, answerText, correct });

  it('counts distinct wrong answers per item, most common first, as first typed', () => {
    const result = commonWrongAnswers([
      r('q1', 'World War I'),
      r('q1', 'World War II', true),
      r('q1', ' Korean War '),
      r('q1', 'korean  war'),
      r('q1', 'world war i'),
      r('q1', 'KOREAN WAR'),
      r('q2', '1955'),
    ]);
    expect(result).toEqual({
      q1: [
        { answer: 'Korean War', count: 3 },
        { answer: 'World War I', count: 2 },
      ],
      q2: [{ answer: '1955', count: 1 }],
    });
  });

  it('keeps the top `limit`, ties in first-seen order', () => {
    const responses = ['d', 'c', 'b', 'a', 'a', 'b'].map((t) => r('q', t));
    expect(commonWrongAnswers(responses)).toEqual({
      q: [
        { answer: 'b', count: 2 },
        { answer: 'a', count: 2 },
        { answer: 'd', count: 1 },
      ],
    });
    expect(commonWrongAnswers(responses, 1).q).toEqual([{ answer: 'b', count: 2 }]);
    expect(commonWrongAnswers(responses, 0).q).toEqual([]);
  });

  it('skips correct and blank answers; items with no wrong answers are absent', () => {
    expect(commonWrongAnswers([r('q1', 'x', true), r('q2', '   '), r('q3', '')])).toEqual({});
  });

  it('is safe with an item id like __proto__', () => {
    const result = commonWrongAnswers([r('__proto__', 'x')]);
    expect(Object.hasOwn(result, '__proto__')).toBe(true);
    expect(result['__proto__']).toEqual([{ answer: 'x', count: 1 }]);
  });
});
