import type { Item } from './schema';

/**
 * The item-writing rules of shared/QUESTIONS.md that a machine can check. Each returns the
 * problems it finds, in words an author can act on; an empty list means the item passes.
 */
export type ItemRule = (item: Item) => string[];

const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').trim().toLowerCase().replace(/\s+/g, ' ');
const words = (text: string) => text.trim().split(/\s+/).filter(Boolean).length;

export const MAX_TYPED_ANSWER_WORDS = 5;

export const singleHasThreeToFiveOptions: ItemRule = (item) =>
  item.type === 'single' && (item.options.length < 3 || item.options.length > 5)
    ? [`a single-choice item needs 3–5 options; this one has ${item.options.length}`]
    : [];

export const optionsAreDistinct: ItemRule = (item) => {
  if (item.type !== 'single' && item.type !== 'multiple') return [];
  const seen = new Map<string, string>();
  const problems: string[] = [];
  for (const option of item.options) {
    const key = fold(option.text);
    const twin = seen.get(key);
    if (twin) problems.push(`options ${twin} and ${option.id} read the same ("${option.text}")`);
    seen.set(key, option.id);
  }
  return problems;
};

export const keyIsNotLongest: ItemRule = (item) => {
  if (item.type !== 'single') return [];
  const key = item.options.find((o) => o.id === item.answer);
  const longestDistractor = Math.max(0, ...item.options.filter((o) => o.id !== item.answer).map((o) => o.text.length));
  if (!key || longestDistractor === 0) return [];
  return key.text.length > 1.5 * longestDistractor
    ? [`the key (${key.text.length} characters) is more than 1.5× as long as the longest distractor (${longestDistractor}); a test-wise learner would spot it`]
    : [];
};

export const noAllOfTheAbove: ItemRule = (item) => {
  if (item.type !== 'single' && item.type !== 'multiple') return [];
  return item.options
    .filter((o) => /\ball of the above\b/i.test(o.text))
    .map((o) => `option ${o.id} says "all of the above"; write a real option instead`);
};

export const negativesInCapitals: ItemRule = (item) => {
  const found = [...item.prompt.matchAll(/\b(not|except)\b/gi)].map((m) => m[0]).filter((word) => word !== word.toUpperCase());
  return found.length ? [`the prompt's "${found[0]}" must be written in capitals (${found[0]!.toUpperCase()}) so nobody misreads it`] : [];
};

export const enoughEntries: ItemRule = (item) => {
  if (item.type === 'ordering' && item.order.length < 3) return [`an ordering item needs at least 3 entries; this one has ${item.order.length}`];
  if (item.type === 'matching' && item.pairs.length < 3) return [`a matching item needs at least 3 pairs; this one has ${item.pairs.length}`];
  return [];
};

export const matchingRightsDistinct: ItemRule = (item) => {
  if (item.type !== 'matching') return [];
  const problems: string[] = [];
  for (const side of ['left', 'right'] as const) {
    const values = item.pairs.map((p) => fold(p[side]));
    const twins = values.filter((v, i) => values.indexOf(v) !== i);
    if (twins.length) problems.push(`two pairs have the same ${side} side ("${twins[0]}"), so the match is ambiguous`);
  }
  return problems;
};

export const multipleHasKeysAndDistractors: ItemRule = (item) => {
  if (item.type !== 'multiple') return [];
  return item.answer.length >= item.options.length
    ? ['every option is a key; a multiple-select item needs at least one wrong option']
    : [];
};

export const typedAnswerIsShort: ItemRule = (item) => {
  if (item.type !== 'typed') return [];
  const long = [item.answer, ...(item.accept ?? [])].filter((a) => words(a) > MAX_TYPED_ANSWER_WORDS);
  return long.map((a) => `typed answer "${a}" has ${words(a)} words; keep typed answers to ${MAX_TYPED_ANSWER_WORDS} or fewer`);
};

export const acceptHasNoDuplicates: ItemRule = (item) => {
  if (item.type !== 'typed' || !item.accept) return [];
  const problems: string[] = [];
  const seen = new Set([fold(item.answer)]);
  for (const alternative of item.accept) {
    const key = fold(alternative);
    if (seen.has(key)) problems.push(`accept lists "${alternative}" more than once (or repeats the answer)`);
    seen.add(key);
  }
  return problems;
};

export const ITEM_RULES: readonly ItemRule[] = [
  singleHasThreeToFiveOptions,
  optionsAreDistinct,
  keyIsNotLongest,
  noAllOfTheAbove,
  negativesInCapitals,
  enoughEntries,
  matchingRightsDistinct,
  multipleHasKeysAndDistractors,
  typedAnswerIsShort,
  acceptHasNoDuplicates,
];

export function checkItemRules(item: Item): string[] {
  return ITEM_RULES.flatMap((rule) => rule(item));
}
