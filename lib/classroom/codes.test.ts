import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  JOIN_CODE_SPACE,
  generateJoinCode,
  generateUniqueJoinCode,
  joinCodeSchema,
  normaliseJoinCode,
} from './codes';

/** Replays the given indexes, in order, as randomInt's answers. */
function scripted(indexes: number[]): (max: number) => number {
  let i = 0;
  return () => {
    const value = indexes[i++];
    if (value === undefined) throw new Error('script ran out');
    return value;
  };
}

describe('the alphabet', () => {
  it('has 31 distinct characters and no look-alikes', () => {
    expect(JOIN_CODE_ALPHABET).toHaveLength(31);
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(31);
    for (const c of '0O1IL') expect(JOIN_CODE_ALPHABET).not.toContain(c);
  });

  it('gives 31^6 possible codes', () => {
    expect(JOIN_CODE_SPACE).toBe(31 ** 6);
    expect(JOIN_CODE_SPACE).toBe(887_503_681);
  });
});

describe('generateJoinCode', () => {
  it('maps each draw to one alphabet character', () => {
    expect(generateJoinCode(scripted([0, 1, 2, 28, 29, 30]))).toBe('ABC789');
  });

  it('asks for numbers below the alphabet size', () => {
    const asked: number[] = [];
    generateJoinCode((max) => {
      asked.push(max);
      return 0;
    });
    expect(asked).toEqual(Array(JOIN_CODE_LENGTH).fill(31));
  });

  it('always gives 6 alphabet characters that normalise to themselves', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 6, maxLength: 6 }), (draws) => {
        const code = generateJoinCode(scripted(draws));
        expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
        expect(normaliseJoinCode(code)).toBe(code);
      }),
    );
  });

  it('refuses a randomInt that leaves its range', () => {
    expect(() => generateJoinCode(() => 31)).toThrow(RangeError);
    expect(() => generateJoinCode(() => -1)).toThrow(RangeError);
    expect(() => generateJoinCode(() => 0.5)).toThrow(RangeError);
    expect(() => generateJoinCode(() => Number.NaN)).toThrow(RangeError);
  });
});

describe('normaliseJoinCode', () => {
  it('is case-insensitive and ignores spaces and dashes', () => {
    expect(normaliseJoinCode('k7m2qx')).toBe('K7M2QX');
    expect(normaliseJoinCode('  K7m-2Qx ')).toBe('K7M2QX');
    expect(normaliseJoinCode('K7M 2QX')).toBe('K7M2QX');
    expect(normaliseJoinCode('k7m–2qx')).toBe('K7M2QX'); // en dash, as phones autocorrect
    expect(normaliseJoinCode('K\u00a07\tM2QX')).toBe('K7M2QX');
  });

  it('rejects the look-alikes rather than guessing', () => {
    for (const c of ['0', 'O', 'o', '1', 'I', 'i', 'L', 'l']) {
      expect(normaliseJoinCode(`K7M2Q${c}`)).toBeNull();
    }
  });

  it('rejects the wrong length and foreign characters', () => {
    expect(normaliseJoinCode('')).toBeNull();
    expect(normaliseJoinCode('K7M2Q')).toBeNull();
    expect(normaliseJoinCode('K7M2QXA')).toBeNull();
    expect(normaliseJoinCode('K7M2Q_')).toBeNull();
    expect(normaliseJoinCode('K7M2QÄ')).toBeNull();
    expect(normaliseJoinCode('K7M2Q２')).toBeNull(); // full-width digit
  });
});

describe('joinCodeSchema', () => {
  it('parses to the canonical code', () => {
    expect(joinCodeSchema.parse(' k7m-2qx ')).toBe('K7M2QX');
  });

  it('fails with a message a student can read', () => {
    const result = joinCodeSchema.safeParse('K7M2Q0');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/6 letters and digits/);
    expect(joinCodeSchema.safeParse(42).success).toBe(false);
  });
});

describe('generateUniqueJoinCode', () => {
  it('draws again on a collision', async () => {
    const taken = new Set(['AAAAAA', 'BBBBBB']);
    const checked: string[] = [];
    const code = await generateUniqueJoinCode(scripted([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2]), (c) => {
      checked.push(c);
      return taken.has(c);
    });
    expect(code).toBe('CCCCCC');
    expect(checked).toEqual(['AAAAAA', 'BBBBBB', 'CCCCCC']);
  });

  it('gives up with a clear error after maxTries', async () => {
    let calls = 0;
    const isTaken = () => {
      calls++;
      return true;
    };
    await expect(generateUniqueJoinCode(() => 0, isTaken, 5)).rejects.toThrow(/free join code in 5 tries/);
    expect(calls).toBe(5);
    calls = 0;
    await expect(generateUniqueJoinCode(() => 0, isTaken)).rejects.toThrow(/20 tries/);
    expect(calls).toBe(20);
  });
});
