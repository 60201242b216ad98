import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPgServer, type PgServer } from '@/scripts/pg-server';
import { migratePostgresql } from './migrations-postgresql';
import { postgresqlDatabase } from './postgresql-sql';
import { sql, type SqlDatabase } from './sql';

describe('the SQL seam on PostgreSQL', () => {
  let server: PgServer;
  let pool: pg.Pool;
  let db: SqlDatabase;

  beforeAll(async () => {
    server = await startPgServer();
    const url = await server.createDatabase();
    await migratePostgresql(url, 'prisma/postgresql/migrations');
    pool = new pg.Pool({ connectionString: url, max: 10 });
    db = postgresqlDatabase(pool);
  }, 60_000);
  afterAll(async () => {
    await pool?.end();
    await server?.stop();
  });

  it('writes and reads Prisma’s tables by their names, dates in UTC and counts as numbers', async () => {
    const at = new Date('2026-03-02T23:30:00.123Z');
    await db.write((tx) =>
      tx.run(sql`INSERT INTO Learner (id, timeZone, createdAt, updatedAt) VALUES (${'l1'}, ${'Asia/Tokyo'}, ${at}, ${at})`),
    );
    const row = await db.read((s) =>
      s.get<{ createdAt: Date; newPerDay: number; typeAnswers: boolean }>(
        sql`SELECT createdAt, newPerDay, typeAnswers FROM Learner WHERE id = ${'l1'}`,
      ),
    );
    expect(row).toEqual({ createdAt: at, newPerDay: 20, typeAnswers: true });
    expect(await db.read((s) => s.get(sql`SELECT count(*) AS n FROM Learner`))).toEqual({ n: 1 });
  });

  it('runs racing read-then-write transactions one after another, as SQLite’s single writer does', async () => {
    await db.write((tx) => tx.run(sql`INSERT INTO RateLimit (key, failures, windowStart, expiresAt) VALUES (${'race'}, ${0}, ${0}, ${0})`));
    const increment = () =>
      db.write(async (tx) => {
        const { failures } = (await tx.get<{ failures: number }>(sql`SELECT failures FROM RateLimit WHERE key = ${'race'}`))!;
        await new Promise((resolve) => setTimeout(resolve, 5));
        await tx.run(sql`UPDATE RateLimit SET failures = ${failures + 1} WHERE key = ${'race'}`);
      });
    await Promise.all(Array.from({ length: 20 }, increment));
    expect(await db.read((s) => s.get(sql`SELECT failures FROM RateLimit WHERE key = ${'race'}`))).toEqual({ failures: 20 });
  }, 60_000);

  it('rolls back work that throws and does not run it again', async () => {
    let runs = 0;
    await expect(
      db.write(async (tx) => {
        runs++;
        await tx.run(sql`INSERT INTO Learner (id, createdAt, updatedAt) VALUES (${'half'}, ${new Date()}, ${new Date()})`);
        throw new Error('second statement failed');
      }),
    ).rejects.toThrow('second statement failed');
    expect(runs).toBe(1);
    expect(await db.read((s) => s.get(sql`SELECT id FROM Learner WHERE id = ${'half'}`))).toBeUndefined();
  });

  it('runs writes that arrive together in one transaction, rolling back only the one that throws', async () => {
    const learner = (id: string) => sql`INSERT INTO Learner (id, createdAt, updatedAt) VALUES (${id}, ${new Date()}, ${new Date()})`;
    const seen: unknown[] = [];
    const results = await Promise.allSettled([
      db.write((tx) => tx.run(learner('batch-a'))),
      db.write(async (tx) => {
        await tx.run(learner('batch-half'));
        throw new Error('changed its mind');
      }),
      db.write((tx) => tx.run(learner('batch-a'))),
      db.write(async (tx) => {
        // The first write's row is visible here, in the same transaction, and nowhere else yet.
        seen.push(
          await tx.get(sql`SELECT id FROM Learner WHERE id = ${'batch-a'}`),
          (await pool.query(`SELECT id FROM "Learner" WHERE id = 'batch-a'`)).rows[0],
        );
        return tx.run(learner('batch-c'));
      }),
    ]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : String(r.reason)))).toEqual([
      1,
      'Error: changed its mind',
      expect.stringMatching(/duplicate key/),
      1,
    ]);
    expect(seen).toEqual([{ id: 'batch-a' }, undefined]);
    const stored = await db.read((s) => s.all(sql`SELECT id FROM Learner WHERE id LIKE ${'batch-%'} ORDER BY id`));
    expect(stored).toEqual([{ id: 'batch-a' }, { id: 'batch-c' }]);
  });
});
