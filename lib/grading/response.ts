import { z } from 'zod';
import type { Item } from '@/lib/questions/schema';
import { type QuizItem, type QuizItemType, presentItem } from '@/lib/quiz/present';

/**
 * What a learner sends back for each type of question: the public API contract. Ids are the ones
 * the presentation showed (opaque ids for ordering entries and matching rights).
 */

export const MAX_RESPONSE_TEXT = 500;
export const MAX_RESPONSE_ENTRIES = 50;

const text = z.string().max(MAX_RESPONSE_TEXT);
const list = z.array(text).max(MAX_RESPONSE_ENTRIES);

export const singleResponse = z.strictObject({ choice: text });
export const multipleResponse = z.strictObject({ choices: list });
export const trueFalseResponse = z.strictObject({ value: z.boolean() });
export const typedResponse = z.strictObject({ text });
/** z.number() refuses NaN and ±Infinity. */
export const numericResponse = z.strictObject({ value: z.number() });
export const orderingResponse = z.strictObject({ order: list });
export const matchingResponse = z.strictObject({
  pairs: z.record(text, text).refine((pairs) => Object.keys(pairs).length <= MAX_RESPONSE_ENTRIES, {
    error: `must match at most ${MAX_RESPONSE_ENTRIES} items`,
  }),
});

export const RESPONSE_SCHEMAS = {
  single: singleResponse,
  multiple: multipleResponse,
  truefalse: trueFalseResponse,
  typed: typedResponse,
  numeric: numericResponse,
  ordering: orderingResponse,
  matching: matchingResponse,
} as const satisfies Record<QuizItemType, z.ZodType>;

/** Any well-formed response, whatever the question; parseResponseFor checks it against one. */
export const responseSchema = z.union([
  singleResponse,
  multipleResponse,
  trueFalseResponse,
  typedResponse,
  numericResponse,
  orderingResponse,
  matchingResponse,
]);

export type SingleResponse = z.infer<typeof singleResponse>;
export type MultipleResponse = z.infer<typeof multipleResponse>;
export type TrueFalseResponse = z.infer<typeof trueFalseResponse>;
export type TypedResponse = z.infer<typeof typedResponse>;
export type NumericResponse = z.infer<typeof numericResponse>;
export type OrderingResponse = z.infer<typeof orderingResponse>;
export type MatchingResponse = z.infer<typeof matchingResponse>;
export type ResponseByType = { [K in QuizItemType]: z.infer<(typeof RESPONSE_SCHEMAS)[K]> };
export type QuizResponse = ResponseByType[QuizItemType];
export type ResponseFor<I extends QuizItem> = ResponseByType[I['type']];

export type ResponsePath = (string | number)[];
export type ParsedResponse<R> = { ok: true; response: R } | { ok: false; message: string; path: ResponsePath };

/** How each response looks, quoted in messages about a malformed one. */
export const RESPONSE_SHAPES: Record<QuizItemType, string> = {
  single: '{ "choice": "<option id>" }',
  multiple: '{ "choices": ["<option id>", …] }',
  truefalse: '{ "value": true or false }',
  typed: '{ "text": "…" }',
  numeric: '{ "value": <number> }',
  ordering: '{ "order": ["<entry id>", …] }',
  matching: '{ "pairs": { "<left id>": "<right id>", … } }',
};

const ANSWER_NAMES: Record<QuizItemType, string> = {
  single: 'a single-choice answer',
  multiple: 'a multiple-select answer',
  truefalse: 'a true-or-false answer',
  typed: 'a typed answer',
  numeric: 'a number answer',
  ordering: 'an ordering answer',
  matching: 'a matching answer',
};

