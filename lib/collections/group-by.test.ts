import { describe, expect, it } from 'vitest';
import { groupBy } from './group-by';

describe('groupBy', () => {
  it('groups by key, keeping the input order within each group and the order keys first appear', () => {
    const rows = [
      { student: 'b', n: 1 },
      { student: 'a', n: 2 },
      { student: 'b', n: 3 },
    ];
    const groups = groupBy(rows, (r) => r.student);
    expect([...groups.keys()]).toEqual(['b', 'a']);
    expect(groups.get('b')!.map((r) => r.n)).toEqual([1, 3]);
    expect(groups.get('a')!.map((r) => r.n)).toEqual([2]);
    expect(groupBy([], (r: number) => r).size).toBe(0);
  });
});
