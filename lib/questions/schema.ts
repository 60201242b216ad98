import { z } from 'zod';

export const ITEM_TYPES = [
  'single',
  'multiple',
  'truefalse',
  'typed',
  'numeric',
  'ordering',
  'matching',
  'card',
] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

const slugLike = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const idSchema = z
  .string()
  .regex(slugLike, { error: 'must use lowercase letters, digits and single hyphens' })
  .max(64);
const entryId = z
  .string()
  .regex(/^[a-z0-9]{1,8}$/, { error: 'must be 1–8 lowercase letters or digits' });
const text = z.string().trim().min(1, { error: 'must not be empty' });

const option = z.strictObject({ id: entryId, text });

const quote = text.max(1500);

/**
 * Why a typed or numeric key may appear in another item of its set (the within-set giveaway
 * rule): a reviewer's note, e.g. "the date is context in kf-003's prompt, not its key".
 */
const giveawayReviewed = z
  .strictObject({
    items: z.array(idSchema).min(1, { error: 'must name at least one item' }),
    reason: text.max(300),
  })
  .optional();

const common = {
  id: idSchema,
  prompt: text.max(1000),
  explanation: text.max(2000),
  /** One verbatim quote, or a list of them when the item needs facts from several places. */
  source: z.union([quote, z.array(quote).min(1, { error: 'must list at least one quote' }).max(8, { error: 'must list at most 8 quotes' })]),
  tags: z.array(idSchema).optional(),
};

function uniqueIds(entries: { id: string }[], ctx: z.RefinementCtx, field: string) {
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    if (seen.has(entry.id)) {
      ctx.addIssue({
        code: 'custom',
        path: [field, index, 'id'],
        message: `repeats the id "${entry.id}"; ids within ${field} must be unique`,
      });
    }
    seen.add(entry.id);
  });
}

function optionList(options: { id: string }[]) {
  return options.map((o) => o.id).join(', ');
}

export const singleItem = z
  .strictObject({
    ...common,
    type: z.literal('single'),
    options: z.array(option).min(2, { error: 'must list at least 2 options' }),
    answer: entryId,
  })
  .superRefine((item, ctx) => {
    uniqueIds(item.options, ctx, 'options');
    if (!item.options.some((o) => o.id === item.answer)) {
      ctx.addIssue({
        code: 'custom',
        path: ['answer'],
        message: `"${item.answer}" is not one of the options ${optionList(item.options)}`,
      });
    }
  });

export const multipleItem = z
  .strictObject({
    ...common,
    type: z.literal('multiple'),
    options: z.array(option).min(2, { error: 'must list at least 2 options' }),
    answer: z.array(entryId).min(1, { error: 'must list at least one correct option' }),
  })
  .superRefine((item, ctx) => {
    uniqueIds(item.options, ctx, 'options');
    const ids = new Set(item.options.map((o) => o.id));
    item.answer.forEach((key, index) => {
      if (!ids.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['answer', index],
          message: `"${key}" is not one of the options ${optionList(item.options)}`,
        });
      }
    });
    if (new Set(item.answer).size !== item.answer.length) {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: 'lists an option twice' });
    }
  });

export const trueFalseItem = z.strictObject({
  ...common,
  type: z.literal('truefalse'),
  answer: z.boolean({ error: 'must be true or false' }),
});

export const typedItem = z
  .strictObject({
    ...common,
    type: z.literal('typed'),
    answer: text.max(200),
    accept: z.array(text.max(200)).optional(),
    giveawayReviewed,
  })
  .superRefine((item, ctx) => {
    const gaps = item.prompt.split('____').length - 1;
    if (gaps > 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['prompt'],
        message: `has ${gaps} gaps "____"; a cloze prompt has exactly one`,
      });
    }
  });

export const numericItem = z.strictObject({
  ...common,
  type: z.literal('numeric'),
  answer: z.number({ error: 'must be a number' }).finite(),
  tolerance: z.number().finite().nonnegative({ error: 'must be zero or more' }).optional(),
  unit: text.max(40).optional(),
  giveawayReviewed,
});

const orderEntry = z.strictObject({ id: entryId, text });
export const orderingItem = z
  .strictObject({
    ...common,
    type: z.literal('ordering'),
    order: z.array(orderEntry).min(2, { error: 'must list at least 2 entries' }),
  })
  .superRefine((item, ctx) => uniqueIds(item.order, ctx, 'order'));

const pair = z.strictObject({ id: entryId, left: text, right: text });
export const matchingItem = z
  .strictObject({
    ...common,
    type: z.literal('matching'),
    pairs: z.array(pair).min(2, { error: 'must list at least 2 pairs' }),
  })
  .superRefine((item, ctx) => uniqueIds(item.pairs, ctx, 'pairs'));

export const cardItem = z.strictObject({
  ...common,
  type: z.literal('card'),
  back: text.max(1000),
});

export const itemSchema = z.discriminatedUnion(
  'type',
  [singleItem, multipleItem, trueFalseItem, typedItem, numericItem, orderingItem, matchingItem, cardItem],
  { error: `must be one of ${ITEM_TYPES.join(", ")}` },
);

export const setFileSchema = z.strictObject({
  id: idSchema,
  title: text.max(120),
  description: text.max(500),
  /** Where the set is listed among its article's sets; sets without it follow, by file name. */
  order: z.number().int().min(1).optional(),
  items: z.array(itemSchema).min(1, { error: 'must list at least one item' }),
});

export type Item = z.infer<typeof itemSchema>;

/** An item's source quotes as a list, whether it was written as one quote or several. */
export function sourcesOf(item: Pick<Item, 'source'>): string[] {
  return typeof item.source === 'string' ? [item.source] : [...item.source];
}
export type SingleItem = z.infer<typeof singleItem>;
export type MultipleItem = z.infer<typeof multipleItem>;
export type TrueFalseItem = z.infer<typeof trueFalseItem>;
export type TypedItem = z.infer<typeof typedItem>;
export type NumericItem = z.infer<typeof numericItem>;
export type OrderingItem = z.infer<typeof orderingItem>;
export type MatchingItem = z.infer<typeof matchingItem>;
export type CardItem = z.infer<typeof cardItem>;
export type SetFile = z.infer<typeof setFileSchema>;
