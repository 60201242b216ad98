import { parse, type GIFTQuestion, type TextFormat } from 'gift-pegjs';
import { parseFeedback } from '../feedback';
import { htmlToText } from '../portable';
import { entryId, ImportFormatError, normaliseGap, type DraftItem, type ReadResult } from '../import/draft';
import { UNIT_SUFFIX } from './write';

interface PegSyntaxError {
  name: 'SyntaxError';
  message: string;
  location: { start: { line: number; column: number } };
}

const isSyntaxError = (error: unknown): error is PegSyntaxError =>
  error instanceof Error && error.name === 'SyntaxError' && typeof (error as Partial<PegSyntaxError>).location?.start?.line === 'number';

const textOf = (text: TextFormat | null | undefined) => {
  if (!text) return '';
  return (text.format === 'html' ? htmlToText(text.text) : text.text).trim();
};

/** A matching question whose answers are exactly 1…n is how Passage writes an ordering item in GIFT. */
function asOrdering(pairs: { left: string; right: string }[]): string[] | null {
  const positions = pairs.map((p) => Number(p.right));
  const expected = pairs.map((_p, i) => i + 1);
  if (!positions.every((n) => Number.isInteger(n)) || [...positions].sort((a, b) => a - b).join() !== expected.join()) return null;
  return [...pairs].sort((a, b) => Number(a.right) - Number(b.right)).map((p) => p.left);
}

function draft(q: Exclude<GIFTQuestion, { type: 'Category' }>, where: string): DraftItem | string {
  const name = q.title ?? null;
  if (q.type === 'Description') return `${where}: a description, not a question`;
  if (q.type === 'Essay') return `${where}: an essay question has no key Passage could grade`;
  const { explanation, quotes } = parseFeedback(textOf(q.globalFeedback));
  const base = { prompt: normaliseGap(textOf(q.stem)), explanation, quotes, name };
  switch (q.type) {
    case 'TF':
      return { ...base, type: 'truefalse', answer: q.isTrue };
    case 'MC': {
      const options = q.choices.map((c, i) => ({ id: entryId(i), text: textOf(c.text) }));
      const weighted = q.choices.some((c) => c.weight !== null);
      const keys = q.choices.flatMap((c, i) => ((weighted ? (c.weight ?? (c.isCorrect ? 100 : 0)) > 0 : c.isCorrect) ? [entryId(i)] : []));
      if (keys.length === 0) return `${where}: no answer is marked right (= or a positive %weight%)`;
      const single = keys.length === 1 && (!weighted || q.choices.some((c) => c.isCorrect || c.weight === 100));
      return single ? { ...base, type: 'single', options, answer: keys[0]! } : { ...base, type: 'multiple', options, answer: keys };
    }
    case 'Short': {
      const accepted = q.choices.filter((c) => c.isCorrect && (c.weight === null || c.weight === 100)).map((c) => textOf(c.text));
      const [first, ...rest] = accepted;
      if (!first) return `${where}: no answer is fully right`;
      return { ...base, type: 'typed', answer: first, ...(rest.length ? { accept: rest } : {}) };
    }
    case 'Numerical': {
      const formats = Array.isArray(q.choices)
        ? q.choices.filter((c) => c.isCorrect && (c.weight === null || c.weight === 100)).map((c) => c.text)
        : [q.choices];
      const format = formats[0];
      if (!format) return `${where}: no numeric answer is fully right`;
      let answer: number;
      let tolerance = 0;
      if (format.type === 'high-low') {
        const low = format.numberLow ?? 0;
        const high = format.numberHigh ?? 0;
        // Rounded to 12 significant digits, so 3.141..3.142 reads as 3.1415 ± 0.0005.
        answer = Number(((low + high) / 2).toPrecision(12));
        tolerance = Number((Math.abs(high - low) / 2).toPrecision(12));
      } else {
        answer = format.number ?? NaN;
        tolerance = format.type === 'range' ? (format.range ?? 0) : 0;
      }
      if (!Number.isFinite(answer)) return `${where}: the numeric answer is not a number`;
      const unit = UNIT_SUFFIX.exec(base.prompt)?.[1];
      const prompt = unit ? base.prompt.replace(UNIT_SUFFIX, '') : base.prompt;
      return { ...base, prompt, type: 'numeric', answer, ...(tolerance ? { tolerance } : {}), ...(unit ? { unit } : {}) };
    }
    case 'Matching': {
      const pairs = q.matchPairs.map((p) => ({ left: textOf(p.subquestion), right: p.subanswer.trim() })).filter((p) => p.left && p.right);
      if (pairs.length < 2) return `${where}: a matching question needs at least 2 pairs with both sides`;
      const order = asOrdering(pairs);
      if (order) return { ...base, type: 'ordering', order: order.map((text, i) => ({ id: entryId(i), text })) };
      return { ...base, type: 'matching', pairs: pairs.map((p, i) => ({ id: entryId(i), ...p })) };
    }
  }
}

/**
 * Reads GIFT (Moodle's documented syntax, parsed by gift-pegjs): categories, titles, every question
 * type, feedback, %weights%, numeric ranges and tolerances, escapes, comments, multi-line questions.
 * A malformed file stops with an ImportFormatError naming the line and column.
 */
export function readGift(text: string): ReadResult {
  let questions: GIFTQuestion[];
  try {
    questions = parse(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  } catch (error) {
    if (isSyntaxError(error)) throw new ImportFormatError(error.message, error.location.start.line, error.location.start.column);
    throw error;
  }
  let title: string | null = null;
  const items: DraftItem[] = [];
  const skipped: string[] = [];
  let n = 0;
  for (const q of questions) {
    if (q.type === 'Category') {
      title = q.title.split('/').filter(Boolean).at(-1)?.trim() ?? title;
      continue;
    }
    n++;
    const result = draft(q, `question ${n}${q.title ? ` ("${q.title}")` : ''}`);
    if (typeof result === 'string') skipped.push(result);
    else items.push(result);
  }
  return { title, items, skipped };
}
