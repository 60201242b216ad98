import { findSource, normaliseQuote } from '../../article/grounding';
import type { Paragraph } from '../../article/parse';
import type { DraftItem } from './draft';

/**
 * Finding the article passage an imported item rests on.
 *
 * 1. A quote from the item's own feedback (Passage's exports carry "Source: “…”") that appears
 *    verbatim in one paragraph is the source, unchanged.
 * 2. Otherwise every sentence of the article's claim paragraphs (not headings, pull-quotes or
 *    exempt notes) is ranked by TF-IDF cosine similarity to the item's words: prompt, options,
 *    key, explanation and any quotes. Words are lower-cased, stripped of accents, stop words and a
 *    plural "s"; a word's weight is its count × ln(1 + sentences / sentences containing it).
 * 3. The best sentence is the source when its similarity is at least GROUNDING_THRESHOLD;
 *    below that the item is left ungrounded, with the best candidates for the author to choose from.
 */
export const GROUNDING_THRESHOLD = 0.2;

export interface Sentence {
  paragraph: number;
  text: string;
}

export interface Grounding {
  grounded: boolean;
  /** The verbatim quote when grounded; the best candidate otherwise. */
  source: string;
  score: number;
  how: 'feedback quote' | 'similarity' | 'none';
  candidates: { text: string; paragraph: number; score: number }[];
}

const STOP_WORDS = new Set(
  'a an and are as at be been but by did do does for from had has have he her his how in into is it its of on or she that the their them there these they this those to was were what when where which who whom why will with would not no yes true false select all apply following than then also after before about which according article author says said'.split(
    ' ',
  ),
);

export function words(text: string): string[] {
  return normaliseQuote(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w))
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

/** Sentences end at . ! or ? (with any closing quote or bracket) before a space and a capital, quote or digit. */
export function sentencesOf(paragraphs: readonly Paragraph[]): Sentence[] {
  return paragraphs
    .filter((p) => p.exemptReason === null)
    .flatMap((p) =>
      p.text
        .split(/(?<=[.!?]['"’”)]?)\s+(?=['"‘“(]?[A-Z0-9])/)
        .map((text) => text.trim())
        .filter((text) => words(text).length > 0)
        .map((text) => ({ paragraph: p.n, text })),
    );
}

function draftText(draft: DraftItem): string {
  const parts = [draft.prompt, draft.explanation, ...draft.quotes];
  switch (draft.type) {
    case 'single':
    case 'multiple':
      parts.push(...draft.options.map((o) => o.text));
      break;
    case 'typed':
      parts.push(draft.answer, ...(draft.accept ?? []));
      break;
    case 'numeric':
      parts.push(String(draft.answer), draft.unit ?? '');
      break;
    case 'ordering':
      parts.push(...draft.order.map((e) => e.text));
      break;
    case 'matching':
      parts.push(...draft.pairs.flatMap((p) => [p.left, p.right]));
      break;
    case 'card':
      parts.push(draft.back);
      break;
    case 'truefalse':
      break;
  }
  return parts.join(' ');
}

type Vector = Map<string, number>;

function counts(tokens: readonly string[]): Vector {
  const v: Vector = new Map();
  for (const t of tokens) v.set(t, (v.get(t) ?? 0) + 1);
  return v;
}

function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, w] of a) {
    na += w * w;
    const other = b.get(t);
    if (other) dot += w * other;
  }
  for (const w of b.values()) nb += w * w;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** A ranker over one article's sentences, built once per import. */
export function groundingIndex(paragraphs: readonly Paragraph[]) {
  const sentences = sentencesOf(paragraphs);
  const sentenceCounts = sentences.map((s) => counts(words(s.text)));
  const df = new Map<string, number>();
  for (const v of sentenceCounts) for (const t of v.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string) => Math.log(1 + sentences.length / (df.get(t) ?? 0.5));
  const weigh = (v: Vector): Vector => new Map([...v].map(([t, n]) => [t, n * idf(t)]));
  const sentenceVectors = sentenceCounts.map(weigh);

  return function ground(draft: DraftItem): Grounding {
    for (const quote of draft.quotes) {
      if (findSource([...paragraphs], quote)) return { grounded: true, source: quote, score: 1, how: 'feedback quote', candidates: [] };
    }
    const query = weigh(counts(words(draftText(draft))));
    const ranked = sentences
      .map((s, i) => ({ text: s.text, paragraph: s.paragraph, score: Math.round(cosine(query, sentenceVectors[i]!) * 1000) / 1000 }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 3);
    const best = ranked[0];
    if (best && best.score >= GROUNDING_THRESHOLD)
      return { grounded: true, source: best.text, score: best.score, how: 'similarity', candidates: ranked };
    return { grounded: false, source: best?.text ?? '', score: best?.score ?? 0, how: 'none', candidates: ranked };
  };
}
