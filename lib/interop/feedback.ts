import { escapeHtml } from './portable';

/**
 * An item's explanation, source quotes and link as one general-feedback text, the way Moodle,
 * GIFT, QTI and CSV carry them; `parseFeedback` reads the same text back on import.
 */
export interface FeedbackParts {
  explanation: string;
  quotes: string[];
  link: string | null;
}

const SOURCE = 'Source: ';
const LINK = 'Read the passage: ';

export function feedbackParagraphs({ explanation, quotes, link }: FeedbackParts): string[] {
  return [explanation, ...quotes.map((q) => `${SOURCE}“${q}”`), ...(link ? [`${LINK}${link}`] : [])];
}

export function feedbackText(parts: FeedbackParts): string {
  return feedbackParagraphs(parts).join('\n\n');
}

export function feedbackHtml(parts: FeedbackParts): string {
  return feedbackParagraphs(parts)
    .map((p) =>
      parts.link && p === `${LINK}${parts.link}`
        ? `<p>${LINK}<a href="${escapeHtml(parts.link)}">${escapeHtml(parts.link)}</a></p>`
        : `<p>${escapeHtml(p)}</p>`,
    )
    .join('');
}

/** Splits a general feedback back into explanation and quotes; the link is dropped (ids change). */
export function parseFeedback(text: string): { explanation: string; quotes: string[] } {
  const explanation: string[] = [];
  const quotes: string[] = [];
  for (const raw of text.split(/\n\s*\n/)) {
    const paragraph = raw.trim();
    if (!paragraph) continue;
    if (paragraph.startsWith(SOURCE)) {
      quotes.push(paragraph.slice(SOURCE.length).replace(/^[“"]/, '').replace(/[”"]$/, '').trim());
    } else if (!paragraph.startsWith(LINK)) {
      explanation.push(paragraph.replace(/\s*\n\s*/g, ' '));
    }
  }
  return { explanation: explanation.join(' ').trim(), quotes: quotes.filter(Boolean) };
}
