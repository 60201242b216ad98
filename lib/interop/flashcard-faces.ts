import { describeKey } from '../grading/describe';
import type { Item } from '../questions/schema';
import { choicesOnFront } from '../quiz/card-faces';
import { escapeHtml, sourceQuotes, type PortableItem } from './portable';

/** The two sides of an item as a flashcard, for Anki and Quizlet: what to ask and what to answer. */
export interface Faces {
  prompt: string;
  /** Choices shown under the prompt: options, ordering entries (alphabetical), matching lefts. */
  choices: string[];
  answer: string;
  explanation: string;
  quotes: string[];
}

/** describeKey reads only the key fields; the source's shape does not matter to it. */
const keyOf = (item: PortableItem) => describeKey({ ...item, source: sourceQuotes(item).join(' ') } as Item);

export function facesOf(item: PortableItem): Faces {
  const prompt =
    item.type === 'truefalse'
      ? `True or false? ${item.prompt}`
      : item.type === 'numeric' && item.unit
        ? `${item.prompt} (in ${item.unit})`
        : item.prompt;
  return { prompt, choices: choicesOnFront(item), answer: keyOf(item), explanation: item.explanation, quotes: sourceQuotes(item) };
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The front as one line of plain text (Quizlet's term). */
export function frontText(faces: Faces): string {
  const choices = faces.choices.map((c, i) => `${LETTERS[i] ?? i + 1}) ${c}`).join('  ');
  return oneLine(choices ? `${faces.prompt}  ${choices}` : faces.prompt);
}

/** The back as one line of plain text (Quizlet's definition): the key, then why. */
export function backText(faces: Faces): string {
  return oneLine(`${faces.answer} — ${faces.explanation}`);
}

/** The front as HTML on one line (Anki fields hold HTML; tabs and newlines would split the row). */
export function frontHtml(faces: Faces): string {
  const list = faces.choices.length ? `<ol type="A">${faces.choices.map((c) => `<li>${escapeHtml(c)}</li>`).join('')}</ol>` : '';
  return `<div>${escapeHtml(faces.prompt)}</div>${list}`;
}

export function backHtml(faces: Faces, link: string | null): string {
  const quotes = faces.quotes.map((q) => `<blockquote>${escapeHtml(q)}</blockquote>`).join('');
  const more = link ? `<p><a href="${escapeHtml(link)}">Read the passage in Passage</a></p>` : '';
  return oneLine(`<p><b>${escapeHtml(faces.answer)}</b></p><p>${escapeHtml(faces.explanation)}</p>${quotes}${more}`);
}
