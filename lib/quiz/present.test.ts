import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemSchema, type MatchingItem, type OrderingItem } from '@/lib/questions/schema';
import {
  CARD,
  MATCHING,
  MULTIPLE,
  NUMERIC,
  NUMERIC_TOLERANCE,
  ORDERING,
  QUIZ_SAMPLES,
  SINGLE,
  TRUE_FALSE,
  TYPED_HABOMAI,
  TYPED_WAR,
} from './fixtures';
import { authorIdMaps, gapSize, isQuizItem, presentItem, presentedEntries, presentedOptions, presentedRights, splitCloze } from './present';

const SEEDS = ['attempt-1', 'attempt-2', 'x', '', 'a much longer seed with spaces', 'Δ-unicode'];

const ALLOWED_KEYS: Record<string, string[]> = {
  single: ['id', 'type', 'prompt', 'options'],
  multiple: ['id', 'type', 'prompt', 'options'],
  truefalse: ['id', 'type', 'prompt'],
  typed: ['id', 'type', 'prompt', 'cloze'],
  numeric: ['id', 'type', 'prompt', 'unit'],
  ordering: ['id', 'type', 'prompt', 'entries'],
  matching: ['id', 'type', 'prompt', 'lefts', 'rights'],
};

describe('fixtures', () => {
  it('are valid items', () => {
    for (const item of [...QUIZ_SAMPLES, CARD]) expect(itemSchema.safeParse(item).success, item.id).toBe(true);
  });
});

describe('presentItem keeps the key out', () => {
  it('shows only the public fields of each type', () => {
    for (const item of QUIZ_SAMPLES) {
      for (const seed of SEEDS) {
        const shown = presentItem(item, seed);
        expect(Object.keys(shown).sort()).toEqual([...(ALLOWED_KEYS[item.type] ?? [])].sort());
        const json = JSON.stringify(shown);
        for (const secret of [
          '"answer"',
          '"accept"',
          '"explanation"',
          '"source"',
          '"tags"',
          '"tolerance"',
          '"back"',
          '"order"',
          '"pairs"',
        ]) {
          expect(json).not.toContain(secret);
        }
        expect(json).not.toContain(item.explanation);
        expect(json).not.toContain(item.source);
      }
    }
  });

  it('never contains a typed answer or any accepted alternative', () => {
    for (const item of [TYPED_WAR, TYPED_HABOMAI]) {
      const json = JSON.stringify(presentItem(item, 'seed')).toLowerCase();
      for (const secret of [item.answer, ...(item.accept ?? [])]) expect(json).not.toContain(secret.toLowerCase());
    }
  });

  it('never contains the numeric answer, its tolerance, or a true/false key', () => {
    expect(JSON.stringify(presentItem(NUMERIC, 'seed'))).not.toContain('27');
    expect(JSON.stringify(presentItem(NUMERIC_TOLERANCE, 'seed'))).not.toMatch(/2\.5/);
    expect(Object.values(presentItem(TRUE_FALSE, 'seed')).some((v) => typeof v === 'boolean')).toBe(false);
    expect(JSON.stringify(presentItem(TRUE_FALSE, 'seed'))).not.toMatch(/:(true|false)/);
  });

  it('hides the author ids of ordering entries and of both sides of a matching', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const entries = presentItem(ORDERING, seed);
        const matching = presentItem(MATCHING, seed);
        if (entries.type !== 'ordering' || matching.type !== 'matching') return false;
        const authorIds = new Set([...ORDERING.order.map((e) => e.id), ...MATCHING.pairs.map((p) => p.id)]);
        const ids = [...entries.entries, ...matching.lefts, ...matching.rights].map((e) => e.id);
        expect(ids.every((id) => /^[a-z0-9]{8}$/.test(id) && !authorIds.has(id))).toBe(true);
        expect([...entries.entries.map((e) => e.text)].sort()).toEqual(ORDERING.order.map((e) => e.text).sort());
        expect(matching.lefts.map((l) => l.text)).toEqual(MATCHING.pairs.map((p) => p.left));
        return true;
      }),
    );
  });

  it('gives options opaque ids, not the author ids a blind guess would name', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        for (const item of [SINGLE, MULTIPLE]) {
          const shown = presentItem(item, seed);
          if (shown.type !== 'single' && shown.type !== 'multiple') return false;
          expect(shown.options.every((o) => /^[a-z0-9]{8}$/.test(o.id) && !item.options.some((a) => a.id === o.id))).toBe(true);
          expect(shown.options.map((o) => o.text).sort()).toEqual(item.options.map((o) => o.text).sort());
        }
        return true;
      }),
    );
  });

  it('shuffles uniformly: every order comes up, the right one as often as any other', () => {
    const three: OrderingItem = { ...ORDERING, order: ORDERING.order.slice(0, 3) };
    const counts = new Map<string, number>();
    for (let i = 0; i < 3000; i++) {
      const shown = presentItem(three, `seed-${i}`);
      if (shown.type !== 'ordering') throw new Error('not ordering');
      const key = shown.entries.map((e) => e.text).join('|');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const count of counts.values()) expect(count).toBeGreaterThan(400);
  });

  it('cannot be computed without the seed: the same item under different seeds shows different ids', () => {
    const ids = new Set(SEEDS.map((seed) => JSON.stringify(presentItem(SINGLE, seed))));
    expect(ids.size).toBe(SEEDS.length);
  });

  it('is the same for the same seed and differs between seeds', () => {
    expect(presentItem(ORDERING, 's')).toEqual(presentItem(ORDERING, 's'));
    expect(presentItem(ORDERING, 's')).not.toEqual(presentItem(ORDERING, 't'));
  });
});

