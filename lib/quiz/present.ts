import type { CardItem, Item, MatchingItem, OrderingItem } from '@/lib/questions/schema';
import { keyedStream, subSeed } from './random';

/**
 * What the browser may see of an item before the learner answers: the prompt and the choices,
 * never the key. Every id the browser sees (options, ordering entries, both sides of a matching)
 * is opaque: keyed by the presentation's secret seed (see random.ts), so it cannot be computed or
 * guessed from the item, and only the server, holding the seed, maps it back. Authored ids would
 * give keys away (keys sit on the first options, entries are authored in order, rights share
 * their pair's id).
 */

/** Items a learner answers; cards are reviewed, not graded. */
export type QuizItem = Exclude<Item, CardItem>;
export type QuizItemType = QuizItem['type'];

export function isQuizItem(item: Item): item is QuizItem {
  return item.type !== 'card';
}

export interface PublicChoice {
  id: string;
  text: string;
}

interface PublicBase {
  id: string;
  prompt: string;
}

export interface PublicSingle extends PublicBase {
  type: 'single';
  options: PublicChoice[];
}
export interface PublicMultiple extends PublicBase {
  type: 'multiple';
  options: PublicChoice[];
}
export interface PublicTrueFalse extends PublicBase {
  type: 'truefalse';
}
export interface PublicTyped extends PublicBase {
  type: 'typed';
  /**
   * The prompt split at its gap `____`, or null when the prompt is a plain question. `size`: the
   * gap's width in characters, the answer's length rounded up to a multiple of 4 (so it hints at
   * the answer's length no more than a printed gap would).
   */
  cloze: { before: string; after: string; size: number } | null;
}
export interface PublicNumeric extends PublicBase {
  type: 'numeric';
  unit: string | null;
}
export interface PublicOrdering extends PublicBase {
  type: 'ordering';
  /** Shuffled uniformly, with opaque ids. */
  entries: PublicChoice[];
}
export interface PublicMatching extends PublicBase {
  type: 'matching';
  /** The pairs' left sides in authored order, with opaque ids. */
  lefts: PublicChoice[];
  /** The right sides shuffled uniformly, with opaque ids. */
  rights: PublicChoice[];
}

export type PublicItem = PublicSingle | PublicMultiple | PublicTrueFalse | PublicTyped | PublicNumeric | PublicOrdering | PublicMatching;

const GAP = /_{4,}/;

/** The width of a cloze gap for an answer: its length rounded up to a multiple of 4, 8 to 24. */
export function gapSize(answer: string): number {
  return Math.min(24, Math.max(8, Math.ceil([...answer].length / 4) * 4));
}

export function splitCloze(prompt: string): { before: string; after: string } | null {
  const match = GAP.exec(prompt);
  if (!match) return null;
  return { before: prompt.slice(0, match.index), after: prompt.slice(match.index + match[0].length) };
}

export interface PresentedEntry {
  /** The id the browser sees. */
  publicId: string;
  /** The author's id in the question file. */
  authorId: string;
  text: string;
}

/**
 * A list as the browser sees it: opaque ids and, when `shuffled`, a uniform shuffle, all from one
 * stream keyed by the seed. An id that clashes with an author id of the list (8-character ids are
 * allowed) or with another id is drawn again. No order is ever excluded (not even the right one):
 * a rule such as "never in the right order" would let someone who sees many presentations find
 * the one order that never comes up.
 */
function present(
  seed: string,
  item: Item,
  { purpose, list, shuffled }: { purpose: string; list: readonly { id: string; text: string }[]; shuffled: boolean },
): PresentedEntry[] {
  let byPurpose = presented.get(item);
  if (!byPurpose) presented.set(item, (byPurpose = new Map()));
  const key = subSeed(seed, purpose);
  const known = byPurpose.get(key);
  if (known) return known;
  const stream = keyedStream(seed, item.id, purpose);
  const taken = new Set(list.map((entry) => entry.id));
  const entries = list.map((entry) => {
    let publicId = stream.id();
    while (taken.has(publicId)) publicId = stream.id();
    taken.add(publicId);
    return Object.freeze({ publicId, authorId: entry.id, text: entry.text });
  });
  const result = Object.freeze(shuffled ? stream.shuffle(entries) : entries) as PresentedEntry[];
  // Answering one question rebuilds its presentation three times (check, grade, describe).
  if (byPurpose.size >= PRESENTATIONS_KEPT) byPurpose.delete(byPurpose.keys().next().value!);
  byPurpose.set(key, result);
  return result;
}

