import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startPgServer, type PgServer } from '@/scripts/pg-server';
import { createAssignment } from './assignments';
import { disconnectDb, getDb, inReadSession } from './db';
import { createLearner } from './learners';
import { deleteLearner } from './my-data';
import { TAKE_WRITE_LOCK, WRITE_LOCK } from './postgresql-sql';
import { sql } from './sql';
import { quizAssignment } from './test-assignments';
import { prepareDatabase } from './startup';

let server: PgServer;
const restore = (name: string, value: string | undefined) => {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
};
const previousUrl = process.env.DATABASE_URL;
const previousSecret = process.env.BETTER_AUTH_SECRET;

beforeAll(async () => {
  server = await startPgServer();
  process.env.DATABASE_URL = await server.createDatabase();
  process.env.BETTER_AUTH_SECRET = 'tests-on-postgresql';
}, 60_000);
afterAll(async () => {
  await disconnectDb();
  restore('DATABASE_URL', previousUrl);
  restore('BETTER_AUTH_SECRET', previousSecret);
  await server?.stop();
});

/** How many transactions wait for the write lock. A one-key advisory lock is (classid, objid) = (high, low 32 bits), objsubid 1. */
async function waitingForWriteLock(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = ${WRITE_LOCK} AND objsubid = 1 AND NOT granted`,
  );
  return rows[0]!.n;
}

describe('the data layer on PostgreSQL (DATABASE_URL=postgresql://…)', () => {
  it('refuses to start without BETTER_AUTH_SECRET, which every instance must share', async () => {
    const secret = process.env.BETTER_AUTH_SECRET;
    delete process.env.BETTER_AUTH_SECRET;
    try {
      await expect(prepareDatabase(() => {})).rejects.toThrow(/set BETTER_AUTH_SECRET, the same on every instance/);
    } finally {
      process.env.BETTER_AUTH_SECRET = secret!;
    }
  });

  it('migrates and syncs the question files at start, and a second start changes nothing', async () => {
    const first = await prepareDatabase(() => {});
    expect(first.migrations.applied.length).toBeGreaterThan(0);
    expect(first.content.items.created).toBeGreaterThan(100);
    const second = await prepareDatabase(() => {});
    expect(second.migrations.applied).toEqual([]);
    expect(second.content.items.created).toBe(0);
    expect(second.content.items.updated).toBe(0);
    const db = await getDb();
    expect(await db.question.count()).toBe(first.content.items.created);
  }, 60_000);

  it('round-trips dates, floats, booleans and BigInts through the PostgreSQL client, in interactive transactions', async () => {
    const db = await getDb();
    const question = (await db.question.findFirstOrThrow({ select: { id: true } })).id;
    const due = new Date('2026-11-29T03:04:05.678Z');
    await db.$transaction(async (tx) => {
      await tx.learner.create({ data: { id: 'pg-learner', timeZone: 'Asia/Tokyo' } });
      await tx.card.create({
        data: {
          learnerId: 'pg-learner',
          questionId: question,
          due,
          stability: 1.25,
          difficulty: 5.5,
          scheduledDays: 0,
          learningSteps: 1,
          reps: 1,
          lapses: 0,
          state: 1,
        },
      });
      await tx.rateLimit.create({ data: { key: 'k', failures: 1, windowStart: 1_764_000_000_000n, expiresAt: 2n ** 53n + 1n } });
    });
    const card = await db.card.findUniqueOrThrow({ where: { learnerId_questionId: { learnerId: 'pg-learner', questionId: question } } });
    expect(card.due.toISOString()).toBe(due.toISOString());
    expect(card.stability).toBe(1.25);
    expect(card.suspended).toBe(false);
    expect((await db.rateLimit.findUniqueOrThrow({ where: { key: 'k' } })).expiresAt).toBe(2n ** 53n + 1n);
  });

  it('runs Prisma transactions, interactive and batched, one at a time with every other write: each waits for the write lock', async () => {
    const db = await getDb();
    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    try {
      await holder.query(`BEGIN; ${TAKE_WRITE_LOCK}`);
      const batched = db.$transaction([db.learner.create({ data: { id: 'pg-batched' }, select: { id: true } })]);
      const interactive = db.$transaction((tx) => tx.learner.create({ data: { id: 'pg-interactive' }, select: { id: true } }));
      await vi.waitFor(async () => expect(await waitingForWriteLock(holder)).toBe(2), { timeout: 10_000 });
      await holder.query('COMMIT');
      // The batch's caller gets its own statements' results, not the lock's.
      expect(await batched).toEqual([{ id: 'pg-batched' }]);
      expect(await interactive).toEqual({ id: 'pg-interactive' });
    } finally {
      await holder.end();
    }
  });

  it('looks at a learner’s classes for “Delete my data” only once it holds the write lock, so a class joined meanwhile refuses it', async () => {
    const db = await getDb();
    const user = await db.user.create({ data: { id: 'pg-owner', name: 'Owner', email: 'owner@pg.test' } });
    const { id: assignmentId } = await createAssignment(
      { id: user.id, name: user.name, email: user.email },
      quizAssignment({ title: 'Joined meanwhile', itemIds: ['tl-001'] }),
    );
    const { learner } = await createLearner();
    // Another instance joins the learner to the class in a write transaction that has not committed yet.
    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    try {
      await holder.query(`BEGIN; ${TAKE_WRITE_LOCK}`);
      await holder.query(
        `INSERT INTO "AssignmentStudent" ("id", "assignmentId", "learnerId", "nickname", "nicknameKey", "personalCode", "joinedAt")
         VALUES ('pg-joined', $1, $2, 'Sam', 'sam', 'PGCODE01', now())`,
        [assignmentId, learner.id],
      );
      const deleting = deleteLearner(learner).catch((error: unknown) => error);
      await vi.waitFor(async () => expect(await waitingForWriteLock(holder)).toBe(1), { timeout: 10_000 });
      await holder.query('COMMIT');
      expect(await deleting).toMatchObject({ status: 409, message: expect.stringMatching(/Joined meanwhile/) });
      expect(await db.assignmentStudent.count({ where: { learnerId: learner.id } })).toBe(1);
    } finally {
      await holder.end();
    }
  });

  it('rolls an interactive transaction back whole when it throws', async () => {
    const db = await getDb();
    await expect(
      db.$transaction(async (tx) => {
        await tx.learner.create({ data: { id: 'pg-rolled-back' } });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await db.learner.findUnique({ where: { id: 'pg-rolled-back' } })).toBeNull();
  });

  it('keeps password hashes out of the data layer as on SQLite', async () => {
    const db = await getDb();
    await db.user.create({ data: { id: 'pg-user', name: 'T', email: 't@example.org' } });
    await db.account.create({
      data: { id: 'pg-account', accountId: 'pg-user', providerId: 'credential', userId: 'pg-user', password: 'hash' },
    });
    const account = await db.account.findUniqueOrThrow({ where: { id: 'pg-account' } });
    expect(account).not.toHaveProperty('password');
  });

  it('outlives the server closing its idle connections (a restart or failover) and reconnects on the next query', async () => {
    const db = await getDb();
    await Promise.all(Array.from({ length: 4 }, () => db.learner.count()));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    let terminated = 0;
    try {
      const { rowCount } = await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      );
      terminated = rowCount ?? 0;
      expect(terminated).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    try {
      // Unheard, the pool's 'error' for each closed idle connection would be an uncaught exception.
      await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(terminated));
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^PostgreSQL closed an idle connection/));
      expect(await db.learner.count()).toBeGreaterThan(0);
      expect(await inReadSession((s) => s.get(sql`SELECT count(*) AS n FROM Learner WHERE id = ${'pg-learner'}`))).toEqual({ n: 1 });
    } finally {
      warn.mockRestore();
    }
  });
});
