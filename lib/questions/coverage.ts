import type { Paragraph } from '../article/parse';

export interface ParagraphCoverage {
  paragraph: Paragraph;
  itemIds: string[];
}

export interface CoverageReport {
  paragraphs: ParagraphCoverage[];
  /** Paragraphs that state a fact or claim (not exempt). */
  claimCount: number;
  coveredClaimCount: number;
  uncovered: Paragraph[];
}

/**
 * Which items draw on each paragraph, and which claim paragraphs no item draws on. An item with
 * several source quotes draws on every paragraph it quotes.
 */
export function coverage(paragraphs: Paragraph[], items: { id: string; paragraphs: readonly number[] }[]): CoverageReport {
  const byParagraph = new Map<number, string[]>();
  for (const item of items) {
    for (const n of new Set(item.paragraphs)) byParagraph.set(n, [...(byParagraph.get(n) ?? []), item.id]);
  }
  const rows = paragraphs.map((paragraph) => ({ paragraph, itemIds: byParagraph.get(paragraph.n) ?? [] }));
  const claims = rows.filter((row) => row.paragraph.exemptReason === null);
  const uncovered = claims.filter((row) => row.itemIds.length === 0).map((row) => row.paragraph);
  return { paragraphs: rows, claimCount: claims.length, coveredClaimCount: claims.length - uncovered.length, uncovered };
}