describe('the other public fields', () => {
  it('splits a cloze prompt at its gap', () => {
    expect(presentItem(TYPED_HABOMAI, 's')).toMatchObject({
      cloze: { before: 'Abe came to believe Japan might regain the two smaller islands of Shikotan and ', after: '.' },
    });
    expect(splitCloze('Which bank is still free of Japanese sanctions?')).toBeNull();
    expect(splitCloze('____ met Putin')).toEqual({ before: '', after: ' met Putin' });
  });

  it('sizes a cloze gap to the answer, rounded so it says little about its length', () => {
    expect(gapSize('Habomai')).toBe(8);
    expect(gapSize('Habomai islet')).toBe(16);
    expect(gapSize('Habomai is')).toBe(12);
    expect(gapSize('a'.repeat(60))).toBe(24);
    expect(presentItem(TYPED_HABOMAI, 's')).toMatchObject({ cloze: { size: gapSize(TYPED_HABOMAI.answer) } });
  });

  it('gives the unit of a numeric item, or null', () => {
    expect(presentItem(NUMERIC, 's')).toMatchObject({ unit: 'meetings' });
    expect(presentItem({ ...NUMERIC, unit: undefined }, 's')).toMatchObject({ unit: null });
  });

  it('refuses cards', () => {
    expect(isQuizItem(CARD)).toBe(false);
    expect(QUIZ_SAMPLES.every(isQuizItem)).toBe(true);
    expect(() => presentItem(CARD, 's')).toThrow(/card/);
  });
});

describe('authorIdMaps', () => {
  it('maps every presented id back to its author id', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const entries = authorIdMaps(ORDERING, seed).choices;
        expect([...entries.values()].sort()).toEqual(['a', 'b', 'c', 'd']);
        for (const e of presentedEntries(ORDERING, seed)) expect(entries.get(e.publicId)).toBe(e.authorId);
        const { choices: rights, lefts } = authorIdMaps(MATCHING, seed);
        for (const r of presentedRights(MATCHING, seed)) {
          expect(rights.get(r.publicId)).toBe(r.authorId);
          expect(MATCHING.pairs.find((p) => p.id === r.authorId)?.right).toBe(r.text);
        }
        for (const l of presentItem(MATCHING, seed).type === 'matching'
          ? (presentItem(MATCHING, seed) as { lefts: { id: string; text: string }[] }).lefts
          : []) {
          expect(MATCHING.pairs.find((p) => p.id === lefts.get(l.id))?.left).toBe(l.text);
        }
        const options = authorIdMaps(SINGLE, seed).choices;
        for (const o of presentedOptions(SINGLE, seed)) expect(options.get(o.publicId)).toBe(o.authorId);
      }),
    );
  });

  it('keeps ids distinct even for the longest author ids', () => {
    const long: MatchingItem = {
      ...MATCHING,
      pairs: MATCHING.pairs.map((p, i) => ({ ...p, id: `pair${i}abc` })),
    };
    const ids = presentedRights(long, 's').map((r) => r.publicId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
