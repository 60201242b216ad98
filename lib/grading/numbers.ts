import { normaliseAnswer } from './normalise';

/**
 * English number words as digits, so that "twenty seven" reads as "27" and "eight point" as
 * "8 point". Works on normalised text (lowercase, single spaces, hyphens already spaces).
 */

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };
const UNIT_ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
};
const TEN_ORDINALS: Record<string, number> = {
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  sixtieth: 60,
  seventieth: 70,
  eightieth: 80,
  ninetieth: 90,
};

const own = (table: Record<string, number>, word: string | undefined): number | undefined =>
  word !== undefined && Object.hasOwn(table, word) ? table[word] : undefined;

const DIGITS = /^[0-9]+(?:\.[0-9]+)?$/;

export interface WordsToDigitsOptions {
  /** Also turn ordinals into "1st", "2nd", "21st"… (default true). */
  ordinals?: boolean;
}

interface Phrase {
  value: number;
  ordinal: boolean;
  end: number;
}

function ordinalSuffix(n: number): string {
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return 'th';
  return ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
}

/**
 * Reads one number phrase starting at tokens[start]: "twenty seven", "one hundred and five",
 * "two thousand", "nineteen hundred", "twenty first", or digits followed by a scale word
 * ("20 billion"). Returns null when no number phrase starts there.
 */
function readPhrase(tokens: readonly string[], start: number, { ordinals }: { ordinals: boolean }): Phrase | null {
  let total = 0; // finished scale groups
  let group = 0; // the group being built (below a thousand, or digits times "hundred")
  let last: 'start' | 'unit' | 'ten' | 'hundred' | 'scale' | 'and' = 'start';
  let lastScale = Infinity;
  let used = false;
  let i = start;

  const first = tokens[start];
  if (first !== undefined && DIGITS.test(first)) {
    // Digits count only when a scale word follows: "20 billion", "2.5 million".
    const next = tokens[start + 1];
    if (own(SCALES, next) === undefined && next !== 'hundred') return null;
    group = Number(first);
    last = 'unit';
    used = true;
    i = start + 1;
  }

  for (; i < tokens.length; i++) {
    const word = tokens[i] as string;
    const unit = own(UNITS, word);
    const ten = own(TENS, word);
    const scale = own(SCALES, word);
    const unitOrdinal = ordinals ? own(UNIT_ORDINALS, word) : undefined;
    const tenOrdinal = ordinals ? own(TEN_ORDINALS, word) : undefined;
    const unitAllowed =
      last === 'start' || last === 'hundred' || last === 'scale' || last === 'and' || (last === 'ten' && group % 10 === 0);
    const tenAllowed = last === 'start' || last === 'hundred' || last === 'scale' || last === 'and';

    if (unit !== undefined && unitAllowed && !(last === 'ten' && unit >= 10) && !(last !== 'start' && unit === 0)) {
      group += unit;
      last = 'unit';
    } else if (ten !== undefined && tenAllowed) {
      group += ten;
      last = 'ten';
    } else if (unitOrdinal !== undefined && unitAllowed && !(last === 'ten' && unitOrdinal >= 10)) {
      return { value: total + group + unitOrdinal, ordinal: true, end: i + 1 };
    } else if (tenOrdinal !== undefined && tenAllowed) {
      return { value: total + group + tenOrdinal, ordinal: true, end: i + 1 };
    } else if (word === 'hundred' && (last === 'start' || ((last === 'unit' || last === 'ten') && group > 0 && group < 100))) {
      group = (last === 'start' ? 1 : group) * 100;
      last = 'hundred';
    } else if (scale !== undefined && scale < lastScale && (last === 'start' || last === 'unit' || last === 'ten' || last === 'hundred')) {
      total += (last === 'start' ? 1 : group) * scale;
      group = 0;
      lastScale = scale;
      last = 'scale';
    } else if (word === 'and' && (last === 'hundred' || last === 'scale')) {
      const next = tokens[i + 1];
      const continues =
        (own(UNITS, next) ?? 0) > 0 ||
        own(TENS, next) !== undefined ||
        (ordinals && (own(UNIT_ORDINALS, next) !== undefined || own(TEN_ORDINALS, next) !== undefined));
      if (!continues) break;
      last = 'and';
    } else {
      break;
    }
    used = true;
  }
  if (!used) return null;
  return { value: total + group, ordinal: false, end: i };
}

