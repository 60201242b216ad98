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

/** Which items draw on each paragraph, and which claim paragraphs no item draws on. */
export function coverage(paragraphs: Paragraph[], items: { id: string; paragraph: number }[]): CoverageReport {
  const byParagraph = new Map<number, string[]>();
  for (const item of items) byParagraph.set(item.paragraph, [...(byParagraph.get(item.paragraph) ?? []), item.id]);
  const rows = paragraphs.map((paragraph) => ({ paragraph, itemIds: byParagraph.get(paragraph.n) ?? [] }));
  const claims = rows.filter((row) => row.paragraph.exemptReason === null);
  const uncovered = claims.filter((row) => row.itemIds.length === 0).map((row) => row.paragraph);
  return { paragraphs: rows, claimCount: claims.length, coveredClaimCount: claims.length - uncovered.length, uncovered };
}
