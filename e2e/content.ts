import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

// The question bank as files, so specs can pick real items without reaching into the app.
export interface BankItem {
  id: string;
  type: string;
  prompt: string;
  /** One verbatim quote, or several. */
  source: string | string[];
  explanation: string;
  [key: string]: unknown;
}
export interface BankSet {
  id: string;
  title: string;
  items: BankItem[];
}

const DIR = path.resolve('questions/kuril-talks');

export function loadBank(): BankSet[] {
  return fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => parse(fs.readFileSync(path.join(DIR, f), 'utf8')) as BankSet);
}

export const sourcesOf = (item: BankItem): string[] => (typeof item.source === 'string' ? [item.source] : item.source);

export function articleParagraphs(): string[] {
  const text = fs.readFileSync(path.join(DIR, 'article.md'), 'utf8');
  return text
    .replace(/^---[\s\S]*?\n---\n/, '')
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
}

export const fold = (text: string) =>
  text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\u2026/g, '...')
    .replace(/\s+/g, ' ')
    .trim();
