import type { Paragraph } from './parse';

/** Folds typographic quotes, dashes and whitespace so a quote typed on any keyboard matches. */
export function normaliseQuote(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/\u2026/g, '...')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The paragraph a quoted source comes from: the first claim paragraph containing it, else the
 * first paragraph of any kind (a pull-quote repeats its paragraph, so the claim wins).
 */
export function findSource(paragraphs: Paragraph[], source: string): Paragraph | null {
  const needle = normaliseQuote(source);
  if (!needle) return null;
  const matches = paragraphs.filter((p) => normaliseQuote(p.text).includes(needle));
  return matches.find((p) => p.exemptReason === null) ?? matches[0] ?? null;
}

/**
 * Where `source` sits inside a paragraph's original text, as [start, end) offsets, so the
 * reader can wrap exactly those characters in <mark>. Offsets refer to `paragraph.text`.
 */
export function locateQuote(paragraphText: string, source: string): [number, number] | null {
  const needle = normaliseQuote(source);
  // Map each character of the normalised paragraph back to its offset in the original.
  const normChars: string[] = [];
  const origin: number[] = [];
  let previousSpace = true;
  for (let i = 0; i < paragraphText.length; i++) {
    const folded = normaliseQuote(paragraphText[i] === ' ' ? ' ' : (paragraphText[i] ?? ''));
    const piece = /\s/.test(paragraphText[i] ?? '') ? ' ' : folded;
    if (piece === ' ') {
      if (previousSpace) continue;
      previousSpace = true;
    } else {
      previousSpace = false;
    }
    for (const ch of piece) {
      normChars.push(ch);
      origin.push(i);
    }
  }
  const haystack = normChars.join('');
  const at = haystack.indexOf(needle);
  if (at < 0) return null;
  const start = origin[at] ?? 0;
  const last = origin[at + needle.length - 1] ?? start;
  return [start, last + 1];
}
