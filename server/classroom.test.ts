import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TeacherRef } from './auth';
import { assignmentReport, assignmentCsv } from './reports';
import {
  createAssignment,
  deleteAssignment,
  duplicateAssignment,
  listAssignments,
  ownedAssignment,
  setClosed,
  setDueDate,
  updateAssignmentSettings,
  type AssignmentInput,
} from './assignments';
import { questionsDir } from './config';
import { readContent } from './content-files';
import { syncContent } from './content-sync';
import { getDb } from './db';
import { AppError } from './errors';
import { createLearner, type LearnerRef } from './learners';
import { answerQuestion } from './answers';
import { getAttempt, findAttemptResults, submitAttempt } from './quizzes';
import { getReviewQueue } from './review-queue';
import { rateCard } from './reviews';
import {
  assignmentIdForCode,
  assignmentIdForTypedCode,
  getPublicAssignment,
  findStudentView,
  joinAssignment,
  NicknameTakenError,
  resumeWithPersonalCode,
  startAssignmentAttempt,
} from './students';
import { removeStudent, renameStudent, resetStudentAttempts, setRosterLocked } from './roster';
import { useTemporaryDatabase } from './test-database';

let cleanup: () => Promise<void>;
let owner: TeacherRef;
let otherTeacher: TeacherRef;
const ITEMS = ['tl-001', 'tl-002', 'tl-006'];

async function teacher(name: string): Promise<TeacherRef> {
  const db = await getDb();
  const user = await db.user.create({ data: { id: `user-${name}`, name, email: `${name}@school.test` } });
  return { id: user.id, name: user.name, email: user.email };
}

const base: AssignmentInput = {
  title: 'Timeline check',
  setId: 'timeline',
  itemIds: ITEMS,
  mode: 'quiz',
  dueLocal: '',
  timeZone: 'Europe/London',
  attemptsAllowed: 1,
  shuffle: false,
  reveal: 'immediately',
  lateWork: 'accept',
  mastery: false,
};

/** The text of the item's right option: the browser sees only texts and opaque ids. */
async function keyOf(itemId: string): Promise<string> {
  const db = await getDb();
  const item = JSON.parse((await db.question.findUniqueOrThrow({ where: { id: itemId } })).data) as {
    answer: string;
    options: { id: string; text: string }[];
  };
  return item.options.find((o) => o.id === item.answer)!.text;
}

