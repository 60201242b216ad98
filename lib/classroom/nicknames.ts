import { z } from 'zod';

/**
 * Student nicknames within a class. What the student typed is tidied (NFC, whitespace collapsed to
 * single spaces, trimmed) and must then be 1–30 characters, counted in Unicode code points.
 * Letters, digits, punctuation, symbols and emoji from any script are welcome. Refused:
 * - control characters (tab and newline count as whitespace and are collapsed first, so a pasted
 *   trailing newline is harmless);
 * - invisible format characters (Unicode Cf: zero-width space, bidi overrides that make a name
 *   display backwards, soft hyphen…), except the joiners ZWNJ/ZWJ and emoji tag characters that
 *   real names and emoji need;
 * - lone surrogates, and names with nothing visible in them.
 *
 * Uniqueness is by `nicknameKey`: NFKC (so full-width "Ｓａｍ" and "Sam" clash) then lower case.
 */

export const NICKNAME_MAX = 30;

const WHITESPACE = /\s+/gu;
const CONTROL = /\p{Cc}/u;
const LONE_SURROGATE = /\p{Cs}/u;
/** Format characters, minus ZWNJ (U+200C), ZWJ (U+200D) and the emoji tags (U+E0020–U+E007F). */
const INVISIBLE_FORMAT = /(?![\u200C\u200D\u{E0020}-\u{E007F}])\p{Cf}/u;
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

/** NFC, every run of whitespace as one space, trimmed. */
export function tidyNickname(input: string): string {
  return input.normalize('NFC').replace(WHITESPACE, ' ').trim();
}

function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export const nicknameSchema = z
  .string()
  .transform(tidyNickname)
  .superRefine((name, ctx) => {
    const problem = nicknameProblem(name);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** Why a tidied nickname is refused, in words for the student; null when it is fine. */
function nicknameProblem(name: string): string | null {
  if (name === '') return 'Please choose a nickname.';
  if (codePoints(name) > NICKNAME_MAX) return `A nickname can be at most ${NICKNAME_MAX} characters.`;
  if (CONTROL.test(name) || LONE_SURROGATE.test(name) || INVISIBLE_FORMAT.test(name)) {
    return 'That nickname contains invisible or control characters.';
  }
  if (!VISIBLE.test(name)) return 'A nickname needs at least one visible letter, digit or symbol.';
  return null;
}

/** The key two nicknames clash on: NFKC, whitespace collapsed and trimmed, lower case. */
export function nicknameKey(nickname: string): string {
  return nickname.normalize('NFKC').replace(WHITESPACE, ' ').trim().toLowerCase().normalize('NFKC');
}

const NUMBERED = /^(.*\S) (\d{1,6})$/u;
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** `base` cut (by whole graphemes, so no emoji or accent is split) to at most `max` code points. */
function cut(base: string, max: number): string {
  let result = '';
  for (const { segment } of graphemes.segment(base)) {
    if (codePoints(result) + codePoints(segment) > max) break;
    result += segment;
  }
  return result.trimEnd();
}

/**
 * `wanted` (tidied) if its key is not in `taken`, else the first free "Sam 2", "Sam 3", … A wanted
 * name that already ends in a number continues from it ("Sam 2" → "Sam 3"). The base is shortened
 * when needed so the suggestion stays within 30 characters. `taken` holds nicknameKey values.
 * Throws if `wanted` is not a valid nickname.
 */
export function suggestFreeNickname(wanted: string, taken: ReadonlySet<string>): string {
  const name = nicknameSchema.parse(wanted);
  if (!taken.has(nicknameKey(name))) return name;

  const numbered = NUMBERED.exec(name);
  const base = numbered?.[1] ?? name;
  const start = numbered?.[2] ? Number(numbered[2]) + 1 : 2;
  // Each candidate's key differs from the others, so at most taken.size of them can be taken;
  // the extra margin only covers a long base being cut into the same key with another number.
  const limit = start + taken.size + 1000;
  for (let n = start; n < limit; n++) {
    const suffix = ` ${n}`;
    const head = cut(base, NICKNAME_MAX - suffix.length);
    const candidate = head === '' ? String(n) : head + suffix;
    if (!taken.has(nicknameKey(candidate))) return candidate;
  }
  throw new Error(`No free nickname found near “${name}”.`);
}
