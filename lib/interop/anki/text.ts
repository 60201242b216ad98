import type { AnkiDeck } from './notes';

/**
 * Anki's plain-text import (File › Import, "Notes in Plain Text"): file headers name the
 * separator, HTML, note type, deck and the guid and tags columns, then one note per line:
 * guid, Front, Back, tags. One deck is named in the #deck header; several get a deck column.
 */
export function ankiText(decks: readonly AnkiDeck[]): string {
  const one = decks.length === 1;
  const headers = [
    '#separator:tab',
    '#html:true',
    '#notetype:Basic',
    one ? `#deck:${decks[0]!.name}` : '#deck column:5',
    '#guid column:1',
    '#tags column:4',
  ];
  const rows = decks.flatMap((deck) =>
    deck.notes.map((note) => [note.guid, note.front, note.back, note.tags.join(' '), ...(one ? [] : [deck.name])].join('\t')),
  );
  return [...headers, ...rows].join('\n') + '\n';
}
