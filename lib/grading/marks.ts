import type { QuizItem } from '@/lib/quiz/present';
import { presentItem } from '@/lib/quiz/present';
import type { QuizResponse } from './response';

/**
 * Which parts of an answer were right, for marking them in place after the learner answers:
 * options chosen and correct (by the ids the browser was shown), ordering positions and matching
 * pairs. Ids are mapped through the presentation by their text, so the marks follow whatever ids
 * a delivery uses. Typed and numeric answers have nothing to mark beyond the verdict.
 */
export type AnswerMarks =
  | { type: 'choices'; options: { id: string; text: string; chosen: boolean; correct: boolean }[] }
  | { type: 'truefalse'; chosen: boolean; correct: boolean }
  /** In the learner's order; `correctPosition` counts from 1. */
  | { type: 'ordering'; rows: { text: string; right: boolean; correctPosition: number }[] }
  | { type: 'matching'; rows: { left: string; yours: string | null; correct: string; right: boolean }[] };

export function answerMarks(item: QuizItem, response: QuizResponse, seed: string): AnswerMarks | null {
  const shown = presentItem(item, seed);
  switch (item.type) {
    case 'single':
    case 'multiple': {
      if (shown.type !== 'single' && shown.type !== 'multiple') return null;
      const keys = new Set(item.type === 'single' ? [item.answer] : item.answer);
      const correctTexts = new Set(item.options.filter((o) => keys.has(o.id)).map((o) => o.text));
      const chosen = new Set('choice' in response ? [response.choice] : 'choices' in response ? response.choices : []);
      return {
        type: 'choices',
        options: shown.options.map((o) => ({ id: o.id, text: o.text, chosen: chosen.has(o.id), correct: correctTexts.has(o.text) })),
      };
    }
    case 'truefalse':
      return 'value' in response && typeof response.value === 'boolean'
        ? { type: 'truefalse', chosen: response.value, correct: item.answer }
        : null;
    case 'ordering': {
      if (shown.type !== 'ordering' || !('order' in response)) return null;
      const texts = new Map(shown.entries.map((e) => [e.id, e.text]));
      const correct = item.order.map((e) => e.text);
      return {
        type: 'ordering',
        rows: response.order.map((id, index) => {
          const text = texts.get(id) ?? id;
          return { text, right: correct[index] === text, correctPosition: correct.indexOf(text) + 1 };
        }),
      };
    }
    case 'matching': {
      if (shown.type !== 'matching' || !('pairs' in response)) return null;
      const rights = new Map(shown.rights.map((r) => [r.id, r.text]));
      return {
        type: 'matching',
        rows: shown.lefts.map((left) => {
          const pair = item.pairs.find((p) => p.left === left.text);
          const chosen = Object.hasOwn(response.pairs, left.id) ? response.pairs[left.id] : undefined;
          const yours = chosen === undefined ? null : (rights.get(chosen) ?? null);
          return { left: left.text, yours, correct: pair?.right ?? '', right: yours !== null && yours === pair?.right };
        }),
      };
    }
    case 'typed':
    case 'numeric':
      return null;
  }
}
