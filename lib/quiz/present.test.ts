import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemSchema, type MatchingItem, type OrderingItem } from '@/lib/questions/schema';
import { CARD, MATCHING, MULTIPLE, NUMERIC, NUMERIC_TOLERANCE, ORDERING, QUIZ_SAMPLES, SINGLE, TRUE_FALSE, TYPED_HABOMAI, TYPED_WAR } from './fixtures';
import { gapSize, isQuizItem, presentItem, presentedEntries, presentedRights, resolveOpaque, splitCloze } from './present';

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
        for (const secret of ['"answer"', '"accept"', '"explanation"', '"source"', '"tags"', '"tolerance"', '"back"', '"order"', '"pairs"']) {
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

  it('hides the author ids of ordering entries and never starts in the right order', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const shown = presentItem(ORDERING, seed);
        if (shown.type !== 'ordering') return false;
        const authorIds = new Set(ORDERING.order.map((e) => e.id));
        expect(shown.entries.every((e) => /^[a-z0-9]{8}$/.test(e.id) && !authorIds.has(e.id))).toBe(true);
        expect(shown.entries.map((e) => e.text)).not.toEqual(ORDERING.order.map((e) => e.text));
        expect([...shown.entries.map((e) => e.text)].sort()).toEqual(ORDERING.order.map((e) => e.text).sort());
        return true;
      }),
    );
  });

  it('rotates a two-entry ordering whose shuffle came out in order', () => {
    const two: OrderingItem = { ...ORDERING, order: ORDERING.order.slice(0, 2) };
    for (let i = 0; i < 200; i++) {
      const shown = presentItem(two, `seed-${i}`);
      if (shown.type !== 'ordering') throw new Error('not ordering');
      expect(shown.entries.map((e) => e.text)).toEqual([two.order[1]?.text, two.order[0]?.text]);
    }
  });

  it('gives matching rights opaque ids that are not pair ids, never lined up with the lefts', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const shown = presentItem(MATCHING, seed);
        if (shown.type !== 'matching') return false;
        const pairIds = new Set(MATCHING.pairs.map((p) => p.id));
        expect(shown.lefts).toEqual(MATCHING.pairs.map((p) => ({ id: p.id, text: p.left })));
        expect(shown.rights.every((r) => /^[a-z0-9]{8}$/.test(r.id) && !pairIds.has(r.id))).toBe(true);
        expect(shown.rights.map((r) => r.text)).not.toEqual(MATCHING.pairs.map((p) => p.right));
        return true;
      }),
    );
  });

  it('keeps option ids for single and multiple but shuffles their order with the seed', () => {
    const orders = new Set(SEEDS.map((seed) => JSON.stringify(presentItem(MULTIPLE, seed))));
    expect(orders.size).toBeGreaterThan(1);
    const shown = presentItem(SINGLE, 'attempt-1');
    if (shown.type !== 'single') throw new Error('not single');
    expect([...shown.options].sort((a, b) => a.id.localeCompare(b.id))).toEqual(SINGLE.options);
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

describe('resolveOpaque', () => {
  it('maps every presented id back to its author id', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const entries = resolveOpaque(ORDERING, seed);
        expect([...entries.values()].sort()).toEqual(['a', 'b', 'c', 'd']);
        for (const e of presentedEntries(ORDERING, seed)) expect(entries.get(e.publicId)).toBe(e.authorId);
        const rights = resolveOpaque(MATCHING, seed);
        for (const r of presentedRights(MATCHING, seed)) {
          expect(rights.get(r.publicId)).toBe(r.authorId);
          expect(MATCHING.pairs.find((p) => p.id === r.authorId)?.right).toBe(r.text);
        }
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