function describePath(path: readonly (string | number)[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${key}`)).join('');
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text "${value.length > 40 ? value.slice(0, 37) + '...' : value}"`;
  return `${typeof value} ${String(value)}`;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  boolean: 'true or false',
  number: 'a number',
  array: 'a list',
  object: 'an object',
  record: 'an object',
};

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function refuse(message: string, path: ResponsePath): { ok: false; message: string; path: ResponsePath } {
  return { ok: false, message, path };
}

function fromZod(type: QuizItemType, raw: unknown, issue: z.core.$ZodIssue): { ok: false; message: string; path: ResponsePath } {
  let path: ResponsePath = issue.path.map((key) => (typeof key === 'number' ? key : String(key)));
  const field = describePath(path);
  const found = valueAt(raw, issue.path);
  let message: string;
  switch (issue.code) {
    case 'invalid_type':
      if (path.length === 0) message = `${ANSWER_NAMES[type]} must be an object like ${RESPONSE_SHAPES[type]}, not ${typeName(raw)}`;
      else if (found === undefined) message = `${field} is missing; ${ANSWER_NAMES[type]} looks like ${RESPONSE_SHAPES[type]}`;
      else if (issue.expected === 'number' && typeof found === 'number') message = `${field} must be a finite number`;
      else message = `${field} must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${typeName(found)}`;
      break;
    case 'unrecognized_keys':
      message = `${field ? field + ' has' : 'has'} unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys
        .map((k) => `"${k}"`)
        .join(', ')}; ${ANSWER_NAMES[type]} looks like ${RESPONSE_SHAPES[type]}`;
      break;
    case 'too_big':
      message =
        issue.origin === 'array'
          ? `${field} must list at most ${String(issue.maximum)} entries`
          : `${field} must be at most ${String(issue.maximum)} characters`;
      break;
    case 'invalid_key':
      path = path.slice(0, -1);
      message = `${describePath(path)} has a key longer than ${MAX_RESPONSE_TEXT} characters`;
      break;
    default:
      message = field ? `${field} ${issue.message}` : issue.message;
  }
  return refuse(message, path);
}

/** Own keys as sent: zod drops a "__proto__" key from a record instead of refusing it. */
function sentKeys(raw: unknown, field: string): string[] {
  const value = valueAt(raw, [field]);
  return value !== null && typeof value === 'object' ? Object.keys(value) : [];
}

function checkIds(item: QuizItem, raw: unknown, response: QuizResponse, seed: string): ParsedResponse<QuizResponse> {
  const shown = presentItem(item, seed);
  switch (shown.type) {
    case 'single': {
      const { choice } = response as SingleResponse;
      const ids = new Set(shown.options.map((o) => o.id));
      return ids.has(choice) ? { ok: true, response } : refuse(`choice "${choice}" is not one of this question's options`, ['choice']);
    }
    case 'multiple': {
      const ids = new Set(shown.options.map((o) => o.id));
      const { choices } = response as MultipleResponse;
      const unknown = choices.findIndex((c) => !ids.has(c));
      return unknown === -1
        ? { ok: true, response }
        : refuse(`choice "${choices[unknown]}" is not one of this question's options`, ['choices', unknown]);
    }
    case 'ordering': {
      const ids = new Set(shown.entries.map((e) => e.id));
      const { order } = response as OrderingResponse;
      const seen = new Set<string>();
      for (const [index, id] of order.entries()) {
        if (!ids.has(id)) return refuse(`entry "${id}" is not one of this question's entries`, ['order', index]);
        if (seen.has(id)) return refuse(`entry "${id}" is listed twice; put each entry in the order once`, ['order', index]);
        seen.add(id);
      }
      if (order.length < ids.size) {
        return refuse(`order lists ${order.length} of the ${ids.size} entries; put every entry in the order`, ['order']);
      }
      return { ok: true, response };
    }
    case 'matching': {
      const lefts = new Set(shown.lefts.map((l) => l.id));
      const rights = new Set(shown.rights.map((r) => r.id));
      const { pairs } = response as MatchingResponse;
      const unknown = sentKeys(raw, 'pairs').find((left) => !lefts.has(left));
      if (unknown !== undefined) return refuse(`"${unknown}" is not one of this question's left-hand items`, ['pairs', unknown]);
      for (const [left, right] of Object.entries(pairs)) {
        if (!rights.has(right)) {
          return refuse(`the match "${right}" for "${left}" is not one of this question's right-hand items`, ['pairs', left]);
        }
      }
      return { ok: true, response };
    }
    default:
      return { ok: true, response };
  }
}

/**
 * Checks a response against the question it answers: its shape for the question's type, and
 * that every id it names was shown (the seed rebuilds the presentation). A matching response
 * may leave lefts out (they score nothing) and may use a right more than once.
 */
export function parseResponseFor<I extends QuizItem>(item: I, response: unknown, seed: string): ParsedResponse<ResponseFor<I>>;
export function parseResponseFor(item: Item, response: unknown, seed: string): ParsedResponse<QuizResponse>;
export function parseResponseFor(item: Item, response: unknown, seed: string): ParsedResponse<QuizResponse> {
  if (item.type === 'card') return refuse(`item ${item.id} is a flashcard; it takes no answer`, []);
  const parsed = RESPONSE_SCHEMAS[item.type].safeParse(response);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return issue ? fromZod(item.type, response, issue) : refuse(`${ANSWER_NAMES[item.type]} looks like ${RESPONSE_SHAPES[item.type]}`, []);
  }
  return checkIds(item, response, parsed.data, seed);
}
