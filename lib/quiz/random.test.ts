import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { opaqueId, shuffle, subSeed } from './random';

describe('shuffle', () => {
  it('returns a permutation and leaves the input alone', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.string(), (items, seed) => {
        const copy = [...items];
        const shuffled = shuffle(items, seed);
        expect(items).toEqual(copy);
        expect([...shuffled].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
      }),
    );
  });

  it('is deterministic for a seed', () => {
    const letters = ['a', 'b', 'c', 'd', 'e', 'f'];
    expect(shuffle(letters, 'x')).toEqual(shuffle(letters, 'x'));
  });

  it('reaches every order of three entries, about equally often', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 6000; i++) {
      const key = shuffle(['a', 'b', 'c'], `seed-${i}`).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const count of counts.values()) {
      expect(count).toBeGreaterThan(850);
      expect(count).toBeLessThan(1150);
    }
  });
});

describe('opaqueId', () => {
  it('is 8 characters of [a-z0-9], deterministic, and changes with any part', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string(), { maxLength: 4 }), (seed, parts) => {
        expect(opaqueId(seed, ...parts)).toMatch(/^[a-z0-9]{8}$/);
        expect(opaqueId(seed, ...parts)).toBe(opaqueId(seed, ...parts));
      }),
    );
    expect(opaqueId('s', 'kf-029', 'a')).not.toBe(opaqueId('s', 'kf-029', 'b'));
    expect(opaqueId('s', 'kf-029', 'a')).not.toBe(opaqueId('t', 'kf-029', 'a'));
  });

  it('does not confuse how parts are split', () => {
    expect(subSeed('ab', 'c')).not.toBe(subSeed('a', 'bc'));
    expect(opaqueId('ab', 'c')).not.toBe(opaqueId('a', 'bc'));
  });

  it('rarely collides', () => {
    const ids = new Set(Array.from({ length: 20_000 }, (_, i) => opaqueId('seed', 'item', String(i))));
    expect(ids.size).toBe(20_000);
  });

  it('depends on the whole seed: seeds that share a long prefix give unrelated ids', () => {
    const prefix = 'x'.repeat(200);
    expect(opaqueId(`${prefix}1`, 'item', 'a')).not.toBe(opaqueId(`${prefix}2`, 'item', 'a'));
  });
});
