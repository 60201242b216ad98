import { z } from 'zod';
import type { QuizItemType } from './present';
import { shuffle } from './random';

/**
 * What a learner chooses before a quiz (as Quizlet's Test options): how many questions, which
 * types, and whether they come shuffled or in the set's order.
 */

export const QUIZ_LENGTHS = ['10', '20', 'all'] as const;
export const QUIZ_ORDERS = ['shuffled', 'set'] as const;
export const QUIZ_TYPES = [
  'single',
  'multiple',
  'truefalse',
  'typed',
  'numeric',
  'ordering',
  'matching',
] as const satisfies readonly QuizItemType[];

export const quizOptionsSchema = z.object({
  length: z.enum(QUIZ_LENGTHS, { error: 'Choose 10, 20 or all questions.' }),
  order: z.enum(QUIZ_ORDERS, { error: 'Choose shuffled or set order.' }),
  types: z
    .array(z.enum(QUIZ_TYPES, { error: 'That question type does not exist.' }))
    .min(1, { error: 'Choose at least one type of question.' }),
});
export type QuizOptions = z.infer<typeof quizOptionsSchema>;

export const DEFAULT_QUIZ_OPTIONS: Omit<QuizOptions, 'types'> = { length: 'all', order: 'shuffled' };

export interface Candidate {
  id: string;
  type: QuizItemType;
}

/**
 * The ids a quiz asks, given the set's questions in set order. A shorter quiz is a random sample;
 * in set order the sample keeps the set's order. Empty when no question has a chosen type.
 */
export function chooseQuizItems(candidates: readonly Candidate[], options: QuizOptions, seed: string): string[] {
  const types = new Set(options.types);
  const eligible = candidates.filter((c) => types.has(c.type));
  const limit = options.length === 'all' ? eligible.length : Number(options.length);
  const sample = shuffle(eligible, `${seed}:sample`).slice(0, limit);
  if (options.order === 'shuffled') return sample.map((c) => c.id);
  const picked = new Set(sample.map((c) => c.id));
  return eligible.filter((c) => picked.has(c.id)).map((c) => c.id);
}

/** How many questions of each type a set has, in the order the options list types. */
export function typeCounts(candidates: readonly Candidate[]): { type: QuizItemType; count: number }[] {
  return QUIZ_TYPES.map((type) => ({ type, count: candidates.filter((c) => c.type === type).length })).filter((t) => t.count > 0);
}
