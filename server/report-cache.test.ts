import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerQuestion } from './answers';
import { createAssignment, setDueDate } from './assignments';
import type { TeacherRef } from './auth';
import { questionsDir } from './config';
import { readContent } from './content-files';
import { syncContent } from './content-sync';
import { getDb } from './db';
import { AppError } from './errors';
import { createLearner, type LearnerRef } from './learners';
import { getAttempt, submitAttempt } from './quizzes';
import { cachedAssignmentReport, etagMatches } from './report-cache';
import { removeStudent, renameStudent, resetStudentAttempts } from './roster';
import { joinAssignment, leaveAssignment, startAssignmentAttempt } from './students';
import { quizAssignment } from './test-assignments';
import { render, sql, type Statement } from './sql';
import { testDatabase, useTemporaryDatabase } from './test-database';

// Every change below lands within milliseconds of the report before it: a cache that kept a
// report for any time at all would serve the stale one.

let cleanup: () => Promise<void>;
let file: string;
let owner: TeacherRef;
let answers = 0;

beforeEach(async () => {
  ({ cleanup, file } = await useTemporaryDatabase());
  await syncContent(await getDb(), readContent(questionsDir()));
  const db = await getDb();
  const user = await db.user.create({ data: { id: 'user-owner', name: 'Owner', email: 'owner@school.test' } });
  owner = { id: user.id, name: user.name, email: user.email };
});
afterEach(() => cleanup());

/** Answers with the item's first presented option (right or wrong, the report shows which). */
async function answerFirst(learner: LearnerRef, attemptId: string, itemId: string, now = new Date()) {
  const view = await getAttempt(learner, attemptId, now);
  const item = view.items.find((i) => i.item.id === itemId)!.item;
  if (item.type !== 'single') throw new Error('expected single-choice timeline items');
  const answerId = `answer-${String(++answers).padStart(4, '0')}`;
  return answerQuestion(learner, attemptId, { answerId, itemId, response: { choice: item.options[0]!.id } }, now);
}

async function classOfOne(overrides: Parameters<typeof quizAssignment>[0] = {}) {
  const { id } = await createAssignment(owner, quizAssignment(overrides));
  const learner = (await createLearner()).learner;
  const { id: studentId } = await joinAssignment(learner, id, 'Ana');
  return { id, learner, studentId };
}

/** Changes the database the way another process would: on its own connection, past this process's code. */
async function fromAnotherProcess(statement: Statement) {
  if (testDatabase() === 'postgresql') {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const { text, params } = render(statement, 'postgresql');
      await client.query(text, params);
    } finally {
      await client.end();
    }
    return;
  }
  const other = new Database(file);
  try {
    const { text, params } = render(statement, 'sqlite');
    other.prepare(text).run(...params);
  } finally {
    other.close();
  }
}

