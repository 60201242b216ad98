import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseAnswer } from './normalise';

describe('normaliseAnswer', () => {
  it.each([
    ['Habomaï', 'habomai'],
    ['HABOMAI', 'habomai'],
    ['  Second   World\tWar ', 'second world war'],
    ['The Second World War', 'second world war'],
    ['a nerve agent', 'nerve agent'],
    ['An island', 'island'],
    ['the the end', 'end'],
    ['8-point', '8 point'],
    ['eight–point', 'eight point'],
    ['eight—point', 'eight point'],
    ['Russia’s', 'russias'],
    ["Russia's", 'russias'],
    ['“unacceptable”', 'unacceptable'],
    ['«draw»', 'draw'],
    ['U.S.', 'us'],
    ['World War II.', 'world war ii'],
    ['talk past!', 'talk past'],
    ['Health & energy', 'health and energy'],
    ['27.5', '27.5'],
    ['1,000', '1000'],
    ['1945, 1956', '1945 1956'],
    ['Straße', 'strasse'],
    ['Ｆｕｌｌｗｉｄｔｈ', 'fullwidth'],
    ['Sak\u200bhalin', 'sakhalin'],
    ['Crème brûlée', 'creme brulee'],
    ['', ''],
    ['   ', ''],
    ['?!', ''],
  ])('%j → %j', (input, expected) => {
    expect(normaliseAnswer(input)).toBe(expected);
  });

  it('keeps a lone article: the answer "a" is still "a"', () => {
    expect(normaliseAnswer('A')).toBe('a');
    expect(normaliseAnswer('the')).toBe('the');
  });

  it('is idempotent', () => {
    const assertIdempotent = (text: string) => normaliseAnswer(normaliseAnswer(text)) === normaliseAnswer(text);
    fc.assert(fc.property(fc.string({ unit: 'binary' }), assertIdempotent), { numRuns: 2000 });
    const pieces = fc.constantFrom(
      'the ',
      'a ',
      'an ',
      'The',
      '.',
      ',',
      "'",
      '’',
      '-',
      '–',
      '&',
      ' ',
      '1',
      '2',
      'ï',
      'É',
      'ß',
      'x',
      'World',
      '\u200b',
      '"',
    );
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 12 }).map((p) => p.join('')),
        assertIdempotent,
      ),
      { numRuns: 2000 },
    );
  });
});
