import { describeKey } from '../grading/describe';
import { sourcesOf, type Item, type TypedItem } from '../questions/schema';
import { splitCloze } from './present';

/** The front of a flashcard: the prompt, and for choice items the options as plain text. */
export interface CardFront {
  type: Item['type'];
  prompt: string;
  cloze: { before: string; after: string } | null;
  options: string[];
  unit: string | null;
}

export interface CardBack {
  answer: string;
  explanation: string;
  /** The item's source quotes from the article, one or more. */
  sources: string[];
}

/** What a card's front lists under the prompt: options, ordering entries (alphabetical, so the order gives nothing away), matching lefts. */
export function choicesOnFront(
  item:
    | { type: 'single' | 'multiple'; options: readonly { text: string }[] }
    | { type: 'ordering'; order: readonly { text: string }[] }
    | { type: 'matching'; pairs: readonly { left: string }[] }
    | { type: 'truefalse' | 'typed' | 'numeric' | 'card' },
): string[] {
  if (item.type === 'single' || item.type === 'multiple') return item.options.map((o) => o.text);
  if (item.type === 'ordering') return [...item.order].sort((a, b) => a.text.localeCompare(b.text)).map((e) => e.text);
  if (item.type === 'matching') return item.pairs.map((p) => p.left);
  return [];
}

export function cardFront(item: Item): CardFront {
  return {
    type: item.type,
    prompt: item.prompt,
    cloze: item.type === 'typed' ? splitCloze(item.prompt) : null,
    options: choicesOnFront(item),
    unit: item.type === 'numeric' ? (item.unit ?? null) : null,
  };
}

export function cardBack(item: Item): CardBack {
  return {
    answer: item.type === 'card' ? item.back : describeKey(item),
    explanation: item.explanation,
    sources: sourcesOf(item),
  };
}

/** What the review screen needs to compare a typed answer before the flip. */
export function typedKey(item: Item): Pick<TypedItem, 'id' | 'type' | 'answer' | 'accept' | 'prompt' | 'explanation' | 'source'> | null {
  return item.type === 'typed'
    ? {
        id: item.id,
        type: 'typed',
        answer: item.answer,
        accept: item.accept,
        prompt: item.prompt,
        explanation: item.explanation,
        source: item.source,
      }
    : null;
}
