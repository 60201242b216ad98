import { describe, expect, it } from 'vitest';
import { formatScore, scorePercent } from './score';

describe('formatScore', () => {
  it('writes one decimal at most, the same everywhere', () => {
    expect(formatScore(15.93, 27)).toBe('15.9 out of 27');
    expect(formatScore(15.96, 27)).toBe('16 out of 27');
    expect(formatScore(3, 8)).toBe('3 out of 8');
    expect(formatScore(0.25, 1)).toBe('0.3 out of 1');
  });
});

describe('scorePercent', () => {
  it('rounds to a whole percentage and survives an empty quiz', () => {
    expect(scorePercent(15.93, 27)).toBe(59);
    expect(scorePercent(0, 0)).toBe(0);
  });
});