async function answer(learner: LearnerRef, attemptId: string, itemId: string, right: boolean, n: number, now?: Date) {
  const view = await getAttempt(learner, attemptId);
  const item = view.items.find((i) => i.item.id === itemId)!.item;
  if (item.type !== 'single') throw new Error('expected single-choice timeline items');
  const key = await keyOf(itemId);
  const choice = (right ? item.options.find((o) => o.text === key) : item.options.find((o) => o.text !== key))!.id;
  return answerQuestion(learner, attemptId, { answerId: `answer-${String(n).padStart(4, '0')}`, itemId, response: { choice } }, now);
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeEach(async () => {
  ({ cleanup } = await useTemporaryDatabase());
  await syncContent(await getDb(), readContent(questionsDir()));
  owner = await teacher('owner');
  otherTeacher = await teacher('other');
});
afterEach(() => cleanup());

describe('assignments', () => {
  it('creates an assignment with an unguessable id and a 6-character code, found case-insensitively', async () => {
    const { id, code } = await createAssignment(owner, base);
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    expect(await assignmentIdForCode(code.toLowerCase())).toBe(id);
    expect((await rejection(assignmentIdForCode('0O1IL0'))).status).toBe(400);
    expect((await listAssignments(owner))[0]).toMatchObject({ id, status: 'open', students: 0 });
    expect(await listAssignments(otherTeacher)).toEqual([]);
  });

  it('lets a whole class type the right code at once from one school address (the join page and the API share this path)', async () => {
    const { id, code } = await createAssignment(owner, base);
    const results = await Promise.allSettled(Array.from({ length: 60 }, () => assignmentIdForTypedCode(code, '203.0.113.40')));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(results.every((r) => r.status === 'fulfilled' && r.value === id)).toBe(true);
  });

  it('refuses bad settings with the field named', async () => {
    expect((await rejection(createAssignment(owner, { ...base, reveal: 'sometimes' }))).message).toMatch(/^reveal: /);
    expect((await rejection(createAssignment(owner, { ...base, itemIds: ['kf-001'] }))).message).toMatch(/^itemIds\.0: /);
    expect((await rejection(createAssignment(owner, { ...base, dueLocal: 'tomorrow' }))).message).toMatch(/^dueLocal: /);
  });

  it('refuses a due date that has passed on create, unless the teacher says it is on purpose', async () => {
    const now = new Date('2026-03-02T12:00:00Z');
    const error = await rejection(createAssignment(owner, { ...base, dueLocal: '2026-03-02T11:59' }, now));
    expect([error.status, error.message]).toEqual([
      400,
      'dueLocal: That due date has already passed. Choose a later one, or tick “The due date is in the past on purpose”.',
    ]);
    expect(await listAssignments(owner)).toEqual([]);
    await createAssignment(owner, { ...base, dueLocal: '2026-03-02T12:01' }, now);
    await createAssignment(owner, { ...base, dueLocal: '2026-03-02T11:59', allowPastDue: true }, now);
    expect(await listAssignments(owner)).toHaveLength(2);
  });

  it('the teacher changes title, due date, late work and reveal after students start, and hears what it does to their work', async () => {
    const { id } = await createAssignment(owner, { ...base, reveal: 'never', attemptsAllowed: 2 });
    const [ana, bo] = [(await createLearner()).learner, (await createLearner()).learner];
    await joinAssignment(ana, id, 'Ana');
    await joinAssignment(bo, id, 'Bo');
    const done = await startAssignmentAttempt(ana, id);
    await answer(ana, done, 'tl-001', true, 1);
    await submitAttempt(ana, done);
    await answer(bo, await startAssignmentAttempt(bo, id), 'tl-001', false, 2);
    const settings = { title: 'Renamed', dueLocal: '', timeZone: 'Europe/London', reveal: 'after_submit', lateWork: 'accept' };
    expect((await updateAssignmentSettings(owner, id, settings)).effects).toEqual([
      '1 student has submitted; revealing now shows them their scores and the correct answers.',
    ]);
    expect((await findAttemptResults(ana, done))?.keysShown).toBe(true);
    expect((await ownedAssignment(owner, id)).title).toBe('Renamed');
    const now = new Date();
    const past = new Date(now.getTime() - 60 * 60 * 1000).toISOString().slice(0, 16);
    expect(
      (await updateAssignmentSettings(owner, id, { ...settings, dueLocal: past, timeZone: 'UTC', lateWork: 'refuse' }, now)).effects,
    ).toEqual([
      'The due date has passed and late work is refused: 1 student with a quiz in progress cannot answer any more, and nobody new can join.',
      'Work already handed in keeps its on-time or late mark.',
    ]);
    expect((await rejection(updateAssignmentSettings(owner, id, { ...settings, reveal: 'sometimes' }))).message).toMatch(/^reveal: /);
    expect((await rejection(updateAssignmentSettings(owner, id, { ...settings, timeZone: 'Mars/Olympus' }))).message).toMatch(
      /^timeZone: /,
    );
    expect((await rejection(updateAssignmentSettings(otherTeacher, id, settings))).status).toBe(404);
  });

  it('students join with unique nicknames, a clash suggests a free one, and the personal code resumes elsewhere', async () => {
    const { id } = await createAssignment(owner, base);
    const ana = (await createLearner()).learner;
    const other = (await createLearner()).learner;
    const joined = await joinAssignment(ana, id, '  Ana ');
    expect(joined.nickname).toBe('Ana');
    const clash = await joinAssignment(other, id, 'ANA').catch((e: unknown) => e);
    expect(clash).toBeInstanceOf(NicknameTakenError);
    expect((clash as NicknameTakenError).suggestion).toBe('ANA 2');
    expect((await rejection(joinAssignment(other, id, ''))).status).toBe(400);
    const token = await resumeWithPersonalCode(id, joined.personalCode.toLowerCase());
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('enforces attempts, reveal policy, late work and closing on the server', async () => {
    const { id } = await createAssignment(owner, {
      ...base,
      reveal: 'never',
      attemptsAllowed: 1,
      dueLocal: '2026-03-02T12:00',
      allowPastDue: true,
      lateWork: 'refuse',
    });
    const student = (await createLearner()).learner;
    const before = new Date('2026-03-02T11:00:00Z');
    await joinAssignment(student, id, 'Bo', before);
    const attemptId = await startAssignmentAttempt(student, id, before);
    expect(await startAssignmentAttempt(student, id, before)).toBe(attemptId);
    const result = await answer(student, attemptId, 'tl-001', true, 1, before);
    expect(result).toEqual({ recorded: true, score: null, correct: null, feedback: null, finished: false });
    const view = await getAttempt(student, attemptId, before);
    expect(view.items.every((i) => i.feedback === null)).toBe(true);
    // After the due date, refused.
    expect((await rejection(answer(student, attemptId, 'tl-002', true, 2, new Date('2026-03-02T12:01:00Z')))).message).toMatch(
      /does not accept late work/,
    );
    const submitted = await submitAttempt(student, attemptId, before);
    expect(submitted.score).toBeNull();
    expect((await findAttemptResults(student, attemptId, before))?.keysShown).toBe(false);
    expect((await rejection(startAssignmentAttempt(student, id, before))).message).toMatch(/used all 1 attempt/);
    await setClosed(owner, id, { closed: true });
    expect((await findStudentView(student, id))?.reason).toMatch(/closed/);
  });

  it('a past-due assignment that refuses late work says so before taking a nickname, and the roster stays as it was', async () => {
    const { id } = await createAssignment(owner, { ...base, dueLocal: '2026-03-02T12:00', allowPastDue: true, lateWork: 'refuse' });
    const after = new Date('2026-03-02T12:01:00Z');
    expect((await getPublicAssignment(id, after)).joinRefusal).toMatch(/due date has passed/);
    expect((await getPublicAssignment(id, new Date('2026-03-02T11:00:00Z'))).joinRefusal).toBeNull();
    const student = (await createLearner()).learner;
    // Even a nickname that would be refused: the due date is what the student hears about.
    for (const nickname of ['Cy', '']) {
      const error = await rejection(joinAssignment(student, id, nickname, after));
      expect([error.status, error.message]).toEqual([409, 'The due date has passed, and this assignment does not accept late work.']);
    }
    expect(await (await getDb()).assignmentStudent.count({ where: { assignmentId: id } })).toBe(0);
  });

  it('marks late work when accepted', async () => {
    const { id } = await createAssignment(owner, { ...base, dueLocal: '2026-03-02T12:00', allowPastDue: true });
    const student = (await createLearner()).learner;
    await joinAssignment(student, id, 'Cy');
    const late = new Date('2026-03-02T13:00:00Z');
    const attemptId = await startAssignmentAttempt(student, id, late);
    await answer(student, attemptId, 'tl-001', true, 1, late);
    await submitAttempt(student, attemptId, late);
    const report = await assignmentReport(owner, id, late);
    expect(report.students[0]).toMatchObject({ nickname: 'Cy', late: true, status: 'finished' });
  });

  it('mastery mode asks missed questions again, up to three rounds', async () => {
    const { id } = await createAssignment(owner, { ...base, mastery: true, attemptsAllowed: 0 });
    const student = (await createLearner()).learner;
    await joinAssignment(student, id, 'Di');
    const attemptId = await startAssignmentAttempt(student, id);
    await answer(student, attemptId, 'tl-001', true, 1);
    await answer(student, attemptId, 'tl-002', false, 2);
    await answer(student, attemptId, 'tl-006', false, 3);
    let view = await getAttempt(student, attemptId);
    expect([view.items[view.current!]!.item.id, view.round]).toEqual(['tl-002', 2]);
    await answer(student, attemptId, 'tl-002', true, 4);
    await answer(student, attemptId, 'tl-006', false, 5);
    view = await getAttempt(student, attemptId);
    expect([view.items[view.current!]!.item.id, view.round]).toEqual(['tl-006', 3]);
    await answer(student, attemptId, 'tl-006', false, 6);
    expect((await getAttempt(student, attemptId)).current).toBeNull();
    expect((await submitAttempt(student, attemptId)).score).toBe(2);
  });

  it('the report shows the matrix, item analysis on first attempts, and a CSV with formulas neutralised', async () => {
    const { id } = await createAssignment(owner, base);
    const marks = [
      ['=HYPERLINK("http://x","y")', [true, true, true]],
      ['Ana', [true, false, true]],
      ['Bo', [false, false, true]],
    ] as const;
    let n = 0;
    for (const [nickname, answers] of marks) {
      const learner = (await createLearner()).learner;
      await joinAssignment(learner, id, nickname);
      const attemptId = await startAssignmentAttempt(learner, id);
      for (const [i, right] of answers.entries()) await answer(learner, attemptId, ITEMS[i]!, right, ++n);
      await submitAttempt(learner, attemptId);
    }
    const report = await assignmentReport(owner, id);
    expect(report.students.map((s) => [s.nickname, s.score, Object.values(s.cells)])).toEqual([
      ['=HYPERLINK("http://x","y")', 3, ['right', 'right', 'right']],
      ['Ana', 2, ['right', 'wrong', 'right']],
      ['Bo', 1, ['wrong', 'wrong', 'right']],
    ]);
    const facility = report.statistics!.items.map((s) => Math.round(s.facility!));
    expect(facility).toEqual([67, 33, 100]);
    expect(report.statistics!.items[2]!.flags).toContain('too_easy');
    expect(report.statistics!.internalConsistency).toBeNull(); // fewer than 5 submissions
    expect(Object.values(report.wrongAnswers).flat().length).toBeGreaterThan(0);
    const { csv } = await assignmentCsv(owner, id);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv.split('\r\n')[0]).toBe('\uFEFF"nickname","started","submitted","late","score","tl-001","tl-002","tl-006"');
  });

  it('the report keeps a submitted score apart from an open retry, and gives the class average, median and % correct', async () => {
    const { id } = await createAssignment(owner, { ...base, reveal: 'never', attemptsAllowed: 2 });
    const ana = (await createLearner()).learner;
    const bo = (await createLearner()).learner;
    await joinAssignment(ana, id, 'Ana');
    await joinAssignment(bo, id, 'Bo');
    let n = 0;
    const first = await startAssignmentAttempt(ana, id);
    for (const [i, right] of [true, false, false].entries()) await answer(ana, first, ITEMS[i]!, right, ++n);
    await submitAttempt(ana, first);
    // Ana's second attempt is all right so far, but not handed in.
    const second = await startAssignmentAttempt(ana, id);
    for (const item of ITEMS) await answer(ana, second, item, true, ++n);
    const boAttempt = await startAssignmentAttempt(bo, id);
    for (const item of ITEMS) await answer(bo, boAttempt, item, true, ++n);
    await submitAttempt(bo, boAttempt);

    const report = await assignmentReport(owner, id);
    const row = report.students.find((s) => s.nickname === 'Ana')!;
    expect([row.score, row.status, row.inProgress]).toEqual([1, 'retrying', { answered: 3, score: 3 }]);
    expect(report.students.find((s) => s.nickname === 'Bo')!.status).toBe('finished');
    expect(Object.values(row.cells)).toEqual(['right', 'wrong', 'wrong']);
    expect(report.summary).toEqual({ submitted: 2, average: 2, median: 2, maxScore: 3 });
    expect(report.items.map((i) => i.percentCorrect)).toEqual([100, 50, 50]);

    const lines = (await assignmentCsv(owner, id)).csv.split('\r\n');
    const db = await getDb();
    const prompts = await Promise.all(
      ITEMS.map(
        async (item) => (JSON.parse((await db.question.findUniqueOrThrow({ where: { id: item } })).data) as { prompt: string }).prompt,
      ),
    );
    expect(lines[1]).toBe(['question', '', '', '', '', ...prompts].map((c) => `"${c.replaceAll('"', '""')}"`).join(','));
    expect(lines[2]?.startsWith('"Ana"')).toBe(true);
  });

  it('starts one attempt when a student starts the same assignment many times at once', async () => {
    const { id } = await createAssignment(owner, { ...base, attemptsAllowed: 1 });
    const student = (await createLearner()).learner;
    await joinAssignment(student, id, 'Racer');
    const started = await Promise.all(Array.from({ length: 8 }, () => startAssignmentAttempt(student, id)));
    expect(new Set(started).size).toBe(1);
    expect(await (await getDb()).quizAttempt.count({ where: { assignmentId: id } })).toBe(1);
  });

  it('flashcard practice counts an item done once it is rated Good or Easy in the assignment', async () => {
    const { id } = await createAssignment(owner, { ...base, mode: 'flashcards' });
    const student = (await createLearner()).learner;
    await joinAssignment(student, id, 'Eve');
    const queue = await getReviewQueue(student, { assignmentId: id });
    expect(queue.cards.map((c) => c.itemId).sort()).toEqual(ITEMS);
    await rateCard(student, { reviewId: 'review-000001', itemId: 'tl-001', rating: 'good', durationMs: 1, assignmentId: id });
    await rateCard(student, { reviewId: 'review-000002', itemId: 'tl-002', rating: 'again', durationMs: 1, assignmentId: id });
    expect((await findStudentView(student, id))?.cardsDone).toBe(1);
    expect((await assignmentReport(owner, id)).students[0]?.cardsDone).toBe(1);
    expect(
      (await rejection(rateCard(student, { reviewId: 'review-000003', itemId: 'kf-001', rating: 'good', durationMs: 1, assignmentId: id })))
        .status,
    ).toBe(400);
  });
});

describe('authorization matrix', () => {
  it('only the owning teacher reaches teacher functions; only the student reaches their own work', async () => {
    const { id } = await createAssignment(owner, base);
    const { id: otherId } = await createAssignment(otherTeacher, { ...base, title: 'Other class' });
    const student = (await createLearner()).learner;
    const otherStudent = (await createLearner()).learner;
    const stranger = (await createLearner()).learner;
    const fayId = (await joinAssignment(student, id, 'Fay')).id;
    const gusId = (await joinAssignment(otherStudent, otherId, 'Gus')).id;
    const attemptId = await startAssignmentAttempt(student, id);

    const teacherCalls: [string, (t: TeacherRef) => Promise<unknown>][] = [
      ['ownedAssignment', (t) => ownedAssignment(t, id)],
      ['report', (t) => assignmentReport(t, id)],
      ['csv', (t) => assignmentCsv(t, id)],
      ['setDueDate', (t) => setDueDate(t, id, { dueLocal: '', timeZone: 'UTC' })],
      ['setClosed', (t) => setClosed(t, id, { closed: false })],
      ['duplicate', (t) => duplicateAssignment(t, id)],
      ['renameStudent', (t) => renameStudent(t, id, { studentId: fayId, nickname: 'Fay' })],
      ['resetStudentAttempts', (t) => resetStudentAttempts(t, id, fayId)],
      ['setRosterLocked', (t) => setRosterLocked(t, id, { locked: false })],
    ];
    // Another teacher owns nothing here (a visitor with no teacher session is refused by server/callers.ts first).
    for (const [name, call] of teacherCalls) {
      expect((await rejection(call(otherTeacher))).status, `${name} as another teacher`).toBe(404);
      await call(owner); // the owner gets through (a 404 would throw)
    }

    // The student's attempt: theirs alone.
    for (const actor of [otherStudent, stranger]) {
      expect((await rejection(getAttempt(actor, attemptId))).status).toBe(404);
      expect(
        (await rejection(answerQuestion(actor, attemptId, { answerId: 'answer-9999', itemId: 'tl-001', response: { choice: 'a' } })))
          .status,
      ).toBe(404);
      expect((await rejection(startAssignmentAttempt(actor, id))).status).toBe(403);
      expect(await findStudentView(actor, id)).toBeNull();
      expect((await rejection(getReviewQueue(actor, { assignmentId: id }))).status).toBe(404);
    }
    await expect(getAttempt(student, attemptId)).resolves.toBeDefined();

    // A teacher reaches only the students of their own assignment, even through their own assignment's id.
    expect((await rejection(removeStudent(owner, id, gusId))).status).toBe(404);
    expect((await rejection(removeStudent(otherTeacher, id, fayId))).status).toBe(404);

    // Deleting is the owner's alone, and removes the students' work.
    expect((await rejection(deleteAssignment(otherTeacher, id))).status).toBe(404);
    await deleteAssignment(owner, id);
    const db = await getDb();
    expect([
      await db.assignmentStudent.count({ where: { assignmentId: id } }),
      await db.quizAttempt.count({ where: { assignmentId: id } }),
    ]).toEqual([0, 0]);
    expect(await db.assignment.count({ where: { id: otherId } })).toBe(1);
  });
});
