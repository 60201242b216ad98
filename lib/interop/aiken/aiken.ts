import { entryId, ImportFormatError, type DraftItem, type ReadResult } from '../import/draft';
import type { ExportContext, Omission, PortableItem } from '../portable';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

export const AIKEN_CANNOT = 'Aiken holds single-choice questions only';

/**
 * Aiken (Moodle's simplest import): the question on one line, options "A. …", then "ANSWER: X".
 * It has no comments, feedback or other types, so the route reports what it left out in a header.
 */
export function aikenText(items: readonly PortableItem[], _context: ExportContext): { text: string; omitted: Omission[] } {
  const omitted: Omission[] = [];
  const blocks: string[] = [];
  for (const item of items) {
    if (item.type !== 'single' || item.options.length > LETTERS.length) {
      omitted.push({ itemId: item.id, type: item.type, reason: AIKEN_CANNOT });
      continue;
    }
    const key = item.options.findIndex((o) => o.id === item.answer);
    blocks.push(
      [oneLine(item.prompt), ...item.options.map((o, i) => `${LETTERS[i]}. ${oneLine(o.text)}`), `ANSWER: ${LETTERS[key]}`].join('\n'),
    );
  }
  return { text: blocks.join('\n\n') + '\n', omitted };
}

const OPTION = /^([A-Z])[.)]\s+(.+)$/;
const ANSWER = /^ANSWER:\s*([A-Z])\s*$/;

/** Reads Aiken; a question without options or an answer line stops with its line number. */
export function readAiken(text: string): ReadResult {
  const items: DraftItem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  let prompt: { text: string; line: number } | null = null;
  let options: { letter: string; text: string }[] = [];
  lines.forEach((raw, index) => {
    const line = raw.trim();
    const lineNo = index + 1;
    if (!line) return;
    if (!prompt) {
      prompt = { text: line, line: lineNo };
      options = [];
      return;
    }
    const option = OPTION.exec(line);
    const answer = ANSWER.exec(line);
    if (answer) {
      const key = options.findIndex((o) => o.letter === answer[1]);
      if (options.length < 2)
        throw new ImportFormatError(`the question on line ${prompt.line} needs at least 2 options before its ANSWER line`, lineNo, 1);
      if (key < 0)
        throw new ImportFormatError(
          `ANSWER ${answer[1]} is not one of the options ${options.map((o) => o.letter).join(', ')}`,
          lineNo,
          raw.indexOf(answer[1]!) + 1,
        );
      items.push({
        type: 'single',
        prompt: prompt.text,
        options: options.map((o, i) => ({ id: entryId(i), text: o.text })),
        answer: entryId(key),
        explanation: '',
        quotes: [],
        name: null,
      });
      prompt = null;
    } else if (option) {
      options.push({ letter: option[1]!, text: option[2]!.trim() });
    } else if (options.length === 0) {
      prompt = { text: `${prompt.text} ${line}`, line: prompt.line };
    } else {
      throw new ImportFormatError('expected an option such as "B. text" or "ANSWER: B"', lineNo, 1);
    }
  });
  const open = prompt as { line: number } | null;
  if (open) throw new ImportFormatError('the last question has no "ANSWER:" line', open.line, 1);
  return { title: null, items, skipped: [] };
}
