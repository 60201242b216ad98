import englishWords from 'an-array-of-english-words';
import { describe, expect, it } from 'vitest';
import { normaliseAnswer } from '@/lib/grading/normalise';
import { isEnglishWord } from './known-words';

describe('the English word list', () => {
  it('is sorted by code units and holds only words already in normalised form, as the binary search needs', () => {
    const unsorted = englishWords.findIndex((word, i) => i > 0 && !(englishWords[i - 1]! < word));
    expect(unsorted).toBe(-1);
    const unnormalised = englishWords.find((word) => !/^[a-z]+$/.test(word) || normaliseAnswer(word) !== word);
    expect(unnormalised).toBeUndefined();
  });

  it('knows every word of the list, first and last included, and nothing else', () => {
    expect(englishWords.every(isEnglishWord)).toBe(true);
    for (const word of ['treaty', 'peace', 'disguise', 'blessing']) expect(isEnglishWord(word)).toBe(true);
    for (const word of ['treatyy', 'xqzv', '', 'Treaty', 'peace treaty', `${englishWords.at(-1)}z`, 'a0'])
      expect(isEnglishWord(word)).toBe(false);
  });
});
