import { describe, expect, it } from 'vitest';
import { parseArticle } from '../article/parse';
import { coverage } from './coverage';
import { FIXTURE_ARTICLE } from './fixtures';

describe('coverage', () => {
  const { paragraphs } = parseArticle(FIXTURE_ARTICLE);

  it('counts items per paragraph and lists uncovered claim paragraphs only', () => {
    const report = coverage(paragraphs, [
      { id: 'x-1', paragraphs: [3] },
      { id: 'x-2', paragraphs: [3] },
    ]);
    expect(report.paragraphs.map((row) => row.itemIds.length)).toEqual([0, 0, 2, 0, 0]);
    expect(report.claimCount).toBe(2);
    expect(report.coveredClaimCount).toBe(1);
    expect(report.uncovered.map((p) => p.n)).toEqual([1]);
  });

  it('counts an item with several quotes on every paragraph it quotes, once each', () => {
    const report = coverage(paragraphs, [{ id: 'x-1', paragraphs: [1, 3, 3] }]);
    expect(report.paragraphs.map((row) => row.itemIds)).toEqual([['x-1'], [], ['x-1'], [], []]);
    expect(report.uncovered).toEqual([]);
  });

  it('is complete once every claim paragraph has an item', () => {
    const report = coverage(paragraphs, [
      { id: 'x-1', paragraphs: [1] },
      { id: 'x-2', paragraphs: [3] },
    ]);
    expect(report.uncovered).toEqual([]);
    expect(report.coveredClaimCount).toBe(report.claimCount);
  });
});
