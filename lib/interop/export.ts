import { aikenText } from './aiken/aiken';
import { ankiPackage } from './anki/apkg';
import { ankiDeck } from './anki/notes';
import { ankiText } from './anki/text';
import { questionsCsv } from './csv/csv';
import { giftText } from './gift/write';
import { moodleXml } from './moodle/write';
import { fileSlug, type ExportContext, type ExportFile, type PortableItem } from './portable';
import { qtiPackage } from './qti/package';
import { quizletText } from './quizlet/text';

/** Formats for learners (their own study, keys included) and for teachers (an LMS's question bank). */
export const LEARNER_FORMATS = ['anki', 'anki-text', 'quizlet'] as const;
export const TEACHER_FORMATS = ['moodle', 'gift', 'qti', 'aiken', 'csv'] as const;
export type LearnerFormat = (typeof LEARNER_FORMATS)[number];
export type TeacherFormat = (typeof TEACHER_FORMATS)[number];

export const FORMAT_LABELS: Record<LearnerFormat | TeacherFormat, string> = {
  anki: 'Anki deck (.apkg)',
  'anki-text': 'Anki text (.txt)',
  quizlet: 'Quizlet (.txt)',
  moodle: 'Moodle XML',
  gift: 'GIFT',
  qti: 'QTI 2.1 package (.zip)',
  aiken: 'Aiken (single choice only)',
  csv: 'CSV (Google Forms and Sheets)',
};

export interface ExportSet {
  setId: string;
  setTitle: string;
  items: readonly PortableItem[];
}

const TEXT = 'text/plain; charset=utf-8';

/** Cards and questions of one or more sets for the learner's own study apps. */
export async function learnerExport(
  { format, sets, link, name }: { format: LearnerFormat; sets: readonly ExportSet[]; link: ExportContext['link']; name: string },
  now: Date,
): Promise<ExportFile> {
  const decks = sets.map((set) => ankiDeck(set.items, { setId: set.setId, setTitle: set.setTitle, link }));
  const base = `passage-${fileSlug(name)}`;
  switch (format) {
    case 'anki':
      return { filename: `${base}.apkg`, mediaType: 'application/vnd.anki', body: await ankiPackage(decks, now), omitted: [] };
    case 'anki-text':
      return { filename: `${base}-anki.txt`, mediaType: TEXT, body: ankiText(decks), omitted: [] };
    case 'quizlet':
      return { filename: `${base}-quizlet.txt`, mediaType: TEXT, body: quizletText(sets.flatMap((s) => s.items)), omitted: [] };
  }
}

/** One set's (or an assignment's) chosen items for a learning platform's question bank. */
export function teacherExport({
  format,
  items,
  context,
  name,
}: {
  format: TeacherFormat;
  items: readonly PortableItem[];
  context: ExportContext;
  name: string;
}): ExportFile {
  const base = fileSlug(name);
  switch (format) {
    case 'moodle': {
      const { xml, omitted } = moodleXml(items, context);
      return { filename: `${base}-moodle.xml`, mediaType: 'application/xml; charset=utf-8', body: xml, omitted };
    }
    case 'gift': {
      const { text, omitted } = giftText(items, context);
      return { filename: `${base}.gift.txt`, mediaType: TEXT, body: text, omitted };
    }
    case 'qti': {
      const { zip, omitted } = qtiPackage(items, context);
      return { filename: `${base}-qti21.zip`, mediaType: 'application/zip', body: zip, omitted };
    }
    case 'aiken': {
      const { text, omitted } = aikenText(items, context);
      return { filename: `${base}-aiken.txt`, mediaType: TEXT, body: text, omitted };
    }
    case 'csv': {
      const { text, omitted } = questionsCsv(items);
      return { filename: `${base}-questions.csv`, mediaType: 'text/csv; charset=utf-8', body: text, omitted };
    }
  }
}
