import type { Item } from '../../questions/schema';

/**
 * An item read from another format, before it gets an id and a grounded source: the key as
 * Passage holds it, the explanation (empty when the format had none) and any quotes found in the
 * feedback, which grounding tries first.
 */
type Draftify<T> = T extends unknown
  ? Omit<T, 'id' | 'source' | 'explanation'> & { explanation: string; quotes: string[]; name: string | null }
  : never;
export type DraftItem = Draftify<Item>;

export interface ReadResult {
  /** A set title the file suggests (a GIFT or Moodle category), if any. */
  title: string | null;
  items: DraftItem[];
  /** Questions the file holds that Passage cannot take, each with where and why. */
  skipped: string[];
}

/** Entry ids as hand-written sets use them: a, b, c, … z, then a1, b1, … */
export function entryId(index: number): string {
  const letter = 'abcdefghijklmnopqrstuvwxyz'[index % 26] ?? 'a';
  return index < 26 ? letter : `${letter}${Math.floor(index / 26)}`;
}

/** The line a format could not import, as a CLI and a test can read it. */
export class ImportFormatError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
    readonly column: number | null = null,
  ) {
    super(line === null ? message : `line ${line}, column ${column ?? 1}: ${message}`);
  }
}

/** Runs of three or more underscores are a gap; Passage writes its cloze gap as four. */
export const normaliseGap = (text: string) => text.replace(/_{3,}/g, '____');
