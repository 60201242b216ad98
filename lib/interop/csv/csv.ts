import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { toCsv } from '../../classroom/csv';
import { entryId, ImportFormatError, type DraftItem, type ReadResult } from '../import/draft';
import { sourceQuotes, type Omission, type PortableItem } from '../portable';
import { ITEM_TYPES } from '../../questions/schema';

/**
 * One row per item for Google Forms and Sheets users. Lists inside a cell (options, accepted
 * answers, keys, quotes) are one per line. What each type puts in `options` and `answer`:
 * single/multiple: the options / the right option(s); truefalse: – / true or false; typed: – /
 * the answer, then accepted alternatives; numeric: – / the number (with `tolerance`, `unit`);
 * ordering: the entries A–Z / the entries in the right order; matching: the left sides / "left -> right";
 * card: – / the back.
 */
export const CSV_COLUMNS = ['id', 'type', 'prompt', 'options', 'answer', 'explanation', 'source', 'tolerance', 'unit'] as const;
const ARROW = ' -> ';

function row(item: PortableItem): (string | number | null)[] {
  const lines = (list: readonly string[]) => list.join('\n');
  let options: string[] = [];
  let answer: string;
  let tolerance: number | null = null;
  let unit: string | null = null;
  switch (item.type) {
    case 'single':
      options = item.options.map((o) => o.text);
      answer = item.options.find((o) => o.id === item.answer)?.text ?? '';
      break;
    case 'multiple':
      options = item.options.map((o) => o.text);
      answer = lines(item.options.filter((o) => item.answer.includes(o.id)).map((o) => o.text));
      break;
    case 'truefalse':
      answer = String(item.answer);
      break;
    case 'typed':
      answer = lines([item.answer, ...(item.accept ?? [])]);
      break;
    case 'numeric':
      answer = String(item.answer);
      tolerance = item.tolerance ?? null;
      unit = item.unit ?? null;
      break;
    case 'ordering':
      options = [...item.order].map((e) => e.text).sort((a, b) => a.localeCompare(b));
      answer = lines(item.order.map((e) => e.text));
      break;
    case 'matching':
      options = item.pairs.map((p) => p.left);
      answer = lines(item.pairs.map((p) => `${p.left}${ARROW}${p.right}`));
      break;
    case 'card':
      answer = item.back;
      break;
  }
  return [item.id, item.type, item.prompt, lines(options), answer, item.explanation, lines(sourceQuotes(item)), tolerance, unit];
}

/** Every type fits a row, so nothing is left out. */
export function questionsCsv(items: readonly PortableItem[]): { text: string; omitted: Omission[] } {
  return { text: toCsv(CSV_COLUMNS, items.map(row)), omitted: [] };
}

// toCsv guards against formula injection with a leading apostrophe; take it off again.
const unguard = (cell: string) => (/^'[=+\-@\t\r＝＋－＠]/.test(cell) ? cell.slice(1) : cell);
const cell = z.string().transform((s) => unguard(s).trim());
const optionalNumber = cell.transform((s, ctx) => {
  if (s === '') return undefined;
  const n = Number(s);
  if (!Number.isFinite(n)) ctx.addIssue({ code: 'custom', message: 'must be a number' });
  return n;
});
const csvRow = z.object({
  type: cell.pipe(z.enum(ITEM_TYPES, { error: `must be one of ${ITEM_TYPES.join(', ')}` })),
  prompt: cell.pipe(z.string().min(1, { error: 'must not be empty' })),
  options: cell.optional().default(''),
  answer: cell.pipe(z.string().min(1, { error: 'must not be empty' })),
  explanation: cell.optional().default(''),
  source: cell.optional().default(''),
  tolerance: optionalNumber.optional(),
  unit: cell.optional().default(''),
});

const splitLines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);

function draft(r: z.infer<typeof csvRow>, where: string): DraftItem {
  const base = { prompt: r.prompt, explanation: r.explanation, quotes: splitLines(r.source), name: null };
  const options = splitLines(r.options).map((text, i) => ({ id: entryId(i), text }));
  const keyOf = (text: string) => {
    const found = options.find((o) => o.text === text);
    if (!found) throw new ImportFormatError(`${where}: answer "${text}" is not one of the options`);
    return found.id;
  };
  const answers = splitLines(r.answer);
  switch (r.type) {
    case 'single':
      return { ...base, type: 'single', options, answer: keyOf(r.answer) };
    case 'multiple':
      return { ...base, type: 'multiple', options, answer: answers.map(keyOf) };
    case 'truefalse':
      if (!/^(true|false)$/i.test(r.answer)) throw new ImportFormatError(`${where}: answer must be true or false`);
      return { ...base, type: 'truefalse', answer: /^true$/i.test(r.answer) };
    case 'typed': {
      const [answer = '', ...accept] = answers;
      return { ...base, type: 'typed', answer, ...(accept.length ? { accept } : {}) };
    }
    case 'numeric': {
      const answer = Number(r.answer);
      if (!Number.isFinite(answer)) throw new ImportFormatError(`${where}: answer must be a number`);
      return {
        ...base,
        type: 'numeric',
        answer,
        ...(r.tolerance !== undefined ? { tolerance: r.tolerance } : {}),
        ...(r.unit ? { unit: r.unit } : {}),
      };
    }
    case 'ordering':
      return { ...base, type: 'ordering', order: answers.map((text, i) => ({ id: entryId(i), text })) };
    case 'matching':
      return {
        ...base,
        type: 'matching',
        pairs: answers.map((line, i) => {
          const at = line.indexOf(ARROW.trim());
          if (at < 0) throw new ImportFormatError(`${where}: each matching answer line is "left -> right"`);
          return { id: entryId(i), left: line.slice(0, at).trim(), right: line.slice(at + 2).trim() };
        }),
      };
    case 'card':
      return { ...base, type: 'card', back: r.answer };
  }
}

/** Reads the CSV above (a header row naming at least type, prompt and answer). */
export function readQuestionsCsv(text: string): ReadResult {
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      relax_column_count: true,
    });
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    throw new ImportFormatError(`not valid CSV: ${e.message ?? 'unreadable'}`, e.lines ?? null, 1);
  }
  const items = records.map((record, index) => {
    const where = `row ${index + 2}`;
    const parsed = csvRow.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ImportFormatError(`${where}: ${issue?.path.join('.') || 'row'} ${issue?.message ?? 'is not valid'}`, index + 2, 1);
    }
    return draft(parsed.data, where);
  });
  return { title: null, items, skipped: [] };
}
