import { describe, expect, it } from 'vitest';
import { loadContent } from './bundle';
import { FIXTURE_ARTICLE } from './fixtures';
import { findGiveaways, giveawayProblems } from './giveaways';
import type { Item } from './schema';

const base = { explanation: 'Because.', source: 'A quote.' };
const typed = (id: string, answer: string, accept?: string[], extra: Partial<Item> = {}): Item =>
  ({ ...base, id, type: 'typed', prompt: `Cloze ${id} ____.`, answer, ...(accept ? { accept } : {}), ...extra }) as Item;
const single = (id: string, prompt: string, options: string[]): Item => ({
  ...base,
  id,
  type: 'single',
  prompt,
  options: options.map((text, i) => ({ id: String.fromCharCode(97 + i), text })),
  answer: 'a',
});
const numeric = (id: string, answer: number, unit?: string): Item => ({ ...base, id, type: 'numeric', prompt: `How many ${id}?`, answer, ...(unit ? { unit } : {}) });
const card = (id: string, prompt: string): Item => ({ ...base, id, type: 'card', prompt, back: 'Back.' });

describe('the within-set giveaway rule', () => {
  it('finds a typed key, or one of its accepted alternatives, in another item’s options or prompt', () => {
    const items = [
      typed('kf-008', 'semiconductors', ['chips']),
      single('kf-007', 'Which measures?', ['Limits on exports of dual-use goods, such as semiconductors', 'A ban on planes', 'Sanctions on banks']),
      card('kf-031', 'Which chips does Japan limit?'),
    ];
    expect(findGiveaways(items)).toEqual([
      { itemId: 'kf-008', key: 'semiconductors', shownIn: 'kf-007', where: 'options' },
      { itemId: 'kf-008', key: 'chips', shownIn: 'kf-031', where: 'prompt' },
    ]);
  });

  it('compares whole normalised words, so case, accents and punctuation do not hide a key, and part of a word is no match', () => {
    const items = [typed('pp-009', 'hikiwake'), typed('pp-007', 'Abe'), single('pp-011', 'What did the HIKIWAKE remark do?', ['Abenomics', 'Nothing', 'Something'])];
    expect(findGiveaways(items).map((g) => `${g.itemId}→${g.shownIn}`)).toEqual(['pp-009→pp-011']);
  });

  it('finds a numeric key with its unit, in digits or words, up to two words apart, and a bare year', () => {
    const items = [
      numeric('kf-003', 4, 'islands'),
      numeric('tl-015', 2014),
      single('kf-004', 'What about the four northern islands?', ['One', 'Two', 'Three']),
      single('tl-009', 'When did Putin speak?', ['March 2012', 'March 2014', 'May 2016']),
      single('kf-020', 'How many times did Abe meet Putin, 4 or 27?', ['4', '27', '8']),
    ];
    expect(findGiveaways(items).map((g) => `${g.itemId}→${g.shownIn}:${g.key}`)).toEqual(['kf-003→kf-004:4 islands', 'tl-015→tl-009:2014']);
  });

  it('never counts an item’s own prompt', () => {
    expect(findGiveaways([typed('ar-017', 'leverage', undefined, { prompt: 'Not leverage, but ____.' })])).toEqual([]);
  });

  it('reports each giveaway, lets an item name a reviewed exception with its reason, and reports a stale exception', () => {
    const shownIn = single('tl-019', 'When?', ['November 2018', 'May 2016', 'March 2012']);
    const year = numeric('tl-016', 2018);
    expect(giveawayProblems([year, shownIn])).toEqual([
      { index: 0, message: expect.stringMatching(/^the key "2018" is shown in the options of tl-019, so a quiz of this set gives it away; .*giveawayReviewed/) },
    ]);
    const reviewed = { ...year, giveawayReviewed: { items: ['tl-019'], reason: 'tl-019 dates another event to 2018.' } } as Item;
    expect(giveawayProblems([reviewed, shownIn])).toEqual([]);
    const stale = { ...year, giveawayReviewed: { items: ['tl-019', 'tl-001'], reason: 'Old note.' } } as Item;
    expect(giveawayProblems([stale, shownIn])).toEqual([{ index: 0, message: "giveawayReviewed names tl-001, which does not show this item's key; remove it from the list" }]);
  });

  it('is enforced by loadContent, naming the file and the item', () => {
    const set = `id: gv
title: Giveaways
description: A set that gives a key away.
items:
  - id: gv-001
    type: typed
    prompt: Abe met Putin ____ times.
    answer: "27"
    explanation: The article counts 27 meetings.
    source: Abe met Putin 27 times
  - id: gv-002
    type: single
    prompt: How often did Abe meet Putin?
    options:
      - id: a
        text: 27 times
      - id: b
        text: 8 times
      - id: c
        text: 20 times
    answer: a
    explanation: The article counts 27 meetings.
    source: Abe met Putin 27 times
`;
    const bundle = loadContent([{ slug: 'gv', article: { file: 'questions/gv/article.md', text: FIXTURE_ARTICLE }, sets: [{ file: 'questions/gv/gv.yaml', text: set }] }]);
    expect(bundle.problems.map((p) => `${p.file}: ${p.where}: ${p.message.split(',')[0]}`)).toEqual(['questions/gv/gv.yaml: items[0] (gv-001): the key "27" is shown in the options of gv-002']);
  });
});
