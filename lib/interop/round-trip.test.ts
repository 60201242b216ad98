import { describe, expect, it } from 'vitest';
import { aikenText, readAiken } from './aiken/aiken';
import { questionsCsv, readQuestionsCsv } from './csv/csv';
import { readGift } from './gift/read';
import { giftText } from './gift/write';
import { readMoodleXml } from './moodle/read';
import { moodleXml } from './moodle/write';
import { sourceQuotes } from './portable';
import { CONTEXT, meaning, shippedBank } from './test-bank';
import type { Item, ItemType } from '../questions/schema';
import type { ReadResult } from './import/draft';

const { items } = shippedBank();

function expectSameItems(kept: Item[], read: ReadResult, withFeedback: boolean) {
  expect(read.skipped).toEqual([]);
  expect(read.items.map(meaning)).toEqual(kept.map(meaning));
  if (withFeedback) {
    expect(read.items.map((d) => d.explanation)).toEqual(kept.map((i) => i.explanation));
    expect(read.items.map((d) => d.quotes)).toEqual(kept.map((i) => sourceQuotes(i)));
  }
}

const typesIn = (list: Item[]) => [...new Set(list.map((i) => i.type))].sort();
const ALL_BUT_CARD: ItemType[] = ['matching', 'multiple', 'numeric', 'ordering', 'single', 'truefalse', 'typed'];

describe('export → import gives the same items', () => {
  it('covers every type in the shipped bank', () => {
    expect(typesIn(items)).toEqual([...ALL_BUT_CARD, 'card'].sort());
  });

  it('GIFT: every type but cards, with explanation and source quotes', () => {
    const { text, omitted } = giftText(items, CONTEXT);
    const kept = items.filter((i) => i.type !== 'card');
    expect(omitted.map((o) => o.itemId)).toEqual(items.filter((i) => i.type === 'card').map((i) => i.id));
    for (const o of omitted) expect(text).toContain(`// - ${o.itemId} (card)`);
    expect(typesIn(kept)).toEqual(ALL_BUT_CARD);
    const read = readGift(text);
    expect(read.title).toBe('All items');
    expectSameItems(kept, read, true);
  });

  it('Moodle XML: every type but cards, with explanation and source quotes', () => {
    const { xml, omitted } = moodleXml(items, CONTEXT);
    expect(omitted).toHaveLength(items.filter((i) => i.type === 'card').length);
    expect(xml).toContain('<!-- Moodle XML cannot express');
    expectSameItems(
      items.filter((i) => i.type !== 'card'),
      readMoodleXml(xml),
      true,
    );
  });

  it('CSV: every type, cards included', () => {
    const { text, omitted } = questionsCsv(items);
    expect(omitted).toEqual([]);
    expectSameItems(items, readQuestionsCsv(text), true);
  });

  it('Aiken: single choice only, keys and options', () => {
    const { text, omitted } = aikenText(items, CONTEXT);
    const singles = items.filter((i) => i.type === 'single');
    expect(omitted).toHaveLength(items.length - singles.length);
    expectSameItems(singles, readAiken(text), false);
  });
});

describe('Moodle scoring', () => {
  it('gives multiple-select options ±100/k % so Moodle floors (right − wrong) / keys at 0 as Passage does', () => {
    const multiple = items.find((i) => i.type === 'multiple' && i.answer.length === 2)!;
    const { xml } = moodleXml([multiple], CONTEXT);
    const fractions = [...xml.matchAll(/<answer fraction="([^"]+)"/g)].map((m) => Number(m[1]));
    expect(fractions.filter((f) => f > 0)).toEqual([50, 50]);
    expect(fractions.filter((f) => f < 0).every((f) => f === -50)).toBe(true);
  });

  it('writes ordering as Moodle ordering questions graded by absolute position', () => {
    const ordering = items.find((i) => i.type === 'ordering')!;
    const { xml } = moodleXml([ordering], CONTEXT);
    expect(xml).toContain('<question type="ordering">');
    expect(xml).toContain('<gradingtype>ABSOLUTE_POSITION</gradingtype>');
  });
});
