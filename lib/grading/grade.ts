import type { Item, MatchingItem, MultipleItem, NumericItem, OrderingItem, TypedItem } from '@/lib/questions/schema';
import type { QuizItem } from '@/lib/quiz/present';
import { toAuthorIds } from './author-ids';
import { normaliseAnswer } from './normalise';
import { numbersIn, wordsToDigits } from './numbers';
import type { MatchingResponse, QuizResponse, ResponseFor } from './response';
import { editDistance, typoAllowance } from './typo';

/**
 * Scores a checked response (see parseResponseFor) between 0 and 1, rounded to 4 decimals.
 *
 * - single, truefalse: 1 when the choice is the key, else 0.
 * - typed: the learner's text and each accepted form (the answer, then `accept`) are normalised
 *   and compared both as words and with number words as digits. An exact match scores 1; a match
 *   within the typo allowance of the accepted form scores 1 with `typo: true`, provided the
 *   numbers in both are the same (a slip never turns 1956 into 1957 or "eight" into "eighty").
 *   Empty text scores 0.
 * - numeric: 1 when |value − answer| ≤ tolerance (0 when none), with a relative epsilon of 1e-9
 *   so that 0.3 ± 0.1 accepts 0.4; else 0.
 * - multiple: (right picks − wrong picks) / keys, never below 0; a pick made twice counts once.
 * - ordering: the share of entries in their right position.
 * - matching: the share of pairs matched right; a left left unmatched counts as wrong.
 */
export interface GradeResult {
  /** 0..1, rounded to 4 decimals. */
  score: number;
  /** score === 1 */
  correct: boolean;
  /** Typed answers: accepted although it differs from the accepted form by a slip or two. */
  typo?: true;
  /** Typed answers: the accepted form (the answer or an `accept` entry, as authored) that matched. */
  matched?: string;
}

const round4 = (score: number) => Math.round(score * 10_000) / 10_000;

function result(score: number, extra: Pick<GradeResult, 'typo' | 'matched'> = {}): GradeResult {
  const rounded = round4(Math.min(1, Math.max(0, score)));
  return { score: rounded, correct: rounded === 1, ...extra };
}

interface Forms {
  words: string;
  digits: string;
}

function forms(text: string): Forms {
  const words = normaliseAnswer(text);
  return { words, digits: wordsToDigits(words) };
}

function withinTypo(typed: string, target: string): boolean {
  if (numbersIn(typed) !== numbersIn(target)) return false;
  return editDistance(typed, target) <= typoAllowance([...target].length);
}

/** Grades typed text against an item's answer and its accepted alternatives. */
export function gradeTypedText(item: TypedItem, text: string): GradeResult {
  const typed = forms(text);
  if (!typed.words) return result(0);
  const targets = [item.answer, ...(item.accept ?? [])]
    .map((authored) => ({ authored, ...forms(authored) }))
    .filter((target) => target.words);
  const exact = targets.find((t) => t.words === typed.words || t.digits === typed.digits);
  if (exact) return result(1, { matched: exact.authored });
  const close = targets.find((t) => withinTypo(typed.words, t.words) || withinTypo(typed.digits, t.digits));
  return close ? result(1, { typo: true, matched: close.authored }) : result(0);
}

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
export function gradeResponse<I extends QuizItem>(item: I, response: ResponseFor<I>, seed: string): GradeResult;
export function gradeResponse(item: Item, response: QuizResponse, seed: string): GradeResult;
export function gradeResponse(item: Item, sent: QuizResponse, seed: string): GradeResult {
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
      return gradeTypedText(item, response.text);
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
