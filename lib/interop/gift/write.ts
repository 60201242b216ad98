import { feedbackParagraphs } from '../feedback';
import { omissionLines, sourceQuotes, type ExportContext, type Omission, type PortableItem } from '../portable';
import { formatFraction, shareOfHundred } from '../moodle/fractions';

/** GIFT's special characters are escaped with a backslash; line breaks become `\n`. */
export function escapeGift(text: string): string {
  return text.replace(/([\\~=#{}:])/g, '\\$1').replace(/\r?\n/g, '\\n');
}

/** A numeric item's unit has no place in GIFT; it is written at the end of the question, where the reader finds it again. */
export const unitSuffix = (unit: string) => ` (unit: ${unit})`;
export const UNIT_SUFFIX = / \(unit: ([^()]+)\)$/;

export const GIFT_CANNOT = { card: 'GIFT has no flashcard question type' } as const;

function answers(item: PortableItem): string | null {
  switch (item.type) {
    case 'single':
      return item.options.map((o) => `${o.id === item.answer ? '=' : '~'}${escapeGift(o.text)}`).join(' ');
    case 'multiple': {
      const keys = new Set(item.answer);
      const worth = formatFraction(shareOfHundred(keys.size));
      return item.options.map((o) => `~%${keys.has(o.id) ? '' : '-'}${worth}%${escapeGift(o.text)}`).join(' ');
    }
    case 'truefalse':
      return item.answer ? 'TRUE' : 'FALSE';
    case 'typed':
      return [item.answer, ...(item.accept ?? [])].map((a) => `=${escapeGift(a)}`).join(' ');
    case 'numeric':
      return `#${item.answer}${item.tolerance ? `:${item.tolerance}` : ''}`;
    case 'matching':
      return item.pairs.map((p) => `=${escapeGift(p.left)} -> ${escapeGift(p.right)}`).join(' ');
    case 'ordering':
      return item.order.map((entry, i) => `=${escapeGift(entry.text)} -> ${i + 1}`).join(' ');
    case 'card':
      return null;
  }
}

function question(item: PortableItem, context: ExportContext): string | null {
  const block = answers(item);
  if (block === null) return null;
  const feedback = feedbackParagraphs({ explanation: item.explanation, quotes: sourceQuotes(item), link: context.link(item.id) }).join(
    '\n\n',
  );
  const inner = `{${block} ####${escapeGift(feedback)}}`;
  const title = `::${escapeGift(item.id)}::`;
  const lines: string[] = [];
  if (item.type === 'ordering') {
    lines.push(`// ${item.id}: GIFT has no ordering question; written as matching, each entry to its position (1 = first).`);
  }
  // A cloze keeps its gap "____" in the text, as Moodle stores an embedded answer's gap anyway.
  const prompt = item.type === 'numeric' && item.unit ? `${item.prompt}${unitSuffix(item.unit)}` : item.prompt;
  lines.push(`${title}${escapeGift(prompt)} ${inner}`);
  return lines.join('\n');
}

/**
 * GIFT for Moodle's question bank import: a category named after the set, then one question per
 * item with its explanation, source and link as general feedback (`####`). Cards are listed in a
 * comment as left out; ordering items become matching (entry → position), said in a comment.
 */
export function giftText(items: readonly PortableItem[], context: ExportContext): { text: string; omitted: Omission[] } {
  const omitted: Omission[] = [];
  const questions: string[] = [];
  for (const item of items) {
    const q = question(item, context);
    if (q) questions.push(q);
    else omitted.push({ itemId: item.id, type: item.type, reason: GIFT_CANNOT.card });
  }
  const header = [
    `// Passage question set "${context.setTitle}" (${context.setId}), for Moodle's GIFT import.`,
    ...omissionLines('GIFT', omitted).map((line) => `// ${line}`),
    `$CATEGORY: $course$/top/Passage/${context.setTitle.replace(/\r?\n/g, ' ')}`,
  ];
  return { text: [header.join('\n'), ...questions].join('\n\n') + '\n', omitted };
}
