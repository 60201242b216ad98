import { createHash } from 'node:crypto';
import { zipSync, strToU8 } from 'fflate';
import initSqlJs from 'sql.js';
import { htmlToText } from '../portable';
import { ANKI_COLLECTION_SQL, ANKI_SCHEMA_VERSION, DEFAULT_DECK_CONFIG, deckJson, noteTypeJson } from './collection-schema';
import type { AnkiDeck } from './notes';

const FIELD_SEPARATOR = '\x1f';

/** A stable positive id below 2^53 from a name, so the same deck or note type keeps its id across exports. */
function stableId(name: string): number {
  return 1_000_000_000 + (parseInt(createHash('sha1').update(name).digest('hex').slice(0, 10), 16) % 1_000_000_000_000);
}

/** Anki's duplicate check: the first 8 hex digits of the SHA-1 of the sort field without HTML, as an integer. */
function checksum(sortField: string): number {
  return parseInt(createHash('sha1').update(sortField).digest('hex').slice(0, 8), 16);
}

let sqlJs: ReturnType<typeof initSqlJs> | null = null;

/**
 * An Anki package (.apkg): a zip holding `collection.anki2` (the SQLite collection, written with
 * sql.js) and an empty `media` map. Every note is a new card in its set's deck.
 */
export async function ankiPackage(decks: readonly AnkiDeck[], now: Date): Promise<Uint8Array> {
  const SQL = await (sqlJs ??= initSqlJs());
  const db = new SQL.Database();
  try {
    db.run(ANKI_COLLECTION_SQL);
    const nowMs = now.getTime();
    const nowSeconds = Math.floor(nowMs / 1000);
    const modelId = stableId('passage-note-type');
    const deckEntries = decks.map((deck) => ({ deck, id: stableId(`deck:${deck.name}`) }));
    const decksJson: Record<string, unknown> = { 1: deckJson(1, 'Default', nowSeconds) };
    for (const { deck, id } of deckEntries) decksJson[id] = deckJson(id, deck.name, nowSeconds);
    const firstDeck = deckEntries[0]?.id ?? 1;
    const conf = {
      nextPos: decks.reduce((n, d) => n + d.notes.length, 0) + 1,
      estTimes: true,
      activeDecks: [firstDeck],
      sortType: 'noteFld',
      timeLim: 0,
      sortBackwards: false,
      addToCur: true,
      curDeck: firstDeck,
      newSpread: 0,
      dueCounts: true,
      curModel: modelId,
      collapseTime: 1200,
    };
    db.run('INSERT INTO col VALUES (1, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?, ?)', [
      nowSeconds,
      nowMs,
      nowMs,
      ANKI_SCHEMA_VERSION,
      JSON.stringify(conf),
      JSON.stringify({ [modelId]: noteTypeJson(modelId, firstDeck, nowSeconds) }),
      JSON.stringify(decksJson),
      JSON.stringify({ 1: DEFAULT_DECK_CONFIG }),
      '{}',
    ]);
    const insertNote = db.prepare("INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')");
    const insertCard = db.prepare("INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')");
    let position = 0;
    for (const { deck, id: deckId } of deckEntries) {
      for (const note of deck.notes) {
        position++;
        const noteId = nowMs + position;
        const sortField = htmlToText(note.front);
        insertNote.run([
          noteId,
          note.guid,
          modelId,
          nowSeconds,
          ` ${note.tags.join(' ')} `,
          [note.front, note.back].join(FIELD_SEPARATOR),
          sortField,
          checksum(sortField),
        ]);
        insertCard.run([noteId, noteId, deckId, nowSeconds, position]);
      }
    }
    insertNote.free();
    insertCard.free();
    const collection = db.export();
    return zipSync({ 'collection.anki2': collection, media: strToU8('{}') });
  } finally {
    db.close();
  }
}