/** Recent presentations per item (keyed by the item object, which items.ts reuses while it is unchanged). */
const presented = new WeakMap<Item, Map<string, PresentedEntry[]>>();
const PRESENTATIONS_KEPT = 64;

/** Options of a single or multiple item as presented (shuffled, opaque ids). */
export function presentedOptions(item: Extract<Item, { options: unknown }>, seed: string): PresentedEntry[] {
  return present(seed, item, { purpose: 'options', list: item.options, shuffled: true });
}

/** Ordering entries as presented (shuffled, opaque ids). */
export function presentedEntries(item: OrderingItem, seed: string): PresentedEntry[] {
  return present(seed, item, { purpose: 'order', list: item.order, shuffled: true });
}

/** Matching left sides as presented (authored order, opaque ids). */
export function presentedLefts(item: MatchingItem, seed: string): PresentedEntry[] {
  return present(seed, item, { purpose: 'lefts', list: item.pairs.map((pair) => ({ id: pair.id, text: pair.left })), shuffled: false });
}

/** Matching right sides as presented (shuffled, opaque ids). */
export function presentedRights(item: MatchingItem, seed: string): PresentedEntry[] {
  return present(seed, item, { purpose: 'rights', list: item.pairs.map((pair) => ({ id: pair.id, text: pair.right })), shuffled: true });
}

const toPublic = (entries: PresentedEntry[]): PublicChoice[] => entries.map((e) => ({ id: e.publicId, text: e.text }));
const authorIdsOf = (entries: PresentedEntry[]): ReadonlyMap<string, string> => new Map(entries.map((e) => [e.publicId, e.authorId]));

/** Maps the ids a presentation showed back to the author's ids, per list the item shows. */
export function authorIdMaps(item: QuizItem, seed: string): { choices: ReadonlyMap<string, string>; lefts: ReadonlyMap<string, string> } {
  const none = new Map<string, string>();
  switch (item.type) {
    case 'single':
    case 'multiple':
      return { choices: authorIdsOf(presentedOptions(item, seed)), lefts: none };
    case 'ordering':
      return { choices: authorIdsOf(presentedEntries(item, seed)), lefts: none };
    case 'matching':
      return { choices: authorIdsOf(presentedRights(item, seed)), lefts: authorIdsOf(presentedLefts(item, seed)) };
    default:
      return { choices: none, lefts: none };
  }
}

/** The public view of a quiz item. Throws for a card, which is not a quiz item. */
export function presentItem(item: Item, seed: string): PublicItem {
  const base = { id: item.id, prompt: item.prompt };
  switch (item.type) {
    case 'single':
      return { ...base, type: 'single', options: toPublic(presentedOptions(item, seed)) };
    case 'multiple':
      return { ...base, type: 'multiple', options: toPublic(presentedOptions(item, seed)) };
    case 'truefalse':
      return { ...base, type: 'truefalse' };
    case 'typed': {
      const cloze = splitCloze(item.prompt);
      return { ...base, type: 'typed', cloze: cloze ? { ...cloze, size: gapSize(item.answer) } : null };
    }
    case 'numeric':
      return { ...base, type: 'numeric', unit: item.unit ?? null };
    case 'ordering':
      return { ...base, type: 'ordering', entries: toPublic(presentedEntries(item, seed)) };
    case 'matching':
      return {
        ...base,
        type: 'matching',
        lefts: toPublic(presentedLefts(item, seed)),
        rights: toPublic(presentedRights(item, seed)),
      };
    case 'card':
      throw new Error(`item ${item.id} is a card; cards are reviewed as flashcards, not presented as quiz questions`);
  }
}
