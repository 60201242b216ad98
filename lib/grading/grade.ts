import type { Item, MatchingItem, MultipleItem, NumericItem, OrderingItem } from '@/lib/questions/schema';
import type { QuizItem } from '@/lib/quiz/present';
import { toAuthorIds } from './author-ids';
import type { MatchingResponse, QuizResponse, ResponseFor } from './response';
import { gradeTypedText, result, type GradeOptions, type GradeResult } from './typed';

// The review screen grades typed text in the browser: it imports ./typed alone, without the
// presentation's keyed hashing.
export { gradeTypedText, type GradeOptions, type GradeResult };

/**
 * Scores a checked response (see parseResponseFor) between 0 and 1, rounded to 4 decimals.
 *
 * - single, truefalse: 1 when the choice is the key, else 0.
 * - typed: the learner's text and each accepted form (the answer, then `accept`) are normalised
 *   and compared both as words and with number words as digits. An exact match scores 1; a match
 *   within the typo allowance of the accepted form scores 1 with `typo: true`, provided the
 *   numbers in both are the same (a slip never turns 1956 into 1957 or "eight" into "eighty")
 *   and the slip does not change the meaning: no negating prefix added or dropped
 *   ("acceptable" for "unacceptable") and, when the caller knows the real words (the server
 *   passes the English word list and the article's words), no real word that the accepted form
 *   does not have ("beverage" for "leverage"). Empty text scores 0.
 * - numeric: 1 when |value − answer| ≤ tolerance (0 when none), with a relative epsilon of 1e-9
 *   so that 0.3 ± 0.1 accepts 0.4; else 0.
 * - multiple: (right picks − wrong picks) / keys, never below 0; a pick made twice counts once.
 * - ordering: the share of entries in their right position.
 * - matching: the share of pairs matched right; a left left unmatched counts as wrong.
 */
/** Whether a number is within an item's tolerance of its answer. */
export function withinTolerance(item: NumericItem, value: number): boolean {
  const tolerance = item.tolerance ?? 0;
  const epsilon = 1e-9 * Math.max(1, Math.abs(item.answer), tolerance);
  return Math.abs(value - item.answer) <= tolerance + epsilon;
}

function gradeMultiple(item: MultipleItem, choices: readonly string[]): GradeResult {
  const keys = new Set(item.answer);
  const picks = new Set(choices);
  let right = 0;
  for (const pick of picks) if (keys.has(pick)) right++;
  const wrong = picks.size - right;
  return result(Math.max(0, (right - wrong) / keys.size));
}

function gradeOrdering(item: OrderingItem, order: readonly string[]): GradeResult {
  const inPlace = item.order.filter((entry, i) => order[i] === entry.id).length;
  return result(inPlace / item.order.length);
}

function gradeMatching(item: MatchingItem, pairs: MatchingResponse['pairs']): GradeResult {
  const matched = item.pairs.filter((pair) => Object.hasOwn(pairs, pair.id) && pairs[pair.id] === pair.id).length;
  return result(matched / item.pairs.length);
}

function misfit(item: Item): never {
  throw new Error(`the response does not fit ${item.type} item ${item.id}; check it with parseResponseFor first`);
}

/** Scores a response checked by parseResponseFor. Throws for a card or a response of another type. */
export function gradeResponse<I extends QuizItem>(item: I, response: ResponseFor<I>, seed: string, options?: GradeOptions): GradeResult;
export function gradeResponse(item: Item, response: QuizResponse, seed: string, options?: GradeOptions): GradeResult;
export function gradeResponse(item: Item, sent: QuizResponse, seed: string, options: GradeOptions = {}): GradeResult {
  const response = item.type === 'card' ? sent : toAuthorIds(item, sent, seed);
  switch (item.type) {
    case 'single':
      if (!('choice' in response)) return misfit(item);
      return result(response.choice === item.answer ? 1 : 0);
    case 'multiple':
      if (!('choices' in response)) return misfit(item);
      return gradeMultiple(item, response.choices);
    case 'truefalse':
      if (!('value' in response) || typeof response.value !== 'boolean') return misfit(item);
      return result(response.value === item.answer ? 1 : 0);
    case 'typed':
      if (!('text' in response)) return misfit(item);
      return gradeTypedText(item, response.text, options);
    case 'numeric':
      if (!('value' in response) || typeof response.value !== 'number') return misfit(item);
      return result(Number.isFinite(response.value) && withinTolerance(item, response.value) ? 1 : 0);
    case 'ordering':
      if (!('order' in response)) return misfit(item);
      return gradeOrdering(item, response.order);
    case 'matching':
      if (!('pairs' in response)) return misfit(item);
      return gradeMatching(item, response.pairs);
    case 'card':
      throw new Error(`item ${item.id} is a flashcard; cards are reviewed, not graded`);
  }
}
