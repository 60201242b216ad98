import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TeacherRef } from './auth';
import { createAssignment } from './assignments';
import { questionsDir } from './config';
import { readContent } from './content-files';
import { syncContent } from './content-sync';
import { getDb } from './db';
import { AppError } from './errors';
import { createLearner, learnerForToken, rotateTokens } from './learners';
import { resetPersonalCode } from './personal-codes';
import { assignmentIdForCode, findStudentView, joinAssignment, resumeWithPersonalCode } from './students';
import { quizAssignment } from './test-assignments';
import { useTemporaryDatabase } from './test-database';

let cleanup: () => Promise<void>;
let owner: TeacherRef;
let other: TeacherRef;

async function teacher(name: string): Promise<TeacherRef> {
  const db = await getDb();
  const user = await db.user.create({ data: { id: `user-${name}`, name, email: `${name}@school.test` } });
  return { id: user.id, name: user.name, email: user.email };
}

const base = quizAssignment({ title: 'Codes' });

async function status(promise: Promise<unknown>): Promise<number | 'ok'> {
  return promise.then(
    () => 'ok' as const,
    (e: unknown) => (e instanceof AppError ? e.status : Promise.reject(e)),
  );
}

beforeEach(async () => {
  ({ cleanup } = await useTemporaryDatabase());
  await syncContent(await getDb(), readContent(questionsDir()));
  owner = await teacher('owner');
  other = await teacher('other');
});
afterEach(() => cleanup());

describe('personal codes', () => {
  it('work once: using one signs the device in and replaces it, so a classmate who saw it cannot use it', async () => {
    const { id } = await createAssignment(owner, base);
    const ana = (await createLearner()).learner;
    const joined = await joinAssignment(ana, id, 'Ana');
    const token = await resumeWithPersonalCode(id, joined.personalCode);
    expect((await learnerForToken(token))?.id).toBe(ana.id);
    expect(await status(resumeWithPersonalCode(id, joined.personalCode))).toBe(404);
    const fresh = (await findStudentView(ana, id))!.student.personalCode;
    expect(fresh).not.toBe(joined.personalCode);
    expect(await status(resumeWithPersonalCode(id, fresh))).toBe('ok');
  });

  it('are replaced when the student signs out every other device', async () => {
    const { id } = await createAssignment(owner, base);
    const ana = (await createLearner()).learner;
    const joined = await joinAssignment(ana, id, 'Ana');
    await rotateTokens(ana.id);
    expect(await status(resumeWithPersonalCode(id, joined.personalCode))).toBe(404);
    expect((await findStudentView(ana, id))!.student.personalCode).not.toBe(joined.personalCode);
  });

  it('can be reset by the assignment’s teacher only', async () => {
    const { id } = await createAssignment(owner, base);
    const ana = (await createLearner()).learner;
    const joined = await joinAssignment(ana, id, 'Ana');
    expect(await status(resetPersonalCode(other, id, joined.id))).toBe(404);
    expect(await status(resetPersonalCode(owner, id, 'not a student id!'))).toBe(400);
    expect(await status(resumeWithPersonalCode(id, joined.personalCode))).toBe('ok');
    const now = (await findStudentView(ana, id))!.student.personalCode;
    expect(await resetPersonalCode(owner, id, joined.id)).toBe('Ana');
    expect(await status(resumeWithPersonalCode(id, now))).toBe(404);
  });

  it('a join refused for a taken nickname creates no learner', async () => {
    const { id } = await createAssignment(owner, base);
    await joinAssignment((await createLearner()).learner, id, 'Ana');
    const db = await getDb();
    const before = await db.learner.count();
    let made = 0;
    const refused = joinAssignment(async () => ((made += 1), (await createLearner()).learner), id, 'ANA');
    expect(await status(refused)).toBe(409);
    expect(made).toBe(0);
    expect(await db.learner.count()).toBe(before);
  });

  it('join codes expire 180 days after the assignment was made or was due, whichever is later', async () => {
    const due = new Date(Date.now() + 10 * 86_400_000);
    const dueLocal = due.toISOString().slice(0, 16);
    const { id, code } = await createAssignment(owner, { ...base, dueLocal, timeZone: 'UTC' });
    expect(await assignmentIdForCode(code, new Date(due.getTime() + 179 * 86_400_000))).toBe(id);
    expect(await status(assignmentIdForCode(code, new Date(due.getTime() + 181 * 86_400_000)))).toBe(404);
    const undated = await createAssignment(owner, base);
    expect(await assignmentIdForCode(undated.code)).toBe(undated.id);
    expect(await status(assignmentIdForCode(undated.code, new Date(Date.now() + 181 * 86_400_000)))).toBe(404);
  });
});
