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

export function cardFront(item: Item): CardFront {
  return {
    type: item.type,
    prompt: item.prompt,
    cloze: item.type === 'typed' ? splitCloze(item.prompt) : null,
    options:
      item.type === 'single' || item.type === 'multiple'
        ? item.options.map((o) => o.text)
        : item.type === 'ordering'
          ? [...item.order].sort((a, b) => a.text.localeCompare(b.text)).map((e) => e.text)
          : item.type === 'matching'
            ? item.pairs.map((p) => p.left)
            : [],
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
  return item.type === 'typed' ? { id: item.id, type: 'typed', answer: item.answer, accept: item.accept, prompt: item.prompt, explanation: item.explanation, source: item.source } : null;
}
