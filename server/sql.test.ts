import { describe, expect, it } from 'vitest';
import { boolFromSql, dateFromSql, fragments, inList, numberFromSql, quoteMixedCase, render, shapeOf, sql, sqliteParams } from './sql';

const at = new Date('2026-03-02T10:00:00.123Z');
const scope = (setId: string | null) => sql`(${setId === null} OR q.setId = ${setId})`;

describe('sql templates', () => {
  it('render for SQLite with ? placeholders, 1/0 booleans, Prisma’s date text and id lists as one JSON parameter', () => {
    const statement = sql`SELECT 1 FROM Question q WHERE q.id IN ${inList(['a', 'b', 'a'])} AND q.retired = ${false} AND q.at > ${at} AND ${scope('s1')}`;
    expect(render(statement, 'sqlite')).toEqual({
      text: 'SELECT 1 FROM Question q WHERE q.id IN (SELECT value FROM json_each(?)) AND q.retired = ? AND q.at > ? AND (? OR q.setId = ?)',
      params: ['["a","b"]', 0, '2026-03-02T10:00:00.123+00:00', 0, 's1'],
    });
    expect(sqliteParams(statement.values)).toEqual(render(statement, 'sqlite').params);
  });

  it('render for PostgreSQL with numbered placeholders, native values, arrays and its own fragments', () => {
    const statement = sql`SELECT ${fragments.greatest}(a, ${1}) FROM t WHERE id IN ${inList(['x'])} AND ok = ${true} AND ${scope(null)} ${fragments.forUpdate}`;
    expect(render(statement, 'postgresql')).toEqual({
      text: 'SELECT GREATEST(a, $1) FROM t WHERE id IN (SELECT unnest($2::text[])) AND ok = $3 AND ($4 OR q."setId" = $5) FOR UPDATE',
      params: [1, ['x'], true, true, null],
    });
  });

  it('quote mixed-case names for PostgreSQL, never keywords, functions, aliases or string literals', () => {
    expect(
      quoteMixedCase(
        `SELECT a.learnerId, qs.title AS setTitle, count(*) AS n FROM QuizAttempt a JOIN "QuestionSet" qs ON qs.id = a.setId WHERE a.source = 'flashCard' AND excluded.nextSlotAt > 0`,
      ),
    ).toBe(
      `SELECT a."learnerId", qs.title AS "setTitle", count(*) AS n FROM "QuizAttempt" a JOIN "QuestionSet" qs ON qs.id = a."setId" WHERE a.source = 'flashCard' AND excluded."nextSlotAt" > 0`,
    );
    expect(render(sql`SELECT learnerId FROM Card`, 'sqlite').text).toBe('SELECT learnerId FROM Card');
  });

  it('give one shape per call site and kinds of values, so a compiled statement can be cached by its template', () => {
    const make = (ids: string[] | string) => sql`SELECT 1 WHERE id IN ${typeof ids === 'string' ? ids : inList(ids)} AND ${scope('s')}`;
    expect(shapeOf(make(['a']).values)).toBe(shapeOf(make(['b', 'c']).values));
    expect(make(['a']).strings).toBe(make(['b']).strings);
    expect(shapeOf(make('a').values)).not.toBe(shapeOf(make(['a']).values));
  });

  it('decode either dialect’s form of dates, booleans and counts', () => {
    expect(dateFromSql('2026-03-02T10:00:00.123+00:00')).toEqual(at);
    expect(dateFromSql(at)).toBe(at);
    expect([boolFromSql(1), boolFromSql(0), boolFromSql(true), boolFromSql(false)]).toEqual([true, false, true, false]);
    expect([numberFromSql('12'), numberFromSql(12), numberFromSql(12n)]).toEqual([12, 12, 12]);
  });
});
