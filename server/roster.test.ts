import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JOIN_FLOOD_LIMIT, MAX_CLASS_SIZE } from '@/lib/classroom/join-flood';
import { REFUSALS } from '@/lib/classroom/write-rules';
import { answerQuestion } from './answers';
import { createAssignment, listAssignments, setClosed, type AssignmentInput } from './assignments';
import type { TeacherRef } from './auth';
import { questionsDir } from './config';
import { readContent } from './content-files';
import { syncContent } from './content-sync';
import { getDb } from './db';
import { AppError } from './errors';
import { createLearner, learnerForToken, type LearnerRef } from './learners';
import { classEnrolments, deleteLearner } from './my-data';
import { getProgress } from './progress';
import { getAttempt, submitAttempt } from './quizzes';
import { assignmentReport } from './reports';
import { rateCard } from './reviews';
import { removeStudent, renameStudent, resetStudentAttempts, setRosterLocked } from './roster';
import {
  findStudentView,
  joinAssignment,
  leaveAssignment,
  NicknameTakenError,
  resumeWithPersonalCode,
  startAssignmentAttempt,
} from './students';
import { useTemporaryDatabase } from './test-database';

let cleanup: () => Promise<void>;
let owner: TeacherRef;
const ITEMS = ['tl-001', 'tl-002', 'tl-006'];
const before = new Date('2026-03-02T11:00:00Z');
const after = new Date('2026-03-02T13:00:00Z');

const base: AssignmentInput = {
  title: 'Timeline check',
  setId: 'timeline',
  itemIds: ITEMS,
  mode: 'quiz',
  dueLocal: '',
  timeZone: 'UTC',
  attemptsAllowed: 1,
  shuffle: false,
  reveal: 'after_submit',
  lateWork: 'accept',
  mastery: false,
};

let answerNumber = 0;
async function answer(learner: LearnerRef, attemptId: string, itemId: string, right: boolean, now?: Date) {
  const db = await getDb();
  const stored = JSON.parse((await db.question.findUniqueOrThrow({ where: { id: itemId } })).data) as {
    answer: string;
    options: { id: string; text: string }[];
  };
  // Options carry opaque ids: the key is found by its text.
  const keyText = stored.options.find((o) => o.id === stored.answer)!.text;
  const item = (await getAttempt(learner, attemptId, now)).items.find((i) => i.item.id === itemId)!.item;
  if (item.type !== 'single') throw new Error('expected single-choice timeline items');
  const choice = (right ? item.options.find((o) => o.text === keyText) : item.options.find((o) => o.text !== keyText))!.id;
  return answerQuestion(
    learner,
    attemptId,
    { answerId: `answer-${String(++answerNumber).padStart(4, '0')}`, itemId, response: { choice } },
    now,
  );
}

async function takeQuiz(learner: LearnerRef, assignmentId: string, rights: boolean[], now?: Date) {
  const attemptId = await startAssignmentAttempt(learner, assignmentId, now);
  for (const [i, right] of rights.entries()) await answer(learner, attemptId, ITEMS[i]!, right, now);
  await submitAttempt(learner, attemptId, now);
  return attemptId;
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
  const db = await getDb();
  const user = await db.user.create({ data: { id: 'user-owner', name: 'Owner', email: 'owner@school.test' } });
  owner = { id: user.id, name: user.name, email: user.email };
});
afterEach(() => cleanup());

