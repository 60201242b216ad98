import unhomoglyph from 'unhomoglyph';
import { z } from 'zod';

/**
 * Student nicknames within a class. What the student typed is tidied (NFC, whitespace collapsed to
 * single spaces, trimmed) and must then be 1–30 characters, counted in Unicode code points.
 * Letters, digits, punctuation, symbols and emoji from any script are welcome. Refused:
 * - control characters (tab and newline count as whitespace and are collapsed first, so a pasted
 *   trailing newline is harmless);
 * - anything invisible, so that no two names can look the same yet differ: format characters
 *   (Unicode Cf), default-ignorable code points (zero-width joiner and non-joiner, variation
 *   selectors, tag characters, U+034F, the Hangul fillers U+3164 and U+FFA0, U+17B4…) and blank
 *   symbols such as the Braille blank U+2800. The joiners are kept only where they are visible:
 *   inside a complete emoji sequence (👩‍💻, ❤️, 🏴󠁧󠁢󠁳󠁣󠁴󠁿) and ZWNJ between two letters of a script
 *   whose shaping it changes (Persian "می‌خواهم");
 * - lone surrogates, and names with nothing visible in them.
 *
 * Uniqueness is by `nicknameKey`, the Unicode confusable skeleton (UTS #39), ignoring case, so "Sam", "SAM", full-width "Ｓａｍ", Cyrillic "Ѕаm" and Lisu "ꓢꓮꓟ" all clash.
 */

export const NICKNAME_MAX = 30;

const WHITESPACE = /\s+/gu;
const CONTROL = /\p{Cc}/u;
const LONE_SURROGATE = /\p{Cs}/u;
// Built at run time: TypeScript's ES2022 target does not know the `v` flag that RGI_Emoji needs.
const EMOJI_SEQUENCE = new RegExp('\\p{RGI_Emoji}', 'gv');
/** ZWNJ between two letters (or marks) of a script it shapes: Arabic, Syriac and the Brahmic scripts. */
const SHAPING_ZWNJ =
  /(?<=[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}])\u200C(?=[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}])/gu;
/** Characters that show nothing: format, default-ignorable, and blank symbols that are neither. */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}\u2800\u{1D159}\u{1D173}-\u{1D17A}]/u;

/** The name without the joiners and selectors that are part of something visible. */
function withoutVisibleSequences(name: string): string {
  return name.replace(EMOJI_SEQUENCE, '\u{1F642}').replace(SHAPING_ZWNJ, '');
}
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
  if (CONTROL.test(name) || LONE_SURROGATE.test(name) || INVISIBLE.test(withoutVisibleSequences(name))) {
    return 'That nickname contains invisible or control characters.';
  }
  if (!VISIBLE.test(name)) return 'A nickname needs at least one visible letter, digit or symbol.';
  return null;
}

/** UTS #39 skeleton: NFD, each confusable mapped to its prototype, NFD again. */
function skeleton(text: string): string {
  return unhomoglyph(text.normalize('NFD')).normalize('NFD');
}

/**
 * The key two nicknames clash on: NFKC, whitespace collapsed and trimmed, then the confusable
 * skeleton, lower-cased and skeletonised again (so case does not matter, and capitals that only
 * look alike as capitals, Cyrillic "ЅАМ" and "SAM", still clash). Not meant to be read: "Sam"
 * keys as "sarn", like "Sarn"; "Ian" clashes with "lan", not with "ian".
 */
export function nicknameKey(nickname: string): string {
  const tidy = nickname.normalize('NFKC').replace(WHITESPACE, ' ').trim();
  return skeleton(skeleton(tidy).toLowerCase());
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
