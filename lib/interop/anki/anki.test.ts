import { unzipSync, strFromU8 } from 'fflate';
import initSqlJs from 'sql.js';
import { readAnkiPackage } from 'anki-reader';
import { describe, expect, it } from 'vitest';
import { quizletText } from '../quizlet/text';
import { CONTEXT, shippedBank } from '../test-bank';
import { ankiPackage } from './apkg';
import { ankiDeck } from './notes';
import { ankiText } from './text';

const { items } = shippedBank();
const deck = ankiDeck(items, CONTEXT);
const NOW = new Date('2026-11-29T12:00:00Z');

// Anki's collection tables and columns (schema 11), listed independently of the writer's SQL.
const ANKI_COLUMNS: Record<string, string[]> = {
  col: ['id', 'crt', 'mod', 'scm', 'ver', 'dty', 'usn', 'ls', 'conf', 'models', 'decks', 'dconf', 'tags'],
  notes: ['id', 'guid', 'mid', 'mod', 'usn', 'tags', 'flds', 'sfld', 'csum', 'flags', 'data'],
  cards: [
    'id',
    'nid',
    'did',
    'ord',
    'mod',
    'usn',
    'type',
    'queue',
    'due',
    'ivl',
    'factor',
    'reps',
    'lapses',
    'left',
    'odue',
    'odid',
    'flags',
    'data',
  ],
  revlog: ['id', 'cid', 'usn', 'ease', 'ivl', 'lastIvl', 'factor', 'time', 'type'],
  graves: ['usn', 'oid', 'type'],
};

describe('Anki package (.apkg)', () => {
  it('is read back by anki-reader: one deck per set, one card per item, front and back fields', async () => {
    const apkg = await ankiPackage([deck], NOW);
    const { collection } = await readAnkiPackage(new Blob([Buffer.from(apkg)]));
    const decks = Object.values(collection.getDecks());
    const passageDeck = decks.find((d) => d.getRawDeck().name === 'Passage::All items');
    expect(passageDeck).toBeDefined();
    const cards = Object.values(passageDeck!.getCards());
    expect(cards).toHaveLength(items.length);
    const models = Object.values(collection.getModels());
    expect(models.map((m) => m.getRawModel().name)).toEqual(['Passage']);
    const first = cards[0]!.getRawCard() as unknown as { flds?: string; tags?: string };
    expect(JSON.stringify(first)).toContain('Which Russian body announced');
  });

  it('has the tables and columns of an Anki collection, with notes carrying explanation, source, link and tags', async () => {
    const files = unzipSync(await ankiPackage([deck], NOW));
    expect(Object.keys(files).sort()).toEqual(['collection.anki2', 'media']);
    expect(strFromU8(files.media!)).toBe('{}');
    const SQL = await initSqlJs();
    const db = new SQL.Database(files['collection.anki2']);
    for (const [table, columns] of Object.entries(ANKI_COLUMNS)) {
      const info = db.exec(`PRAGMA table_info(${table})`)[0]!.values.map((row) => row[1]);
      expect(info, table).toEqual(columns);
    }
    expect(db.exec('PRAGMA integrity_check')[0]!.values[0]![0]).toBe('ok');
    expect(db.exec('SELECT ver FROM col')[0]!.values[0]![0]).toBe(11);
    const [guid, flds, tags] = db.exec("SELECT guid, flds, tags FROM notes WHERE guid = 'passage-kf-002'")[0]!.values[0] as string[];
    expect(guid).toBe('passage-kf-002');
    const [front, back] = flds!.split('\x1f');
    expect(front).toContain('A Japan–Russia peace treaty has remained unsigned since the end of the ____.');
    expect(back).toContain('<b>Second World War');
    expect(back).toContain('<blockquote>Such an agreement has remained unsigned since the end of the Second World War</blockquote>');
    expect(back).toContain('href="https://passage.example/articles/kuril-talks?item=kf-002"');
    expect(tags!.trim().split(' ')).toEqual(expect.arrayContaining(['passage::set::all', 'passage::type::typed']));
    db.close();
  });
});

describe('Anki plain text', () => {
  it('starts with the file headers and has one tab-separated note per line', () => {
    const text = ankiText([deck]);
    const lines = text.trimEnd().split('\n');
    expect(lines.slice(0, 6)).toEqual([
      '#separator:tab',
      '#html:true',
      '#notetype:Basic',
      '#deck:Passage::All items',
      '#guid column:1',
      '#tags column:4',
    ]);
    const notes = lines.slice(6);
    expect(notes).toHaveLength(items.length);
    for (const line of notes) expect(line.split('\t')).toHaveLength(4);
  });

  it('names the deck in a column when several sets go in one file', () => {
    const text = ankiText([deck, ankiDeck(items.slice(0, 2), { ...CONTEXT, setTitle: 'Two' })]);
    expect(text).toContain('#deck column:5');
    expect(text.trimEnd().split('\n').at(-1)!.split('\t').at(-1)).toBe('Passage::Two');
  });
});

describe('Quizlet text', () => {
  it('is one card per line, term and definition separated by one tab', () => {
    const lines = quizletText(items).trimEnd().split('\n');
    expect(lines).toHaveLength(items.length);
    for (const line of lines) expect(line.split('\t')).toHaveLength(2);
    const first = items[0]!;
    if (first.type !== 'single') throw new Error(`the bank's first item is now ${first.type}; this test reads a single-choice one`);
    const key = first.options.find((o) => o.id === first.answer)!;
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(lines[0]).toMatch(new RegExp(`^${escape(first.prompt)} .*A\\) ${escape(first.options[0]!.text)} .*\\t${escape(key.text)} — `));
  });
});
