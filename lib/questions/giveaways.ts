import { normaliseAnswer } from '../grading/normalise';
import { wordsToDigits } from '../grading/numbers';
import type { Item } from './schema';

/**
 * The within-set giveaway rule: run as one quiz (or one flashcard deck), a set must not print a
 * typed or numeric item's key in another item's prompt or options. A typed key is its answer and
 * every accepted alternative; a numeric key is its number with its unit ("8 points", plural or
 * not, up to two words apart: "four northern islands"), or the bare number when it has no unit
 * (a year). Texts are compared as normalised words
 * with number words as digits, so "four islands" shows "4 islands" and "the Habomai islets"
 * shows "Habomai islets". An item may declare, with a reason, which items are allowed to show
 * its key (`giveawayReviewed`); an exception that no longer matches anything is reported too.
 */

export interface Giveaway {
  /** The item whose key is shown. */
  itemId: string;
  /** The key form that is shown, as authored. */
  key: string;
  /** The item that shows it, and where. */
  shownIn: string;
  where: 'prompt' | 'options' | 'order' | 'pairs';
}

const fold = (text: string) => ` ${wordsToDigits(normaliseAnswer(text))} `;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The key forms of a typed or numeric item, each with a pattern matching it as whole words. */
export function keyForms(item: Item): { key: string; pattern: RegExp }[] {
  if (item.type === 'typed') {
    return [item.answer, ...(item.accept ?? [])]
      .map((key) => ({ key, folded: fold(key).trim() }))
      .filter(({ folded }) => folded)
      .map(({ key, folded }) => ({ key, pattern: new RegExp(` ${escape(folded)} `) }));
  }
  if (item.type === 'numeric') {
    const number = escape(String(item.answer));
    if (!item.unit) return [{ key: String(item.answer), pattern: new RegExp(` ${number} `) }];
    const unit = fold(item.unit)
      .trim()
      .split(' ')
      .map((word) => `${escape(word.replace(/s$/, ''))}s?`)
      .join(' ');
    // Up to two words may stand between: "four northern islands" still shows "4 islands".
    return [{ key: `${item.answer} ${item.unit}`, pattern: new RegExp(` ${number} (?:\\S+ ){0,2}${unit} `) }];
  }
  return [];
}

/** What a learner sees of an item before answering it: its prompt and its choices. */
function shownTexts(item: Item): { where: Giveaway['where']; text: string }[] {
  const shown: { where: Giveaway['where']; text: string }[] = [{ where: 'prompt', text: item.prompt }];
  if (item.type === 'single' || item.type === 'multiple') shown.push(...item.options.map((o) => ({ where: 'options' as const, text: o.text })));
  if (item.type === 'ordering') shown.push(...item.order.map((o) => ({ where: 'order' as const, text: o.text })));
  if (item.type === 'matching') shown.push(...item.pairs.flatMap((p) => [{ where: 'pairs' as const, text: p.left }, { where: 'pairs' as const, text: p.right }]));
  return shown;
}

/** Every place in a set where one item shows another's typed or numeric key, exceptions included. */
export function findGiveaways(items: readonly Item[]): Giveaway[] {
  const shown = items.map((item) => ({ id: item.id, texts: shownTexts(item).map((s) => ({ ...s, folded: fold(s.text) })) }));
  const found: Giveaway[] = [];
  for (const item of items) {
    const forms = keyForms(item);
    if (!forms.length) continue;
    for (const other of shown) {
      if (other.id === item.id) continue;
      const hit = other.texts.flatMap((t) => forms.filter((f) => f.pattern.test(t.folded)).map((f) => ({ key: f.key, where: t.where })))[0];
      if (hit) found.push({ itemId: item.id, key: hit.key, shownIn: other.id, where: hit.where });
    }
  }
  return found;
}

/** The rule's problems for one set, by item index: unreviewed giveaways and stale exceptions. */
export function giveawayProblems(items: readonly Item[]): { index: number; message: string }[] {
  const giveaways = findGiveaways(items);
  const problems: { index: number; message: string }[] = [];
  items.forEach((item, index) => {
    if (item.type !== 'typed' && item.type !== 'numeric') return;
    const reviewed = new Set(item.giveawayReviewed?.items ?? []);
    const mine = giveaways.filter((g) => g.itemId === item.id);
    for (const g of mine.filter((g) => !reviewed.has(g.shownIn))) {
      problems.push({
        index,
        message: `the key "${g.key}" is shown in the ${g.where} of ${g.shownIn}, so a quiz of this set gives it away; rewrite one of them, or name ${g.shownIn} in giveawayReviewed with the reason it is fair`,
      });
    }
    for (const id of reviewed) {
      if (!mine.some((g) => g.shownIn === id)) {
        problems.push({ index, message: `giveawayReviewed names ${id}, which does not show this item's key; remove it from the list` });
      }
    }
  });
  return problems;
}
