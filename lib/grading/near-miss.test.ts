import englishWords from 'an-array-of-english-words';
import { describe, expect, it } from 'vitest';
import type { TypedItem } from '@/lib/questions/schema';
import { gradeTypedText } from './grade';
import { bringsInAnotherWord, changesMeaning, flipsNegation, sameWordUpToEnding } from './near-miss';

const english = new Set(englishWords);
const isKnownWord = (word: string) => english.has(word);

const item = (id: string, answer: string, accept?: string[]): TypedItem => ({
  id,
  type: 'typed',
  prompt: 'A cloze ____.',
  answer,
  ...(accept ? { accept } : {}),
  explanation: 'Because.',
  source: 'A quote.',
});
const UNACCEPTABLE = item('pp-002', 'unacceptable');
const MOTIVATED = item('ar-025', 'motivated');
const LEVERAGE = item('ar-017', 'leverage');
const WISE = item('ar-035', 'wise');

describe('the typo allowance refuses a slip that reverses the meaning', () => {
  it('refuses "acceptable" for "unacceptable" and "unmotivated" for "motivated", with or without the word list', () => {
    for (const options of [{}, { isKnownWord }]) {
      expect(gradeTypedText(UNACCEPTABLE, 'acceptable', options)).toEqual({ score: 0, correct: false });
      expect(gradeTypedText(MOTIVATED, 'unmotivated', options)).toEqual({ score: 0, correct: false });
      expect(gradeTypedText(MOTIVATED, 'Un-motivated', options)).toEqual({ score: 0, correct: false });
    }
  });

  it('still accepts a real slip in those words', () => {
    expect(gradeTypedText(UNACCEPTABLE, 'unaceptable', { isKnownWord })).toMatchObject({ score: 1, typo: true });
    expect(gradeTypedText(UNACCEPTABLE, 'unacceptible', { isKnownWord })).toMatchObject({ score: 1, typo: true });
    expect(gradeTypedText(MOTIVATED, 'motivatd', { isKnownWord })).toMatchObject({ score: 1, typo: true });
    expect(gradeTypedText(MOTIVATED, 'motivated', { isKnownWord })).toEqual({ score: 1, correct: true, matched: 'motivated' });
  });

  it('refuses every negating prefix, added or dropped', () => {
    expect(flipsNegation('inactive', 'active')).toBe(true);
    expect(flipsNegation('impossible', 'possible')).toBe(true);
    expect(flipsNegation('legal', 'illegal')).toBe(true);
    expect(flipsNegation('irregular', 'regular')).toBe(true);
    expect(flipsNegation('nonbinding', 'binding')).toBe(true);
    expect(flipsNegation('agree', 'disagree')).toBe(true);
    expect(flipsNegation('oil majors', 'oil majors')).toBe(false);
    expect(flipsNegation('galuzni', 'galuzin')).toBe(false);
    expect(flipsNegation('unaceptable', 'unacceptable')).toBe(false);
  });

  it('with the word list, refuses a near match that is another real word', () => {
    expect(gradeTypedText(LEVERAGE, 'beverage', { isKnownWord })).toEqual({ score: 0, correct: false });
    expect(gradeTypedText(WISE, 'wide', { isKnownWord })).toEqual({ score: 0, correct: false });
    expect(gradeTypedText(WISE, 'wize', { isKnownWord })).toMatchObject({ score: 1, typo: true });
    // Without the list (the browser's flashcard check), only the negation rule applies.
    expect(gradeTypedText(WISE, 'wide')).toMatchObject({ score: 1, typo: true });
  });

  it('refuses a near match that is a word of the article although the key is not a listed word', () => {
    const galuzin = item('pp-004', 'Galuzin');
    const articleWord = (word: string) => word === 'galuzen' || isKnownWord(word);
    expect(isKnownWord('galuzin')).toBe(false);
    expect(gradeTypedText(galuzin, 'Galuzen', { isKnownWord: articleWord })).toEqual({ score: 0, correct: false });
    expect(gradeTypedText(galuzin, 'Galuzni', { isKnownWord: articleWord })).toMatchObject({ score: 1, typo: true });
  });

  it('lets a plural or past ending through, since the word is the same', () => {
    expect(sameWordUpToEnding('semiconductor', 'semiconductors')).toBe(true);
    expect(sameWordUpToEnding('motivate', 'motivated')).toBe(true);
    expect(sameWordUpToEnding('passed', 'past')).toBe(false);
    expect(gradeTypedText(item('kf-008', 'semiconductors'), 'semiconductor', { isKnownWord })).toMatchObject({ score: 1, typo: true });
    expect(bringsInAnotherWord('talk passed', 'talk past', isKnownWord)).toBe(true);
    expect(bringsInAnotherWord('talk passt', 'talk past', isKnownWord)).toBe(false);
  });

  it('changesMeaning combines both rules', () => {
    expect(changesMeaning('acceptable', 'unacceptable')).toBe(true);
    expect(changesMeaning('beverage', 'leverage')).toBe(false);
    expect(changesMeaning('beverage', 'leverage', isKnownWord)).toBe(true);
  });
});
