import { XMLBuilder } from 'fast-xml-parser';
import { feedbackHtml } from '../feedback';
import { escapeHtml, omissionLines, sourceQuotes, type ExportContext, type Omission, type PortableItem } from '../portable';
import { formatFraction, shareOfHundred } from './fractions';

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  cdataPropName: '__cdata',
  commentPropName: '#comment',
  suppressBooleanAttributes: false,
});

const html = (text: string) => ({ '@_format': 'html', text: { __cdata: text } });
const plain = (text: string) => ({ text });
const answer = (fraction: number, text: string, format = 'html') => ({
  '@_fraction': formatFraction(fraction),
  '@_format': format,
  text: format === 'html' ? { __cdata: escapeHtml(text) } : text,
  feedback: { '@_format': 'html', text: '' },
});

export const MOODLE_CANNOT = { card: 'Moodle has no flashcard question type' } as const;

function question(item: PortableItem, context: ExportContext): Record<string, unknown> | null {
  const common = {
    name: plain(item.id),
    questiontext: html(`<p>${escapeHtml(item.prompt)}</p>`),
    generalfeedback: html(feedbackHtml({ explanation: item.explanation, quotes: sourceQuotes(item), link: context.link(item.id) })),
    defaultgrade: '1',
    penalty: '0.3333333',
    hidden: '0',
    idnumber: item.id,
  };
  switch (item.type) {
    case 'single':
      return {
        '@_type': 'multichoice',
        ...common,
        single: 'true',
        shuffleanswers: 'true',
        answernumbering: 'abc',
        answer: item.options.map((o) => answer(o.id === item.answer ? 100 : 0, o.text)),
      };
    case 'multiple': {
      const keys = new Set(item.answer);
      const worth = shareOfHundred(keys.size);
      return {
        '@_type': 'multichoice',
        ...common,
        single: 'false',
        shuffleanswers: 'true',
        answernumbering: 'abc',
        answer: item.options.map((o) => answer(keys.has(o.id) ? worth : -worth, o.text)),
      };
    }
    case 'truefalse':
      return {
        '@_type': 'truefalse',
        ...common,
        answer: [answer(item.answer ? 100 : 0, 'true', 'moodle_auto_format'), answer(item.answer ? 0 : 100, 'false', 'moodle_auto_format')],
      };
    case 'typed':
      return {
        '@_type': 'shortanswer',
        ...common,
        usecase: '0',
        answer: [item.answer, ...(item.accept ?? [])].map((a) => answer(100, a, 'moodle_auto_format')),
      };
    case 'numeric':
      return {
        '@_type': 'numerical',
        ...common,
        answer: [{ ...answer(100, String(item.answer), 'moodle_auto_format'), tolerance: String(item.tolerance ?? 0) }],
        ...(item.unit
          ? {
              units: { unit: [{ multiplier: '1', unit_name: item.unit }] },
              unitgradingtype: '0',
              unitpenalty: '0.1000000',
              showunits: '3',
              unitsleft: '0',
            }
          : {}),
      };
    case 'ordering':
      return {
        '@_type': 'ordering',
        ...common,
        layouttype: 'VERTICAL',
        selecttype: 'ALL',
        selectcount: '0',
        // Passage scores the share of entries in their right place: Moodle's "absolute position".
        gradingtype: 'ABSOLUTE_POSITION',
        showgrading: 'SHOW',
        numberingstyle: 'none',
        answer: item.order.map((entry, i) => answer(i + 1, entry.text)),
      };
    case 'matching':
      return {
        '@_type': 'matching',
        ...common,
        shuffleanswers: 'true',
        subquestion: item.pairs.map((pair) => ({
          '@_format': 'html',
          text: { __cdata: escapeHtml(pair.left) },
          answer: { text: pair.right },
        })),
      };
    case 'card':
      return null;
  }
}

/** Moodle XML for Moodle's question bank import: one category named after the set, then the items. */
export function moodleXml(items: readonly PortableItem[], context: ExportContext): { xml: string; omitted: Omission[] } {
  const omitted: Omission[] = [];
  const questions: Record<string, unknown>[] = [{ '@_type': 'category', category: plain(`$course$/top/Passage/${context.setTitle}`) }];
  for (const item of items) {
    const q = question(item, context);
    if (q) questions.push(q);
    else omitted.push({ itemId: item.id, type: item.type, reason: MOODLE_CANNOT.card });
  }
  const report = omissionLines('Moodle XML', omitted);
  const body = builder.build({
    ...(report.length ? { '#comment': ` ${report.join('\n  ')} `.replace(/--/g, '- -') } : {}),
    quiz: { question: questions },
  }) as string;
  return { xml: `<?xml version="1.0" encoding="UTF-8"?>\n${body}`, omitted };
}
