import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseFeedback } from '../feedback';
import { htmlToText } from '../portable';
import { entryId, ImportFormatError, normaliseGap, type DraftItem, type ReadResult } from '../import/draft';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ['question', 'answer', 'subquestion', 'unit'].includes(name),
});

type Node = Record<string, unknown>;

function textOf(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  const record = node as Node;
  const inner = record.text ?? record['#text'] ?? '';
  const text = typeof inner === 'object' ? textOf(inner) : String(inner);
  return record['@_format'] === 'html' || /<[a-z][\s\S]*>/i.test(text) ? htmlToText(text) : text.trim();
}

const answersOf = (q: Node) =>
  ((q.answer as Node[] | undefined) ?? []).map((a) => ({ text: textOf(a), fraction: Number(a['@_fraction'] ?? 0), node: a }));

function draft(q: Node, index: number): DraftItem | string {
  const type = String(q['@_type'] ?? '');
  const name = textOf(q.name) || null;
  const where = `question ${index + 1}${name ? ` ("${name}")` : ''}`;
  const prompt = normaliseGap(textOf(q.questiontext));
  const { explanation, quotes } = parseFeedback(textOf(q.generalfeedback));
  const base = { prompt, explanation, quotes, name };
  const answers = answersOf(q);
  switch (type) {
    case 'multichoice': {
      const options = answers.map((a, i) => ({ id: entryId(i), text: a.text }));
      if (String(q.single ?? 'true') !== 'false') {
        const best = Math.max(...answers.map((a) => a.fraction));
        const key = answers.findIndex((a) => a.fraction === best);
        if (best <= 0) return `${where}: no answer has a positive grade`;
        return { ...base, type: 'single', options, answer: entryId(key) };
      }
      const keys = answers.flatMap((a, i) => (a.fraction > 0 ? [entryId(i)] : []));
      if (keys.length === 0) return `${where}: no answer has a positive grade`;
      return { ...base, type: 'multiple', options, answer: keys };
    }
    case 'truefalse': {
      const right = answers.find((a) => a.fraction === 100);
      if (!right) return `${where}: neither true nor false is graded 100%`;
      return { ...base, type: 'truefalse', answer: /^(true|vrai|wahr|1)$/i.test(right.text) };
    }
    case 'shortanswer': {
      const accepted = answers.filter((a) => a.fraction === 100).map((a) => a.text);
      const [first, ...rest] = accepted;
      if (!first) return `${where}: no answer is graded 100%`;
      return { ...base, type: 'typed', answer: first, ...(rest.length ? { accept: rest } : {}) };
    }
    case 'numerical': {
      const right = answers.find((a) => a.fraction === 100);
      const value = Number(right?.text);
      if (!right || !Number.isFinite(value)) return `${where}: no numeric answer is graded 100%`;
      const tolerance = Number(textOf((right.node as Node).tolerance) || 0);
      const unitNode = ((q.units as Node | undefined)?.unit as Node[] | undefined)?.[0];
      const unit = unitNode ? textOf(unitNode.unit_name) : '';
      return { ...base, type: 'numeric', answer: value, ...(tolerance ? { tolerance } : {}), ...(unit ? { unit } : {}) };
    }
    case 'matching': {
      const pairs = ((q.subquestion as Node[] | undefined) ?? [])
        .map((s) => ({ left: textOf(s), right: textOf((s.answer as Node[] | undefined)?.[0]) }))
        .filter((p) => p.left && p.right)
        .map((p, i) => ({ id: entryId(i), ...p }));
      if (pairs.length < 2) return `${where}: a matching question needs at least 2 pairs`;
      return { ...base, type: 'matching', pairs };
    }
    case 'ordering': {
      const order = [...answers].sort((a, b) => a.fraction - b.fraction).map((a, i) => ({ id: entryId(i), text: a.text }));
      return { ...base, type: 'ordering', order };
    }
    default:
      return `${where}: Moodle's "${type}" questions have no Passage type`;
  }
}

/** Reads Moodle XML (question bank export): every question type Passage has, with its general feedback. */
export function readMoodleXml(xml: string): ReadResult {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new ImportFormatError(`not well-formed XML: ${valid.err.msg}`, valid.err.line, valid.err.col);
  const root = parser.parse(xml) as { quiz?: { question?: Node[] } };
  if (!root.quiz) throw new ImportFormatError('Moodle XML must have a <quiz> root element');
  let title: string | null = null;
  const items: DraftItem[] = [];
  const skipped: string[] = [];
  (root.quiz.question ?? []).forEach((q, index) => {
    if (q['@_type'] === 'category') {
      const path = textOf(q.category).split('/').filter(Boolean);
      title = path.at(-1) ?? title;
      return;
    }
    const result = draft(q, index);
    if (typeof result === 'string') skipped.push(result);
    else items.push(result);
  });
  return { title, items, skipped };
}