describe('cachedAssignmentReport', () => {
  it('serves the same report while nothing changed, and a fresh one right after an answer', async () => {
    const { id, learner } = await classOfOne();
    const attemptId = await startAssignmentAttempt(learner, id);
    const first = await cachedAssignmentReport(owner, id);
    expect(await cachedAssignmentReport(owner, id)).toBe(first);
    expect(first.report.students[0]!.cells['tl-001']).toBeNull();

    await answerFirst(learner, attemptId, 'tl-001');
    const second = await cachedAssignmentReport(owner, id);
    expect(second.report.students[0]!.cells['tl-001']).not.toBeNull();
    expect(second.etag).not.toBe(first.etag);
    expect(JSON.parse(second.json)).toEqual(second.report);

    await answerFirst(learner, attemptId, 'tl-002');
    await submitAttempt(learner, attemptId);
    expect((await cachedAssignmentReport(owner, id)).report.students[0]).toMatchObject({ status: 'finished' });
  });

  it('is fresh after a student leaves, is renamed, is reset or is removed', async () => {
    const { id, learner, studentId } = await classOfOne();
    const attemptId = await startAssignmentAttempt(learner, id);
    await answerFirst(learner, attemptId, 'tl-001');
    expect((await cachedAssignmentReport(owner, id)).report.students[0]!.leftAt).toBeNull();

    await leaveAssignment(learner, id);
    expect((await cachedAssignmentReport(owner, id)).report.students[0]!.leftAt).not.toBeNull();

    await renameStudent(owner, id, studentId, 'Bea');
    expect((await cachedAssignmentReport(owner, id)).report.students[0]!.nickname).toBe('Bea');

    await resetStudentAttempts(owner, id, studentId);
    expect((await cachedAssignmentReport(owner, id)).report.students[0]!.attemptList[0]!.resetAt).not.toBeNull();

    await removeStudent(owner, id, studentId);
    expect((await cachedAssignmentReport(owner, id)).report.students).toEqual([]);
  });

  it('is fresh after the due date or the reveal policy changes', async () => {
    const { id, learner } = await classOfOne({ attemptsAllowed: 2, reveal: 'immediately' });
    const t = (minute: number) => new Date(Date.UTC(2026, 2, 2, 9, minute));
    const first = await startAssignmentAttempt(learner, id, t(0));
    await answerFirst(learner, first, 'tl-001', t(1));
    await answerFirst(learner, first, 'tl-002', t(2));
    await submitAttempt(learner, first, t(3));
    await answerFirst(learner, await startAssignmentAttempt(learner, id, t(4)), 'tl-001', t(5));
    // The keys of the first attempt were shown on its first answer: the second came after them.
    expect((await cachedAssignmentReport(owner, id)).report.students[0]!.attemptList.map((a) => a.afterKeys)).toEqual([false, true]);

    await fromAnotherProcess(sql`UPDATE Assignment SET reveal = ${'never'} WHERE id = ${id}`);
    expect((await cachedAssignmentReport(owner, id)).report.students[0]!.attemptList.map((a) => a.afterKeys)).toEqual([false, false]);

    await setDueDate(owner, id, { dueLocal: '2030-01-01T09:00', timeZone: 'UTC' });
    expect((await cachedAssignmentReport(owner, id)).report.assignment.dueAt).toBe('2030-01-01T09:00:00.000Z');
  });

  it('changes status when the due date passes, with no write at all', async () => {
    const { id } = await classOfOne({ dueLocal: '2099-03-02T12:00', timeZone: 'UTC' });
    const before = await cachedAssignmentReport(owner, id, new Date('2099-03-01T09:00:00Z'));
    expect(before.report.assignment.status).toBe('open');
    const after = await cachedAssignmentReport(owner, id, new Date('2099-03-02T12:01:00Z'));
    expect(after.report.assignment.status).toBe('past_due');
    expect(after.etag).not.toBe(before.etag);
  });

  it("sees another process's answers and renames", async () => {
    const { id, learner, studentId } = await classOfOne();
    const attemptId = await startAssignmentAttempt(learner, id);
    await answerFirst(learner, attemptId, 'tl-001');
    const before = await cachedAssignmentReport(owner, id);

    await fromAnotherProcess(
      sql`INSERT INTO QuizResponse (attemptId, answerId, questionId, round, response, score, correct, answeredAt)
       SELECT attemptId, ${'answer-other'}, ${'tl-002'}, ${1}, response, ${1}, ${true}, answeredAt FROM QuizResponse WHERE attemptId = ${attemptId}`,
    );
    const after = await cachedAssignmentReport(owner, id);
    expect(after.report.students[0]!.cells['tl-002']).toBe('right');
    expect(after.etag).not.toBe(before.etag);

    await fromAnotherProcess(sql`UPDATE AssignmentStudent SET nickname = ${'Cy'} WHERE id = ${studentId}`);
    expect((await cachedAssignmentReport(owner, id)).report.students[0]!.nickname).toBe('Cy');
  });

  it('gives the same ETag when computed afresh from the same data, so a poll may reach any process', async () => {
    const { id } = await classOfOne();
    const now = new Date();
    const first = await cachedAssignmentReport(owner, id, now);
    await fromAnotherProcess(sql`UPDATE AssignmentStudent SET nickname = nickname WHERE assignmentId = ${id}`);
    // Enough other reports to push this one out of the cache: the next one is computed again.
    for (let i = 0; i < 40; i++) await cachedAssignmentReport(owner, (await createAssignment(owner, quizAssignment())).id, now);
    const again = await cachedAssignmentReport(owner, id, now);
    expect(again).not.toBe(first);
    expect(again.etag).toBe(first.etag);
  });

  it('answers 404 to another teacher, also while the report is cached', async () => {
    const { id } = await classOfOne();
    await cachedAssignmentReport(owner, id);
    const other: TeacherRef = { id: 'user-other', name: 'Other', email: 'other@school.test' };
    for (const teacher of [other, null]) {
      const error = await cachedAssignmentReport(teacher, id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(404);
    }
  });
});

describe('etagMatches', () => {
  it('compares weakly, in a list, and matches *', () => {
    expect(etagMatches('W/"abc"', 'W/"abc"')).toBe(true);
    expect(etagMatches('"abc"', 'W/"abc"')).toBe(true);
    expect(etagMatches('"x", W/"abc"', 'W/"abc"')).toBe(true);
    expect(etagMatches('*', 'W/"abc"')).toBe(true);
    expect(etagMatches('W/"abd"', 'W/"abc"')).toBe(false);
    expect(etagMatches(null, 'W/"abc"')).toBe(false);
  });
});
