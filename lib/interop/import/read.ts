import { readAiken } from '../aiken/aiken';
import { readQuestionsCsv } from '../csv/csv';
import { readGift } from '../gift/read';
import { readMoodleXml } from '../moodle/read';
import type { ReadResult } from './draft';

export const IMPORT_FORMATS = ['gift', 'moodle', 'aiken', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The format of a file from its name, else from its first lines. */
export function detectFormat(fileName: string, text: string): ImportFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'gift') return 'gift';
  if (ext === 'xml') return 'moodle';
  if (ext === 'csv') return 'csv';
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<')) return 'moodle';
  if (/^"?id"?\s*,|^"?type"?\s*,/i.test(head)) return 'csv';
  if (/^ANSWER:\s*[A-Z]\s*$/m.test(head) && !/[{}]/.test(head)) return 'aiken';
  if (/[{}]/.test(head)) return 'gift';
  return null;
}

export function readQuestions(format: ImportFormat, text: string): ReadResult {
  switch (format) {
    case 'gift':
      return readGift(text);
    case 'moodle':
      return readMoodleXml(text);
    case 'aiken':
      return readAiken(text);
    case 'csv':
      return readQuestionsCsv(text);
  }
}
