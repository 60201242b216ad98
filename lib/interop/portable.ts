import type { Item, ItemType } from '../questions/schema';

/**
 * An item as the format writers take it. `source` may be one verbatim quote or several (the bank
 * is moving from one to a list); writers read it through `sourceQuotes` only.
 */
type WithSources<T> = T extends unknown ? Omit<T, 'source'> & { source: string | readonly string[] } : never;
export type PortableItem = WithSources<Item>;

export function sourceQuotes(item: { source: string | readonly string[] }): string[] {
  const list = typeof item.source === 'string' ? [item.source] : [...item.source];
  return list.map((quote) => quote.trim()).filter(Boolean);
}

/** An item a format could not express, and why; every export lists them instead of dropping them. */
export interface Omission {
  itemId: string;
  type: ItemType;
  reason: string;
}

export interface ExportFile {
  filename: string;
  mediaType: string;
  body: string | Uint8Array;
  omitted: Omission[];
}

/** What a writer needs besides the items: where they come from and how to link back to the reader. */
export interface ExportContext {
  setId: string;
  setTitle: string;
  /** An absolute link to the item's passage in Passage's reader, or null when there is none. */
  link: (itemId: string) => string | null;
}

/** One line per omission, for a comment or a report file. */
export function omissionLines(format: string, omitted: readonly Omission[]): string[] {
  if (omitted.length === 0) return [];
  return [
    `${format} cannot express ${omitted.length} item${omitted.length === 1 ? '' : 's'}, left out:`,
    ...omitted.map((o) => `- ${o.itemId} (${o.type}): ${o.reason}`),
  ];
}

/** A file-name-safe slug of a title or id. */
export function fileSlug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'passage'
  );
}

export const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** HTML as plain text: paragraphs and breaks become newlines, tags go, entities are decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|blockquote|h[1-6])>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0*39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
