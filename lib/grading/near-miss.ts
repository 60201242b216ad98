import { editDistance } from './typo';

/**
 * Near matches that the typo allowance must still refuse, because the slip changes the meaning:
 * "acceptable" is two letters from "unacceptable" and "unmotivated" two from "motivated", yet each
 * says the opposite. Both strings are normalised answers (see normaliseAnswer).
 */

/** Prefixes that negate an English word. */
export const NEGATING_PREFIXES = ['un', 'in', 'im', 'il', 'ir', 'non', 'dis'] as const;

/** Whether a word is a real word: of the English word list or of the article (server-side only). */
export type KnownWord = (word: string) => boolean;

const words = (text: string) => text.split(' ').filter(Boolean);

/** The target with one of its words negated or un-negated: every way a prefix can be added or dropped. */
function negatedVariants(target: string): string[] {
  const parts = words(target);
  const variants: string[] = [];
  parts.forEach((word, i) => {
    for (const prefix of NEGATING_PREFIXES) {
      const changed = [prefix + word];
      if (word.startsWith(prefix) && word.length - prefix.length >= 3) changed.push(word.slice(prefix.length));
      for (const replacement of changed) variants.push([...parts.slice(0, i), replacement, ...parts.slice(i + 1)].join(' '));
    }
  });
  return variants;
}

/**
 * Whether the typed text reads as the target with a negating prefix added or dropped: it is at
 * least as close to such a variant as to the target itself.
 */
export function flipsNegation(typed: string, target: string): boolean {
  const distance = editDistance(typed, target);
  return negatedVariants(target).some((variant) => editDistance(typed, variant) <= distance);
}

/** The forms a word may take and still be the same word: itself, and without a plural or past ending. */
function stems(word: string): string[] {
  const found = [word];
  for (const ending of ['es', 's', 'ed', 'd']) {
    if (word.endsWith(ending) && word.length - ending.length >= 3) found.push(word.slice(0, -ending.length));
  }
  return found;
}

/** Same word up to a plural or past ending ("hope"/"hopes", "motivate"/"motivated"). */
export function sameWordUpToEnding(a: string, b: string): boolean {
  const of = new Set(stems(a));
  return stems(b).some((stem) => of.has(stem));
}

/**
 * Whether the typed text brings in a real word that the target does not have (and that is not
 * merely one of its words with a plural or past ending): "beverage" for "leverage", "wide" for
 * "wise". A slip makes a non-word; a real word is a different answer.
 */
export function bringsInAnotherWord(typed: string, target: string, isKnownWord: KnownWord): boolean {
  const targetWords = words(target);
  return words(typed)
    .filter((word) => word.length > 1 && !targetWords.includes(word))
    .some((word) => isKnownWord(word) && !targetWords.some((own) => sameWordUpToEnding(word, own)));
}

/** Whether a near match must be refused although it is within the typo allowance. */
export function changesMeaning(typed: string, target: string, isKnownWord?: KnownWord): boolean {
  return flipsNegation(typed, target) || (isKnownWord !== undefined && bringsInAnotherWord(typed, target, isKnownWord));
}
