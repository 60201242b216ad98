import type { TypedItem } from '@/lib/questions/schema';
import { changesMeaning, type KnownWord } from './near-miss';
import { normaliseAnswer } from './normalise';
import { numbersIn, wordsToDigits } from './numbers';
import { editDistance, typoAllowance } from './typo';

/** Grading typed text (see grade.ts for the rules of every type). */
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

/** A score clamped to [0, 1] and rounded to 4 decimals, with `correct` at exactly 1. */
export function result(score: number, extra: Pick<GradeResult, 'typo' | 'matched'> = {}): GradeResult {
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

export interface GradeOptions {
  /** Whether a word is a real word; lets the typo allowance refuse near matches that are other words. */
  isKnownWord?: KnownWord;
}

function withinTypo(typed: string, target: string, isKnownWord?: KnownWord): boolean {
  if (numbersIn(typed) !== numbersIn(target)) return false;
  if (editDistance(typed, target) > typoAllowance([...target].length)) return false;
  return !changesMeaning(typed, target, isKnownWord);
}

/** Grades typed text against an item's answer and its accepted alternatives. */
export function gradeTypedText(item: TypedItem, text: string, { isKnownWord }: GradeOptions = {}): GradeResult {
  const typed = forms(text);
  if (!typed.words) return result(0);
  const targets = [item.answer, ...(item.accept ?? [])]
    .map((authored) => ({ authored, ...forms(authored) }))
    .filter((target) => target.words);
  const exact = targets.find((t) => t.words === typed.words || t.digits === typed.digits);
  if (exact) return result(1, { matched: exact.authored });
  const close = targets.find((t) => withinTypo(typed.words, t.words, isKnownWord) || withinTypo(typed.digits, t.digits, isKnownWord));
  return close ? result(1, { typo: true, matched: close.authored }) : result(0);
}
