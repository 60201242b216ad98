import { describe, expect, it } from 'vitest';
import { asCoefficient } from './coefficient';

describe('asCoefficient', () => {
  it('reads a percentage as a coefficient with two decimals, as Moodle prints alpha and D', () => {
    expect(asCoefficient(64.8)).toBe('0.65');
    expect(asCoefficient(-21)).toBe('−0.21');
    expect(asCoefficient(100)).toBe('1.00');
    expect(asCoefficient(0)).toBe('0.00');
  });

  it('never prints a negative zero, and says "—" when there is no figure', () => {
    expect(asCoefficient(-0.3)).toBe('0.00');
    expect(asCoefficient(null)).toBe('—');
    expect(asCoefficient(undefined)).toBe('—');
    expect(asCoefficient(Number.NaN)).toBe('—');
  });
});
