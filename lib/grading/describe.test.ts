import { describe, expect, it } from 'vitest';
import {
  CARD,
  MATCHING,
  MULTIPLE,
  NUMERIC,
  NUMERIC_TOLERANCE,
  NUMERIC_YEAR,
  ORDERING,
  SINGLE,
  TRUE_FALSE,
  TYPED_JUDO,
  TYPED_WAR,
} from '@/lib/quiz/fixtures';
import { presentedEntries, presentedLefts, presentedOptions, presentedRights } from '@/lib/quiz/present';
import { describeKey, describeResponse } from './describe';

const SEED = 'attempt-3';
const entryId = (authorId: string) => presentedEntries(ORDERING, SEED).find((e) => e.authorId === authorId)!.publicId;
const rightId = (pairId: string) => presentedRights(MATCHING, SEED).find((r) => r.authorId === pairId)!.publicId;
const leftId = (pairId: string) => presentedLefts(MATCHING, SEED).find((l) => l.authorId === pairId)!.publicId;
const single = (authorId: string) => presentedOptions(SINGLE, SEED).find((o) => o.authorId === authorId)!.publicId;
const multiple = (...authorIds: string[]) =>
  authorIds.map((id) => presentedOptions(MULTIPLE, SEED).find((o) => o.authorId === id)!.publicId);

describe('describeResponse', () => {
  it('names the chosen option', () => {
    expect(describeResponse(SINGLE, { choice: single('c') }, SEED)).toBe('The Russian Central Bank');
  });

  it('lists picks once each, in the question\'s order, joined by "; "', () => {
    expect(describeResponse(MULTIPLE, { choices: multiple('d', 'a', 'd') }, SEED)).toBe(
      'Restrictions on transactions with the Russian Central Bank; A ban on Russian planes in Japanese airspace',
    );
    expect(describeResponse(MULTIPLE, { choices: multiple('a', 'd') }, SEED)).toBe(
      describeResponse(MULTIPLE, { choices: multiple('d', 'a') }, SEED),
    );
    expect(describeResponse(MULTIPLE, { choices: [] }, SEED)).toBe('(nothing selected)');
  });

  it('says True or False', () => {
    expect(describeResponse(TRUE_FALSE, { value: true }, SEED)).toBe('True');
    expect(describeResponse(TRUE_FALSE, { value: false }, SEED)).toBe('False');
  });

  it('quotes typed text as typed, trimmed', () => {
    expect(describeResponse(TYPED_WAR, { text: '  world war ii ' }, SEED)).toBe('world war ii');
    expect(describeResponse(TYPED_WAR, { text: '   ' }, SEED)).toBe('(no answer)');
  });

  it('gives a number with its unit', () => {
    expect(describeResponse(NUMERIC, { value: 26 }, SEED)).toBe('26 meetings');
    expect(describeResponse(NUMERIC_TOLERANCE, { value: 19.5 }, SEED)).toBe('19.5 billion yen');
    expect(describeResponse(NUMERIC_YEAR, { value: 1956 }, SEED)).toBe('1956');
  });

  it('numbers an ordering', () => {
    expect(describeResponse(ORDERING, { order: ['b', 'a', 'c', 'd'].map(entryId) }, SEED)).toBe(
      '1. Abe returns to office and sets about making a deal a reality → ' +
        "2. Putin's hikiwake remark convinces Abe a deal is possible → " +
        '3. Abe offers Russia an 8-point economic cooperation plan → ' +
        '4. Abe reportedly promises Putin no US bases on transferred territory',
    );
  });

  it('pairs each left with the chosen right, or says it was left unmatched', () => {
    expect(
      describeResponse(
        MATCHING,
        { pairs: { [leftId('a')]: rightId('a'), [leftId('b')]: rightId('c'), [leftId('d')]: rightId('c') } },
        SEED,
      ),
    ).toBe(
      "Russian planes → Yet to be banned from Japan's airspace; " +
        'Sberbank → Have resisted calls to divest from Sakhalin; ' +
        'Japanese firms → (no match); ' +
        'Western oil majors → Have resisted calls to divest from Sakhalin',
    );
  });

  it('refuses a card', () => {
    expect(() => describeResponse(CARD, { text: 'x' }, SEED)).toThrow(/flashcard/);
  });
});

describe('describeKey', () => {
  it('describes each key in the same style', () => {
    expect(describeKey(SINGLE)).toBe('The Russian Ministry of Foreign Affairs');
    expect(describeKey(MULTIPLE)).toBe(
      'Restrictions on transactions with the Russian Central Bank; Limits on exports of dual-use goods such as semiconductors; Asset freezes on leading figures, including Putin',
    );
    expect(describeKey(TRUE_FALSE)).toBe('False');
    expect(describeKey(TYPED_JUDO)).toBe('judo');
    expect(describeKey(TYPED_WAR)).toBe(
      'Second World War (also accepted: the Second World War; World War II; World War Two; World War 2; WWII; WW2)',
    );
    expect(describeKey(NUMERIC)).toBe('27 meetings');
    expect(describeKey(NUMERIC_TOLERANCE)).toBe('20 ± 2.5 billion yen');
    expect(describeKey(NUMERIC_YEAR)).toBe('1956');
    expect(describeKey({ ...NUMERIC_YEAR, tolerance: 1 })).toBe('1956 ± 1');
    expect(describeKey(ORDERING)).toMatch(/^1\. Putin's hikiwake remark .* → 2\. Abe returns .* → 3\. Abe offers .* → 4\. Abe reportedly /);
    expect(describeKey(MATCHING)).toBe(
      "Russian planes → Yet to be banned from Japan's airspace; Sberbank → Not subject to Japanese sanctions; " +
        'Japanese firms → Have resisted calls to divest from Sakhalin; Western oil majors → Divesting from Sakhalin energy projects',
    );
    expect(describeKey(CARD)).toBe('The Northern Territories.');
  });

  it('describes a right answer exactly as its key', () => {
    expect(describeResponse(SINGLE, { choice: single(SINGLE.answer) }, SEED)).toBe(describeKey(SINGLE));
    expect(describeResponse(MULTIPLE, { choices: multiple('c', 'a', 'b') }, SEED)).toBe(describeKey(MULTIPLE));
    expect(describeResponse(TRUE_FALSE, { value: TRUE_FALSE.answer }, SEED)).toBe(describeKey(TRUE_FALSE));
    expect(describeResponse(NUMERIC, { value: 27 }, SEED)).toBe(describeKey(NUMERIC));
    expect(describeResponse(ORDERING, { order: ['a', 'b', 'c', 'd'].map(entryId) }, SEED)).toBe(describeKey(ORDERING));
    expect(
      describeResponse(MATCHING, { pairs: Object.fromEntries(['a', 'b', 'c', 'd'].map((id) => [leftId(id), rightId(id)])) }, SEED),
    ).toBe(describeKey(MATCHING));
  });
});
