import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDb, inReadSession, inWriteTransaction, queryInTransaction } from './db';
import { fragments, sql } from './sql';
import { useTemporaryDatabase } from './test-database';

let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ cleanup } = await useTemporaryDatabase());
});
afterEach(() => cleanup());

const insertLearner = (id: string, at = new Date()) => sql`INSERT INTO Learner (id, createdAt, updatedAt) VALUES (${id}, ${at}, ${at})`;
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

async function learnerIds(): Promise<string[]> {
  const db = await getDb();
  return (await db.learner.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((l) => l.id);
}

/** An interactive transaction that writes, waits to be told to go on, then rolls back. */
function transactionThatRollsBack() {
  let entered!: () => void;
  let proceed!: () => void;
  const inside = new Promise<void>((resolve) => (entered = resolve));
  const gate = new Promise<void>((resolve) => (proceed = resolve));
  const done = getDb().then((db) =>
    db
      .$transaction(async (tx) => {
        await tx.learner.create({ data: { id: 'written-in-the-transaction' } });
        entered();
        await gate;
        throw new Error('roll back');
      })
      .catch((error: unknown) => error),
  );
  return { inside, proceed, done };
}

describe('the shared connection', () => {
  it('keeps other requests’ writes out of an open transaction, so its rollback cannot take them along', async () => {
    const db = await getDb();
    const tx = transactionThatRollsBack();
    await tx.inside;
    // A single statement outside any transaction (Prisma wraps its model writes, not these).
    const stamp = new Date();
    const prismaWrite = db.$executeRaw`INSERT INTO "Learner" ("id", "createdAt", "updatedAt") VALUES ('written-by-prisma-meanwhile', ${stamp}, ${stamp})`;
    const rawWrite = inWriteTransaction((tx) => tx.run(insertLearner('written-raw-meanwhile')));
    await settle();
    tx.proceed();
    expect(await tx.done).toEqual(new Error('roll back'));
    await Promise.all([prismaWrite, rawWrite]);
    expect(await learnerIds()).toEqual(['written-by-prisma-meanwhile', 'written-raw-meanwhile']);
  });

  it('runs a seam statement inside a Prisma transaction, rendered for this database (a row lock included)', async () => {
    await inWriteTransaction((tx) => tx.run(insertLearner('lockme-1')));
    const rows = await (
      await getDb()
    ).$transaction((tx) => queryInTransaction(tx, sql`SELECT id FROM Learner WHERE id = ${'lockme-1'} ${fragments.forUpdate}`));
    expect(rows).toEqual([{ id: 'lockme-1' }]);
  });

  it('rolls a raw write transaction back whole when its work throws', async () => {
    const failing = inWriteTransaction(async (tx) => {
      await tx.run(insertLearner('half-written'));
      throw new Error('second statement failed');
    });
    await expect(failing).rejects.toThrow('second statement failed');
    expect(await learnerIds()).toEqual([]);
  });

  it('reads integers as numbers and dates in the form Prisma reads back', async () => {
    const db = await getDb();
    const at = new Date('2026-03-02T10:00:00.123Z');
    await inWriteTransaction((tx) => tx.run(insertLearner('dated', at)));
    expect((await db.learner.findUniqueOrThrow({ where: { id: 'dated' } })).createdAt).toEqual(at);
    const row = await inReadSession((session) => session.get(sql`SELECT newPerDay FROM Learner WHERE id = ${'dated'}`));
    expect(row).toEqual({ newPerDay: 20 });
  });
});
