/**
 * Folds a typed answer to the form it is compared in, so that only the words count:
 * compatibility forms and accents are folded (NFKD, marks dropped: "Habomaï" → "habomai"),
 * letters lowercased, typographic quotes and dashes folded, "&" read as "and", apostrophes and
 * full stops dropped ("Russia's" → "russias", "U.S." → "us") except a decimal point between
 * digits ("27.5"), thousands commas between digits dropped ("1,000" → "1000"), every other
 * punctuation mark (hyphens included) read as a space, spaces collapsed and trimmed, and leading
 * articles (the, a, an) dropped when a word follows. Idempotent.
 */

/** Letters that NFKD does not take apart. */
const LETTER_FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
};

const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u2035\u02bc\u02bb\u0060\u00b4]/gu;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb]/gu;
const DASHES = /[\u2010-\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]/gu;

export function normaliseAnswer(text: string): string {
  let folded = text
    .normalize('NFKD')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæœøłđðþıħ]/gu, (letter) => LETTER_FOLDS[letter] ?? letter)
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .replace(/\p{Cf}/gu, '')
    .replace(/&/g, ' and ')
    // Keep a decimal point and drop a thousands comma, but only between two digits.
    .replace(/(?<=[0-9]),(?=[0-9])/g, '')
    .replace(/(?<![0-9])\.|\.(?![0-9])/g, '')
    .replace(/'/g, '')
    .replace(/[^\p{L}\p{N}\s.]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  while (/^(?:the|a|an) (?=\S)/.test(folded)) folded = folded.replace(/^(?:the|a|an) /, '');
  return folded;
}