function formatValue(value: number): string | null {
  const rounded = Math.round(value);
  if (Math.abs(value - rounded) > 1e-9 * Math.max(1, Math.abs(value)) || !Number.isSafeInteger(rounded)) return null;
  return String(rounded);
}

/** Replaces number words (and digits followed by a scale word) with digits. */
export function wordsToDigits(normalisedText: string, options: WordsToDigitsOptions = {}): string {
  const ordinals = options.ordinals ?? true;
  const tokens = normalisedText.split(' ');
  const out: string[] = [];
  for (let i = 0; i < tokens.length;) {
    const phrase = readPhrase(tokens, i, { ordinals });
    const digits = phrase ? formatValue(phrase.value) : null;
    if (phrase && digits !== null) {
      out.push(phrase.ordinal ? digits + ordinalSuffix(Number(digits)) : digits);
      i = phrase.end;
    } else if (phrase) {
      // A value digits cannot show exactly ("0.0005 thousand"): keep the words as they were.
      out.push(...tokens.slice(i, phrase.end));
      i = phrase.end;
    } else {
      out.push(tokens[i] as string);
      i++;
    }
  }
  return out.join(' ');
}

const PLAIN_NUMBER = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/;
const GROUPED_NUMBER = /^[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?$/;

/**
 * A number from what a learner typed: "27", "-3", "27.5", "1,000", "twenty-seven",
 * "one hundred and five", "20 billion", "minus five". Anything else (units, several numbers,
 * ordinals, exponents) gives null.
 */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(/[\u2212\u2012\u2013]/g, '-');
  if (PLAIN_NUMBER.test(trimmed) || GROUPED_NUMBER.test(trimmed)) {
    const value = Number(trimmed.replace(/,/g, ''));
    return Number.isFinite(value) ? value : null;
  }
  // Otherwise number words, perhaps after digits ("20 billion"): letters, digits, spaces, hyphens
  // and decimal points only, so "$5", "--5" or "1,00" are not numbers; "27 meetings" fails below.
  if (!/^[\p{L}\p{N}\s.-]+$/u.test(trimmed) || !/\p{L}/u.test(trimmed) || /^[+-]/.test(trimmed)) return null;
  let words = normaliseAnswer(trimmed);
  let sign = 1;
  const negative = /^(?:minus|negative) /.exec(words);
  if (negative) {
    sign = -1;
    words = words.slice(negative[0].length);
  }
  if (!words) return null;
  const digits = wordsToDigits(words, { ordinals: false });
  if (!/^[0-9]+(?:\.[0-9]+)?$/.test(digits)) return null;
  const value = sign * Number(digits);
  return Number.isFinite(value) ? value : null;
}

const ROMAN = /^(x{0,3})(ix|iv|v?i{0,3})$/;
const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10 };

/** The value of a Roman numeral from i to xxxix, or null. */
export function romanValue(token: string): number | null {
  if (!token || !ROMAN.test(token)) return null;
  let total = 0;
  for (let i = 0; i < token.length; i++) {
    const value = ROMAN_VALUES[token[i] as string] ?? 0;
    const next = ROMAN_VALUES[token[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/**
 * The numbers a text mentions, as a comparable key: digits, number words ("twenty seven" → 27),
 * Roman numerals standing alone ("world war ii" → 2) and after "ww" ("wwii" → 2). Typo tolerance
 * compares these, so that a slip never changes a number.
 */
export function numbersIn(normalisedText: string): string {
  const found: string[] = [];
  for (const token of wordsToDigits(normalisedText, { ordinals: false }).split(' ')) {
    const roman = romanValue(token) ?? romanValue(/^ww([ivx]+)$/.exec(token)?.[1] ?? '');
    if (roman !== null) found.push(String(roman));
    else found.push(...(token.match(/[0-9]+(?:\.[0-9]+)?/g) ?? []));
  }
  return found.join(' ');
}
