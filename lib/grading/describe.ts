import type { Item, NumericItem } from '@/lib/questions/schema';
import { toAuthorIds, UNSHOWN } from './author-ids';
import type { QuizResponse } from './response';

/**
 * Answers in words, for feedback: what the learner answered (describeResponse) and what the key
 * is (describeKey), in the same style so the two can sit side by side.
 */

const ARROW = ' → ';
const NOTHING = '(no answer)';

function numberWithUnit(value: number, unit: string | undefined): string {
  return unit ? `${String(value)} ${unit}` : String(value);
}

function numbered(texts: readonly string[]): string {
  return texts.map((text, i) => `${i + 1}. ${text}`).join(ARROW);
}

/** An id the presentation did not show, quoted as it was sent. */
const quoted = (id: string) => `"${id.startsWith(UNSHOWN) ? id.slice(UNSHOWN.length) : id}"`;

function misfit(item: Item): never {
  throw new Error(`the response does not fit ${item.type} item ${item.id}`);
}

/** The learner's answer in words: option texts joined by "; ", True/False, the number with its unit… */
export function describeResponse(item: Item, sent: QuizResponse, seed: string): string {
  const response = item.type === 'card' ? sent : toAuthorIds(item, sent, seed);
  switch (item.type) {
    case 'single': {
      if (!('choice' in response)) return misfit(item);
      return item.options.find((o) => o.id === response.choice)?.text ?? quoted(response.choice);
    }
    case 'multiple': {
      if (!('choices' in response)) return misfit(item);
      const picks = new Set(response.choices);
      // In the question's own order, as describeKey lists the keys, so the two read side by side.
      const texts = item.options.filter((o) => picks.has(o.id)).map((o) => o.text);
      return texts.length ? texts.join('; ') : '(nothing selected)';
    }
    case 'truefalse':
      if (!('value' in response) || typeof response.value !== 'boolean') return misfit(item);
      return response.value ? 'True' : 'False';
    case 'typed': {
      if (!('text' in response)) return misfit(item);
      const typed = response.text.trim();
      return typed || NOTHING;
    }
    case 'numeric':
      if (!('value' in response) || typeof response.value !== 'number') return misfit(item);
      return numberWithUnit(response.value, item.unit);
    case 'ordering': {
      if (!('order' in response)) return misfit(item);
      const texts = new Map(item.order.map((e) => [e.id, e.text]));
      return response.order.length ? numbered(response.order.map((id) => texts.get(id) ?? quoted(id))) : NOTHING;
    }
    case 'matching': {
      if (!('pairs' in response)) return misfit(item);
      const pairs = response.pairs;
      const rights = new Map(item.pairs.map((p) => [p.id, p.right]));
      return item.pairs
        .map((pair) => {
          const right = Object.hasOwn(pairs, pair.id) ? pairs[pair.id] : undefined;
          return `${pair.left}${ARROW}${right === undefined ? '(no match)' : (rights.get(right) ?? quoted(right))}`;
        })
        .join('; ');
    }
    case 'card':
      throw new Error(`item ${item.id} is a flashcard; it takes no answer`);
  }
}

function describeNumericKey(item: NumericItem): string {
  const value = item.tolerance ? `${String(item.answer)} ± ${String(item.tolerance)}` : String(item.answer);
  return item.unit ? `${value} ${item.unit}` : value;
}

/** The correct answer in words, in the style of describeResponse. A card's key is its back. */
export function describeKey(item: Item): string {
  switch (item.type) {
    case 'single':
      return item.options.find((o) => o.id === item.answer)?.text ?? item.answer;
    case 'multiple': {
      const keys = new Set(item.answer);
      return item.options
        .filter((o) => keys.has(o.id))
        .map((o) => o.text)
        .join('; ');
    }
    case 'truefalse':
      return item.answer ? 'True' : 'False';
    case 'typed':
      return item.accept?.length ? `${item.answer} (also accepted: ${item.accept.join('; ')})` : item.answer;
    case 'numeric':
      return describeNumericKey(item);
    case 'ordering':
      return numbered(item.order.map((entry) => entry.text));
    case 'matching':
      return item.pairs.map((pair) => `${pair.left}${ARROW}${pair.right}`).join('; ');
    case 'card':
      return item.back;
  }
}