/** `count` students already in the class, written directly as joins would write them (joining one by one takes seconds). */
async function seedStudents(
  assignmentId: string,
  { prefix, count, from = 0, joinedAt }: { prefix: string; count: number; from?: number; joinedAt: Date },
) {
  const rows = Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${i + from}`, name: `${prefix} ${i + from}`, n: i + from }));
  const db = await getDb();
  await db.learner.createMany({ data: rows.map((r) => ({ id: r.id })) });
  await db.assignmentStudent.createMany({
    data: rows.map((r) => ({
      id: r.id,
      assignmentId,
      learnerId: r.id,
      nickname: r.name,
      nicknameKey: r.name,
      personalCode: `${prefix.slice(0, 1).toUpperCase()}${String(r.n).padStart(5, '0')}`,
      joinedAt,
    })),
  });
}

describe('deleting one’s data inside a class', () => {
  it('is refused while in a class; leaving keeps every attempt for the teacher, and a rejoin under the same name gets no fresh attempt', async () => {
    const { id } = await createAssignment(owner, base);
    const { learner: sam, token } = await createLearner();
    await joinAssignment(sam, id, 'Sam');
    await takeQuiz(sam, id, [false, false, true]);

    const refused = await rejection(deleteLearner(sam));
    expect(refused.status).toBe(409);
    expect(refused.message).toMatch(/Timeline check/);
    expect(await learnerForToken(token)).not.toBeNull(); // nothing was deleted

    await leaveAssignment(sam, id);
    expect((await findStudentView(sam, id))?.canStart).toBe(false);
    expect((await findStudentView(sam, id))?.reason).toBe(REFUSALS.left);
    await deleteLearner(sam);
    expect(await learnerForToken(token)).toBeNull(); // this device is signed out for good

    const again = (await createLearner()).learner;
    expect(await joinAssignment(again, id, 'Sam').catch((e: unknown) => e)).toBeInstanceOf(NicknameTakenError);
    expect(await joinAssignment(again, id, 'ЅАМ').catch((e: unknown) => e)).toBeInstanceOf(NicknameTakenError);

    const report = await assignmentReport(owner, id);
    expect(report.students).toHaveLength(1);
    expect(report.students[0]).toMatchObject({ nickname: 'Sam', score: 1, status: 'finished' });
    expect(report.students[0]!.leftAt).not.toBeNull();
    expect(report.students[0]!.attemptList).toHaveLength(1);
  });

  it('keeps nothing but the class work after leaving and deleting', async () => {
    const { id } = await createAssignment(owner, base);
    const { learner } = await createLearner();
    await joinAssignment(learner, id, 'Ana');
    await takeQuiz(learner, id, [true, true, true]);
    await rateCard(learner, { reviewId: 'review-000001', itemId: 'kf-001', rating: 'good', durationMs: 1 });
    await leaveAssignment(learner, id);
    await deleteLearner(learner);
    const db = await getDb();
    expect(await db.card.count({ where: { learnerId: learner.id } })).toBe(0);
    expect(await db.reviewLog.count({ where: { learnerId: learner.id, assignmentId: null } })).toBe(0);
    expect(await db.quizAttempt.count({ where: { learnerId: learner.id, studentId: { not: null } } })).toBe(1);
    expect(await db.learnerToken.count({ where: { learnerId: learner.id } })).toBe(0);
    expect(await classEnrolments(learner)).toHaveLength(1);
  });

  it('a learner who left cannot come back through their personal code or by joining again on the same device', async () => {
    const { id } = await createAssignment(owner, base);
    const { learner } = await createLearner();
    const joined = await joinAssignment(learner, id, 'Bo');
    await leaveAssignment(learner, id);
    expect((await rejection(resumeWithPersonalCode(id, joined.personalCode))).status).toBe(404);
    expect((await joinAssignment(learner, id, 'Somebody else')).id).toBe(joined.id);
    expect((await rejection(startAssignmentAttempt(learner, id))).message).toBe(REFUSALS.left);
  });
});

describe('one rule for every write tied to an assignment', () => {
  it('refuses flashcard ratings after closing, and after the due date when late work is refused', async () => {
    const { id } = await createAssignment(owner, {
      ...base,
      mode: 'flashcards',
      dueLocal: '2026-03-02T12:00',
      allowPastDue: true,
      lateWork: 'refuse',
    });
    const { learner } = await createLearner();
    await joinAssignment(learner, id, 'Eve', before);
    const rate = (n: number, now: Date) =>
      rateCard(
        learner,
        { reviewId: `review-${String(n).padStart(6, '0')}`, itemId: 'tl-001', rating: 'good', durationMs: 1, assignmentId: id },
        now,
      );
    await rate(1, before);
    expect((await rejection(rate(2, after))).message).toBe(REFUSALS.late);
    const { id: open } = await createAssignment(owner, { ...base, mode: 'flashcards' });
    await joinAssignment(learner, open, 'Eve');
    await setClosed(owner, open, { closed: true });
    expect(
      (
        await rejection(
          rateCard(learner, { reviewId: 'review-000003', itemId: 'tl-001', rating: 'good', durationMs: 1, assignmentId: open }),
        )
      ).message,
    ).toBe(REFUSALS.closed);
    const db = await getDb();
    expect(await db.reviewLog.count({ where: { learnerId: learner.id } })).toBe(1);
  });

  it('refuses a submit after the due date when late work is refused, and never marks on-time answers late', async () => {
    const { id } = await createAssignment(owner, { ...base, dueLocal: '2026-03-02T12:00', allowPastDue: true, lateWork: 'refuse' });
    const { learner } = await createLearner();
    await joinAssignment(learner, id, 'Cy', before);
    const attemptId = await startAssignmentAttempt(learner, id, before);
    for (const itemId of ITEMS) await answer(learner, attemptId, itemId, true, before);
    expect((await rejection(submitAttempt(learner, attemptId, after))).message).toBe(REFUSALS.late);

    const { id: accepting } = await createAssignment(owner, {
      ...base,
      dueLocal: '2026-03-02T12:00',
      allowPastDue: true,
      lateWork: 'accept',
    });
    await joinAssignment(learner, accepting, 'Cy', before);
    const onTime = await startAssignmentAttempt(learner, accepting, before);
    for (const itemId of ITEMS) await answer(learner, onTime, itemId, true, before);
    await submitAttempt(learner, onTime, after);
    expect((await assignmentReport(owner, accepting, after)).students[0]).toMatchObject({ late: false, status: 'finished' });
  });

  it('refuses joins while the class list is locked, and takes them again once unlocked', async () => {
    const { id } = await createAssignment(owner, base);
    await setRosterLocked(owner, id, { locked: true });
    const { learner } = await createLearner();
    expect((await rejection(joinAssignment(learner, id, 'Di'))).message).toBe(REFUSALS.locked);
    await setRosterLocked(owner, id, { locked: false });
    await expect(joinAssignment(learner, id, 'Di')).resolves.toMatchObject({ nickname: 'Di' });
  });

  it(`takes at most ${JOIN_FLOOD_LIMIT.max} new students per window into one class, and none of that touches another class`, async () => {
    const { id } = await createAssignment(owner, { ...base, title: 'Flooded' });
    const { id: other } = await createAssignment(owner, { ...base, title: 'Quiet' });
    const now = new Date();
    for (let i = 0; i < 5; i++) await joinAssignment((await createLearner()).learner, id, `junk ${i}`, now);
    await seedStudents(id, { prefix: 'junk', count: JOIN_FLOOD_LIMIT.max - 5, from: 5, joinedAt: now });
    const flooded = await rejection(joinAssignment((await createLearner()).learner, id, 'Real student', now));
    expect(flooded.status).toBe(429);
    await expect(joinAssignment((await createLearner()).learner, other, 'Real student', now)).resolves.toBeDefined();
    await expect(
      joinAssignment((await createLearner()).learner, id, 'Real student', new Date(now.getTime() + JOIN_FLOOD_LIMIT.windowMs + 1)),
    ).resolves.toBeDefined();
  });

  it('admits no more than the bound when the last places are raced for: the check and the insert are one step', async () => {
    const { id } = await createAssignment(owner, { ...base, title: 'Raced' });
    const now = new Date();
    await seedStudents(id, { prefix: 'early', count: JOIN_FLOOD_LIMIT.max - 3, joinedAt: now });
    // Three places left in the window; twelve students ask for them at the same moment.
    const racers = await Promise.all(Array.from({ length: 12 }, async () => (await createLearner()).learner));
    const outcomes = await Promise.allSettled(racers.map((learner, i) => joinAssignment(learner, id, `racer ${i}`, now)));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(3);
    for (const o of outcomes) if (o.status === 'rejected') expect((o.reason as AppError).status).toBe(429);
    expect(await (await getDb()).assignmentStudent.count({ where: { assignmentId: id } })).toBe(JOIN_FLOOD_LIMIT.max);
  });

  it(`holds at most ${MAX_CLASS_SIZE} students, however slowly they came`, async () => {
    const { id } = await createAssignment(owner, base);
    await seedStudents(id, { prefix: 's', count: MAX_CLASS_SIZE, joinedAt: new Date(Date.now() - 24 * 60 * 60 * 1000) });
    expect((await rejection(joinAssignment((await createLearner()).learner, id, 'One too many'))).message).toMatch(/full/);
  });
});

describe('attempts after the answers were shown', () => {
  it('keeps the best score from before the keys and flags a late retry after reading them', async () => {
    const { id } = await createAssignment(owner, {
      ...base,
      reveal: 'after_due',
      attemptsAllowed: 2,
      dueLocal: '2026-03-02T12:00',
      allowPastDue: true,
      lateWork: 'accept',
    });
    const { learner } = await createLearner();
    await joinAssignment(learner, id, 'Fay', before);
    await takeQuiz(learner, id, [false, false, true], before);
    expect((await findStudentView(learner, id, before))?.answersSeen).toBe(false); // submitted, but the keys wait for the due date
    expect((await findStudentView(learner, id, after))?.answersSeen).toBe(true); // the student is told a new attempt will not replace the score
    await takeQuiz(learner, id, [true, true, true], after);
    const fay = (await assignmentReport(owner, id, after)).students[0]!;
    expect(fay.score).toBe(1);
    expect(fay.attemptList.map((t) => [t.score, t.afterKeys, t.counted])).toEqual([
      [1, false, true],
      [3, true, false],
    ]);
  });
});

describe('the teacher’s roster actions', () => {
  it('renames (refusing look-alikes), resets an attempt on the record, and removes a student', async () => {
    const { id } = await createAssignment(owner, base);
    const { learner: ana } = await createLearner();
    const { learner: bo } = await createLearner();
    const anaId = (await joinAssignment(ana, id, 'Ana')).id;
    const boId = (await joinAssignment(bo, id, 'Bo')).id;

    expect((await rejection(renameStudent(owner, id, { studentId: boId, nickname: 'Аna' }))).status).toBe(409); // Cyrillic A
    expect((await rejection(renameStudent(owner, id, { studentId: boId, nickname: 'B\u200do' }))).status).toBe(400);
    await renameStudent(owner, id, { studentId: boId, nickname: 'Bob' });

    await takeQuiz(ana, id, [false, false, false]);
    expect((await rejection(startAssignmentAttempt(ana, id))).message).toMatch(/used all 1 attempt/);
    expect(await resetStudentAttempts(owner, id, anaId)).toEqual({ reset: 1 });
    await takeQuiz(ana, id, [true, true, false]);

    await removeStudent(owner, id, boId);
    const report = await assignmentReport(owner, id);
    expect(report.students.map((s) => s.nickname)).toEqual(['Ana']);
    expect(report.students[0]!.attemptList.map((t) => [t.score, t.resetAt !== null, t.counted])).toEqual([
      [0, true, false],
      [2, false, true],
    ]);
    expect(report.students[0]!.score).toBe(2);
  });

  it('an attempt reset while open can no longer be answered', async () => {
    const { id } = await createAssignment(owner, base);
    const { learner } = await createLearner();
    const studentId = (await joinAssignment(learner, id, 'Gus')).id;
    const attemptId = await startAssignmentAttempt(learner, id);
    await resetStudentAttempts(owner, id, studentId);
    expect((await getAttempt(learner, attemptId)).refusal).toBe(REFUSALS.reset); // the quiz page says so instead of asking
    expect((await rejection(answer(learner, attemptId, 'tl-001', true))).message).toBe(REFUSALS.reset);
    expect(await startAssignmentAttempt(learner, id)).not.toBe(attemptId);
  });
});

describe('classroom counts', () => {
  it('/teach counts students who submitted, not attempts', async () => {
    const { id } = await createAssignment(owner, { ...base, attemptsAllowed: 3, reveal: 'never' });
    const { learner } = await createLearner();
    await joinAssignment(learner, id, 'Hal');
    for (let i = 0; i < 3; i++) await takeQuiz(learner, id, [true, false, true]);
    expect((await listAssignments(owner))[0]).toMatchObject({ students: 1, submitted: 1 });
  });

  it('a flashcard student who did every card counts as finished', async () => {
    const { id } = await createAssignment(owner, { ...base, mode: 'flashcards' });
    const { learner } = await createLearner();
    await joinAssignment(learner, id, 'Ivy');
    for (const [i, itemId] of ITEMS.entries()) {
      await rateCard(learner, {
        reviewId: `review-${String(i).padStart(6, '0')}`,
        itemId,
        rating: 'good',
        durationMs: 1,
        assignmentId: id,
      });
      expect((await assignmentReport(owner, id)).students[0]!.status).toBe(i === ITEMS.length - 1 ? 'finished' : 'working');
    }
    expect((await listAssignments(owner))[0]).toMatchObject({ students: 1, submitted: 1 });
  });

  it('in mastery mode the answer says the quiz is finished only when no round is left', async () => {
    const { id } = await createAssignment(owner, { ...base, mastery: true, reveal: 'immediately' });
    const { learner } = await createLearner();
    await joinAssignment(learner, id, 'Jo');
    const attemptId = await startAssignmentAttempt(learner, id);
    expect((await answer(learner, attemptId, 'tl-001', true)).finished).toBe(false);
    expect((await answer(learner, attemptId, 'tl-002', false)).finished).toBe(false);
    expect((await answer(learner, attemptId, 'tl-006', true)).finished).toBe(false); // tl-002 comes back
    expect((await getAttempt(learner, attemptId)).round).toBe(2);
    expect((await answer(learner, attemptId, 'tl-002', true)).finished).toBe(true);
  });
});

describe('the progress page inside a class', () => {
  it('shows no score, rating or weak item that the reveal policy still holds back, and shows them once it allows', async () => {
    const { id: never } = await createAssignment(owner, { ...base, title: 'Never shown', reveal: 'never' });
    const { learner: sam } = await createLearner();
    await joinAssignment(sam, never, 'Sam');
    await takeQuiz(sam, never, [false, false, false]);
    const held = await getProgress(sam);
    expect(held.quizzes.map((q) => q.score)).toEqual([null]);
    expect(held.weakest.map((w) => w.questionId)).toEqual([]);
    expect(held.totalReviews).toBe(0);

    const { id: shown } = await createAssignment(owner, { ...base, title: 'Shown after submitting' });
    const { learner: kim } = await createLearner();
    await joinAssignment(kim, shown, 'Kim');
    await takeQuiz(kim, shown, [false, false, false]);
    const revealed = await getProgress(kim);
    expect(revealed.quizzes.map((q) => q.score)).toEqual([0]);
    expect(revealed.weakest.map((w) => w.questionId).sort()).toEqual([...ITEMS].sort());
    expect(revealed.totalReviews).toBe(3);
  });
});
