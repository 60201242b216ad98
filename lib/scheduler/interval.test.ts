import { describe, expect, it } from 'vitest';
import { formatInterval } from './interval';

const S = 1000;
const MIN = 60 * S;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const MONTH = (365 / 12) * DAY;
const YEAR = 365 * DAY;

describe('formatInterval', () => {
  it.each([
    [-5 * S, '<1m'],
    [0, '<1m'],
    [59 * S, '<1m'],
    [MIN - 1, '<1m'],
    [MIN, '1m'],
    [89 * S, '1m'],
    [90 * S, '2m'],
    [6 * MIN, '6m'],
    [10 * MIN, '10m'],
    [59 * MIN, '59m'],
    [59 * MIN + 29 * S, '59m'],
    [59 * MIN + 30 * S, '1h'], // rounds to 60m: shown as the next unit
    [HOUR, '1h'],
    [90 * MIN, '2h'], // whole hours, as Anki
    [3 * HOUR, '3h'],
    [23 * HOUR, '23h'],
    [23 * HOUR + 29 * MIN, '23h'],
    [23 * HOUR + 30 * MIN, '1d'],
    [DAY, '1d'],
    [36 * HOUR, '2d'],
    [8 * DAY, '8d'],
    [30 * DAY, '30d'],
    [MONTH - 1, '30d'],
    [MONTH, '1mo'],
    [31 * DAY, '1mo'],
    [97 * DAY, '3.2mo'],
    [6 * MONTH, '6mo'],
    [11.94 * MONTH, '11.9mo'],
    [11.96 * MONTH, '1y'], // rounds to 12.0mo
    [YEAR - 1, '1y'],
    [YEAR, '1y'],
    [1.5 * YEAR, '1.5y'],
    [36500 * DAY, '100y'],
  ])('formats %d ms as %s', (ms, label) => {
    expect(formatInterval(ms)).toBe(label);
  });

  it('refuses a non-finite interval', () => {
    expect(() => formatInterval(NaN)).toThrow(RangeError);
    expect(() => formatInterval(Infinity)).toThrow(RangeError);
  });
});
