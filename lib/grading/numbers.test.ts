import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseAnswer } from './normalise';
import { numbersIn, parseNumber, romanValue, wordsToDigits } from './numbers';

const digits = (text: string) => wordsToDigits(normaliseAnswer(text));

describe('wordsToDigits', () => {
  it.each([
    ['twenty seven', '27'],
    ['twenty-seven', '27'],
    ['eight-point', '8 point'],
    ['eight point', '8 point'],
    ['8-point', '8 point'],
    ['zero', '0'],
    ['nineteen', '19'],
    ['ninety nine', '99'],
    ['one hundred', '100'],
    ['a hundred', '100'],
    ['one hundred and five', '105'],
    ['two hundred forty two', '242'],
    ['nineteen hundred', '1900'],
    ['two thousand and twenty', '2020'],
    ['two thousand five hundred', '2500'],
    ['three million', '3000000'],
    ['twenty billion yen', '20000000000 yen'],
    ['20 billion yen', '20000000000 yen'],
    ['¥20 billion', '20000000000'],
    ['2.5 million', '2500000'],
    ['one hundred thousand', '100000'],
    ['four islands', '4 islands'],
    ['Second World War', '2nd world war'],
    ['the twenty-first century', '21st century'],
    ['eleventh hour', '11th hour'],
    ['third', '3rd'],
    ['twelfth', '12th'],
    ['twentieth', '20th'],
    ['one hundred and first', '101st'],
    ['five six', '5 6'],
    ['twenty eleven', '20 11'],
    ['nineteen fifty six', '19 56'],
    ['rock and roll', 'rock and roll'],
    ['two and three', '2 and 3'],
    ['one hundred and', '100 and'],
    ['27', '27'],
    ['1956', '1956'],
    ['0.0005 thousand', '0.0005 thousand'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(digits(input)).toBe(expected);
  });

  it('can leave ordinals alone', () => {
    expect(wordsToDigits('second world war', { ordinals: false })).toBe('second world war');
  });

  it('is idempotent on number phrases', () => {
    const word = fc.constantFrom(
      'one',
      'two',
      'five',
      'eleven',
      'nineteen',
      'twenty',
      'ninety',
      'hundred',
      'thousand',
      'million',
      'billion',
      'and',
      'first',
      'second',
      'twentieth',
      'zero',
      '7',
      '2.5',
      'point',
      'the',
    );
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 10 }).map((w) => w.join(' ')),
        (text) => wordsToDigits(wordsToDigits(text)) === wordsToDigits(text),
      ),
      { numRuns: 3000 },
    );
  });
});

describe('parseNumber', () => {
  it.each([
    ['27', 27],
    [' 27 ', 27],
    ['27.5', 27.5],
    ['-3', -3],
    ['−3', -3],
    ['.5', 0.5],
    ['1,000', 1000],
    ['1,000,000.5', 1000000.5],
    ['twenty-seven', 27],
    ['Twenty Seven', 27],
    ['one hundred and five', 105],
    ['20 billion', 20e9],
    ['minus five', -5],
    ['zero', 0],
  ])('%j → %j', (input, expected) => {
    expect(parseNumber(input)).toBe(expected);
  });

  it.each(['', '   ', 'abc', '27 meetings', '$5', '1e3', 'Infinity', 'NaN', '1,00', 'twenty seventh', 'five six', '1.2.3', '--5'])(
    '%j is not a plain number',
    (input) => {
      expect(parseNumber(input)).toBeNull();
    },
  );

  it('reads back every number it writes', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), (n) => {
        const text = String(n);
        return /e/.test(text) || parseNumber(text) === n || (Object.is(n, -0) && parseNumber(text) === 0);
      }),
    );
  });
});

describe('numbersIn', () => {
  it('lists the cardinal numbers a text mentions, in words or digits', () => {
    expect(numbersIn('twenty seven 8 point')).toBe('27 8');
    expect(numbersIn('second world war')).toBe('');
    expect(numbersIn('eighty')).toBe('80');
  });

  it('counts Roman numerals standing alone or after "ww"', () => {
    expect(numbersIn('world war ii')).toBe('2');
    expect(numbersIn('world war i')).toBe('1');
    expect(numbersIn('wwii')).toBe('2');
    expect(numbersIn('ww2')).toBe('2');
    expect(numbersIn('louis xiv')).toBe('14');
    expect(numbersIn('mix civic vivid')).toBe('');
  });

  it.each([
    ['i', 1],
    ['iv', 4],
    ['ix', 9],
    ['xiv', 14],
    ['xxxix', 39],
    ['iiii', null],
    ['vx', null],
    ['', null],
  ])('romanValue(%j) = %j', (token, value) => {
    expect(romanValue(token)).toBe(value);
  });
});
