import { z } from 'zod';

/**
 * Classroom join codes: 6 characters a teacher can read aloud or write on a board. The alphabet
 * leaves out the look-alikes 0/O and 1/I/L, so every character a student sees is unambiguous.
 *
 * Typed input is forgiving about case, spaces and dashes ("abc-d23" → "ABCD23") but not about
 * look-alikes: since neither 0 nor O (nor 1, I, L) can appear in a code, there is nothing sound to
 * map them to, and a code containing one is rejected (null) rather than guessed at.
 *
 * Randomness comes in as `randomInt(maxExclusive)`; on the server pass a cryptographic one
 * (e.g. `crypto.randomInt`), since a guessable code lets anyone into the class.
 */

export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;
/** 31^6 = 887,503,681 possible codes. */
export const JOIN_CODE_SPACE = JOIN_CODE_ALPHABET.length ** JOIN_CODE_LENGTH;

const JOIN_CODE_PATTERN = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);
/** What typing may add around the characters: any whitespace, ASCII and Unicode dashes. */
const SEPARATORS = /[\s\-\u2010-\u2015\u2212]/gu;

export type RandomInt = (maxExclusive: number) => number;

/** A fresh code, one `randomInt(31)` per character. Throws if `randomInt` leaves its range. */
export function generateJoinCode(randomInt: RandomInt): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) {
    const index = randomInt(JOIN_CODE_ALPHABET.length);
    if (!Number.isInteger(index) || index < 0 || index >= JOIN_CODE_ALPHABET.length) {
      throw new RangeError(
        `randomInt(${JOIN_CODE_ALPHABET.length}) returned ${String(index)}, not an integer in [0, ${JOIN_CODE_ALPHABET.length})`,
      );
    }
    code += JOIN_CODE_ALPHABET[index];
  }
  return code;
}

/**
 * The canonical form of a typed code (upper case, no spaces or dashes), or null when it is not a
 * possible code: wrong length, a look-alike (0 O 1 I L) or any other character outside the alphabet.
 */
export function normaliseJoinCode(input: string): string | null {
  const code = input.replace(SEPARATORS, '').toUpperCase();
  return JOIN_CODE_PATTERN.test(code) ? code : null;
}

/** Parses typed input into the canonical code; the error message is fit to show a student. */
export const joinCodeSchema = z.string().transform((input, ctx) => {
  const code = normaliseJoinCode(input);
  if (code === null) {
    ctx.addIssue({ code: 'custom', message: `A class code is ${JOIN_CODE_LENGTH} letters and digits, like “K7M2QX”.` });
    return z.NEVER;
  }
  return code;
});

/**
 * A code `isTaken` says is free, drawing again on each collision. Throws after `maxTries` draws,
 * which with 31^6 codes means the generator is broken or the space is nearly full.
 */
export async function generateUniqueJoinCode(
  randomInt: RandomInt,
  isTaken: (code: string) => boolean | Promise<boolean>,
  maxTries = 20,
): Promise<string> {
  for (let attempt = 0; attempt < maxTries; attempt++) {
    const code = generateJoinCode(randomInt);
    if (!(await isTaken(code))) return code;
  }
  throw new Error(`Could not find a free join code in ${maxTries} tries; every code drawn was already taken.`);
}
