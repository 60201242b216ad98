import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CsvCell, toCsv } from './csv';

const BOM = '\uFEFF';

/** A minimal RFC 4180 reader for the tests: every field quoted or not, CRLF or LF between records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      // handled at the \n
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Parsed records, BOM removed. */
const read = (csv: string) => parseCsv(csv.slice(BOM.length));

describe('toCsv', () => {
  it('starts with a BOM and ends records with CRLF, every field quoted', () => {
    const csv = toCsv(
      ['Name', 'Score'],
      [
        ['Sam', 3],
        ['', null],
      ],
    );
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toBe(`${BOM}"Name","Score"\r\n"Sam","3"\r\n"",""\r\n`);
  });

  it('writes only the header when there are no rows', () => {
    expect(toCsv(['a', 'b'], [])).toBe(`${BOM}"a","b"\r\n`);
  });

  it('round-trips quotes, commas and line breaks inside fields', () => {
    const tricky = ['He said "hi", then left', 'line one\nline two', 'cr\r\nlf', ',', '"', ''];
    const csv = toCsv(
      ['t'],
      tricky.map((t) => [t]),
    );
    expect(read(csv)).toEqual([['t'], ...tricky.map((t) => [t])]);
    expect(csv).toContain('"He said ""hi"", then left"');
  });

  it('keeps Unicode names intact', () => {
    const names = ['Zoé', 'Дмитрий', '田中 さくら', 'محمد', '🦊 Fox', '👩‍💻 Dev'];
    expect(
      read(
        toCsv(
          ['Nickname'],
          names.map((n) => [n]),
        ),
      ),
    ).toEqual([['Nickname'], ...names.map((n) => [n])]);
  });

  it('writes dates as ISO, booleans as true/false, null as empty', () => {
    const csv = toCsv(
      ['when', 'done', 'note'],
      [
        [new Date('2026-03-10T17:00:00Z'), true, null],
        [new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)), false, 'x'],
      ],
    );
    expect(read(csv)).toEqual([
      ['when', 'done', 'note'],
      ['2026-03-10T17:00:00.000Z', 'true', ''],
      ['2026-01-02T03:04:05.006Z', 'false', 'x'],
    ]);
  });

  it('writes numbers plainly, and nothing for NaN, infinities or an invalid date', () => {
    expect(read(toCsv(['n'], [[0], [-5], [2.5], [Number.NaN], [Number.POSITIVE_INFINITY], [new Date('nonsense')]]))).toEqual([
      ['n'],
      ['0'],
      ['-5'],
      ['2.5'],
      [''],
      [''],
      [''],
    ]);
  });

  it('neutralises a formula typed as a nickname', () => {
    const csv = toCsv(['Nickname'], [['=HYPERLINK("http://x","y")']]);
    expect(read(csv)[1]).toEqual([`'=HYPERLINK("http://x","y")`]);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it('neutralises every dangerous first character in text, header included', () => {
    const dangerous = ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '＝1', '＠x'];
    const parsed = read(
      toCsv(
        ['=cmd'],
        dangerous.map((d) => [d]),
      ),
    );
    expect(parsed[0]).toEqual([`'=cmd`]);
    expect(parsed.slice(1).map((r) => r[0])).toEqual(dangerous.map((d) => `'${d}`));
  });

  it('leaves the number −5 alone but neutralises the text "-5"', () => {
    expect(read(toCsv(['number', 'text'], [[-5, '-5']]))[1]).toEqual(['-5', "'-5"]);
  });

  it('leaves harmless text alone, including a formula character later on', () => {
    expect(read(toCsv(['t'], [['a=b'], [' =x'], ["'quoted"], ['1-2']])).slice(1)).toEqual([['a=b'], [' =x'], ["'quoted"], ['1-2']]);
  });

  it('refuses a row that does not match the header', () => {
    expect(() => toCsv(['a', 'b'], [['x']])).toThrow(/row 1 has 1 fields; the header has 2/);
  });

  it('round-trips any safe text and any finite number', () => {
    const safeText = fc.string({ unit: 'grapheme' }).filter((s) => !/^[=+\-@\t\r＝＋－＠]/u.test(s));
    const cell: fc.Arbitrary<CsvCell> = fc.oneof(safeText, fc.double({ noNaN: true, noDefaultInfinity: true }));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 8 }), (rows) => {
        const parsed = read(toCsv(['a', 'b', 'c'], rows));
        expect(parsed).toEqual([['a', 'b', 'c'], ...rows.map((r) => r.map((v) => String(v)))]);
      }),
    );
  });
});
