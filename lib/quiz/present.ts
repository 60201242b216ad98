import type { CardItem, Item, MatchingItem, OrderingItem } from '@/lib/questions/schema';
import { opaqueId, shuffle, subSeed } from './random';

/**
 * What the browser may see of an item before the learner answers: the prompt and the choices,
 * never the key. Choices are shuffled with a per-attempt seed; where an author's ids would give
 * the key away (ordering entries are listed in the right order, matching rights share their
 * pair's id) they are replaced by opaque ids that only the seed can map back.
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
  /** Shuffled, never in the right order, with opaque ids. */
  entries: PublicChoice[];
}
export interface PublicMatching extends PublicBase {
  type: 'matching';
  /** The pairs' left sides in authored order, with the pair ids. */
  lefts: PublicChoice[];
  /** The right sides shuffled, never lined up with the lefts, with opaque ids. */
  rights: PublicChoice[];
}

export type PublicItem =
  | PublicSingle
  | PublicMultiple
  | PublicTrueFalse
  | PublicTyped
  | PublicNumeric
  | PublicOrdering
  | PublicMatching;

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

/** Rotates by one when a shuffle left entries in their original order (never when it did not). */
function neverInOrder<T>(shuffled: T[], original: readonly T[]): T[] {
  const unchanged = shuffled.length >= 2 && shuffled.every((entry, i) => entry === original[i]);
  return unchanged ? [...shuffled.slice(1), ...shuffled.slice(0, 1)] : shuffled;
}

/**
 * Opaque ids for a list of author ids: `opaqueId(seed, ...prefix, id)`. A clash with another
 * opaque id or with any author id of the item (8-character ids are allowed) is vanishingly rare,
 * but is settled deterministically by hashing again with a counter.
 */
function opaqueIds(seed: string, prefix: string[], ids: readonly string[], reserved: readonly string[]): string[] {
  const taken = new Set(reserved);
  return ids.map((id) => {
    let candidate = opaqueId(seed, ...prefix, id);
    for (let attempt = 1; taken.has(candidate); attempt++) candidate = opaqueId(seed, ...prefix, id, String(attempt));
    taken.add(candidate);
    return candidate;
  });
}

export interface PresentedEntry {
  /** The id the browser sees. */
  publicId: string;
  /** The author's id in the question file. */
  authorId: string;
  text: string;
}

/** Ordering entries as presented (shuffled, never in order), each with both ids. */
export function presentedEntries(item: OrderingItem, seed: string): PresentedEntry[] {
  const authorIds = item.order.map((entry) => entry.id);
  const publicIds = opaqueIds(seed, [item.id], authorIds, authorIds);
  const entries = item.order.map((entry, i) => ({ publicId: publicIds[i] as string, authorId: entry.id, text: entry.text }));
  return neverInOrder(shuffle(entries, subSeed(seed, item.id, 'order')), entries);
}

/** Matching right sides as presented (shuffled, never lined up with the lefts), with both ids. */
export function presentedRights(item: MatchingItem, seed: string): PresentedEntry[] {
  const pairIds = item.pairs.map((pair) => pair.id);
  const publicIds = opaqueIds(seed, [item.id, 'r'], pairIds, pairIds);
  const rights = item.pairs.map((pair, i) => ({ publicId: publicIds[i] as string, authorId: pair.id, text: pair.right }));
  return neverInOrder(shuffle(rights, subSeed(seed, item.id, 'rights')), rights);
}

/** Options of a single or multiple item in presented order. */
export function presentedOptions(item: Extract<Item, { options: unknown }>, seed: string): PublicChoice[] {
  return shuffle(item.options, subSeed(seed, item.id, 'options')).map((o) => ({ id: o.id, text: o.text }));
}

/** Maps the opaque ids of a presentation back to the author's ids (ordering entries, matching rights). */
export function resolveOpaque(item: OrderingItem | MatchingItem, seed: string): ReadonlyMap<string, string> {
  const entries = item.type === 'ordering' ? presentedEntries(item, seed) : presentedRights(item, seed);
  return new Map(entries.map((entry) => [entry.publicId, entry.authorId]));
}

/** The public view of a quiz item. Throws for a card, which is not a quiz item. */
export function presentItem(item: Item, seed: string): PublicItem {
  const base = { id: item.id, prompt: item.prompt };
  switch (item.type) {
    case 'single':
      return { ...base, type: 'single', options: presentedOptions(item, seed) };
    case 'multiple':
      return { ...base, type: 'multiple', options: presentedOptions(item, seed) };
    case 'truefalse':
      return { ...base, type: 'truefalse' };
    case 'typed': {
      const cloze = splitCloze(item.prompt);
      return { ...base, type: 'typed', cloze: cloze ? { ...cloze, size: gapSize(item.answer) } : null };
    }
    case 'numeric':
      return { ...base, type: 'numeric', unit: item.unit ?? null };
    case 'ordering':
      return { ...base, type: 'ordering', entries: presentedEntries(item, seed).map((e) => ({ id: e.publicId, text: e.text })) };
    case 'matching':
      return {
        ...base,
        type: 'matching',
        lefts: item.pairs.map((pair) => ({ id: pair.id, text: pair.left })),
        rights: presentedRights(item, seed).map((e) => ({ id: e.publicId, text: e.text })),
      };
    case 'card':
      throw new Error(`item ${item.id} is a card; cards are reviewed as flashcards, not presented as quiz questions`);
  }
}
