import { stringify } from 'csv-stringify/sync';

/**
 * Teacher exports as CSV that Excel, LibreOffice, Numbers and Google Sheets all open cleanly:
 * - UTF-8 with a byte-order mark, so Excel does not read accented and non-Latin names as mojibake;
 * - CRLF line endings (RFC 4180) and every field quoted, so commas, quotes and line breaks inside
 *   a nickname or an answer cannot shift columns;
 * - dates as ISO 8601 (UTC), booleans as true/false, null as an empty field; a number that is not
 *   finite and an invalid Date are written as empty fields rather than "NaN" or a crash;
 * - formula injection neutralised: a text field starting with = + - @ tab or carriage return (or
 *   the full-width ＝ ＋ － ＠ that some spreadsheets also accept) gets a leading apostrophe, so
 *   `=HYPERLINK(…)` typed as a nickname stays text. Numbers are never touched: −5 stays −5, while
 *   the text "-5" becomes "'-5" (OWASP "CSV Injection"; csv-stringify's escape_formulas).
 * csv-stringify builds on Node's Buffer, so this module is for the server (route handlers), not
 * for client components.
 */

export type CsvCell = string | number | boolean | null | Date;

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  rows.forEach((row, index) => {
    if (row.length !== header.length) {
      throw new Error(`CSV row ${index + 1} has ${row.length} fields; the header has ${header.length}`);
    }
  });
  return stringify([header, ...rows] as CsvCell[][], {
    bom: true,
    record_delimiter: 'windows',
    quoted: true,
    quoted_empty: true,
    escape_formulas: true,
    cast: {
      boolean: (value) => (value ? 'true' : 'false'),
      date: (value) => (Number.isNaN(value.getTime()) ? '' : value.toISOString()),
      number: (value) => (Number.isFinite(value) ? String(value) : ''),
    },
  });
}
