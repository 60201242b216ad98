import { describe, expect, it } from 'vitest';
import { average, median, oneDecimal, percentCorrect } from './class-summary';

describe('class summary', () => {
  it('averages and takes the median of submitted scores, null when there are none', () => {
    expect(average([1, 2, 4])).toBeCloseTo(7 / 3);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 8])).toBe(3.5);
    expect(average([])).toBeNull();
    expect(median([])).toBeNull();
  });

  it('gives each question the share of sheets that got it fully right', () => {
    const sheets = [
      { a: 1, b: 0.5, c: null },
      { a: 1, b: 1, c: 0 },
      { a: 0, b: 1 },
    ];
    expect(percentCorrect(['a', 'b', 'c'], sheets)).toEqual({ a: 67, b: 67, c: 0 });
    expect(percentCorrect(['a'], [])).toEqual({ a: null });
  });

  it('writes at most one decimal', () => {
    expect([oneDecimal(2), oneDecimal(2.25), oneDecimal(7 / 3)]).toEqual(['2', '2.3', '2.3']);
  });
});
