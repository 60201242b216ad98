import 'server-only';
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import type { AssignmentListRow } from '@/lib/classroom/assignment-list';
import { generateUniqueJoinCode } from '@/lib/classroom/codes';
import { localToInstant } from '@/lib/classroom/local-time';
import { localDateTimeSchema } from '@/lib/classroom/local-time-schema';
import {
  assignmentStatus,
  LATE_WORK_POLICIES,
  REVEAL_POLICIES,
  SECURITY_MODES,
  type LateWorkPolicy,
  type RevealPolicy,
} from '@/lib/classroom/reveal';
import { settingChangeEffects, type WorkSoFar } from '@/lib/classroom/setting-effects';
import { idSchema } from '@/lib/questions/schema';
import { timeZoneSchema } from '@/lib/scheduler';
import type { TeacherRef } from './auth';
import { getDb } from './db';
import { AppError, notFound, parseOrThrow } from './errors';
import { randomId } from './tokens';
import { ROW_ID } from '@/lib/row-id';

export const ASSIGNMENT_MODES = ['quiz', 'flashcards'] as const;

export const assignmentInput = z.strictObject({
  title: z
    .string()
    .trim()
    .min(1, { error: 'Give the assignment a title.' })
    .max(120, { error: 'Keep the title to 120 characters or fewer.' }),
  setId: idSchema,
  itemIds: z.array(idSchema).max(200).optional(),
  mode: z.enum(ASSIGNMENT_MODES, { error: 'Choose a quiz or flashcard practice.' }),
  dueLocal: z.union([z.literal(''), localDateTimeSchema]).optional(),
  timeZone: timeZoneSchema,
  attemptsAllowed: z.coerce
    .number()
    .int()
    .refine((n) => [0, 1, 2, 3].includes(n), { error: 'Choose 1, 2, 3 or unlimited attempts.' }),
  shuffle: z.boolean(),
  reveal: z.enum(REVEAL_POLICIES, { error: 'Choose when students see the answers.' }),
  lateWork: z.enum(LATE_WORK_POLICIES, { error: 'Choose whether late work is accepted.' }),
  mastery: z.boolean(),
  security: z.enum(SECURITY_MODES, { error: 'must be practice or secure' }).default('practice'),
  /** A due date that has already passed is refused unless the teacher says it is on purpose. */
  allowPastDue: z.boolean().default(false),
});
export type AssignmentInput = z.input<typeof assignmentInput>;

/** An assignment of this teacher, or 404 — another teacher's looks exactly like a missing one. */
export async function ownedAssignment(teacher: TeacherRef, assignmentId: string) {
  if (!ROW_ID.test(assignmentId)) throw notFound('That assignment');
  const db = await getDb();
  const assignment = await db.assignment.findUnique({
    where: { id: assignmentId },
    include: { set: { select: { title: true, articleSlug: true } } },
  });
  if (!assignment || assignment.teacherId !== teacher.id) throw notFound('That assignment');
  return assignment;
}

async function freeJoinCode(): Promise<string> {
  const db = await getDb();
  return generateUniqueJoinCode(
    randomInt,
    async (code) => (await db.assignment.findUnique({ where: { code }, select: { id: true } })) !== null,
  );
}

async function resolveItems({
  setId,
  mode,
  itemIds,
}: {
  setId: string;
  mode: (typeof ASSIGNMENT_MODES)[number];
  itemIds?: string[];
}): Promise<string[]> {
  const db = await getDb();
  const set = await db.questionSet.findFirst({ where: { id: setId, retiredAt: null }, select: { id: true } });
  if (!set) throw new AppError('invalid_input', `setId: There is no set "${setId}"; choose one from the list.`, ['setId']);
  const rows = await db.question.findMany({
    where: { setId, retiredAt: null, ...(mode === 'quiz' ? { type: { not: 'card' } } : {}) },
    orderBy: { position: 'asc' },
    select: { id: true },
  });
  const all = rows.map((r) => r.id);
  if (!itemIds || itemIds.length === 0) return all;
  for (const [index, id] of itemIds.entries()) {
    if (!all.includes(id))
      throw new AppError('invalid_input', `itemIds.${index}: "${id}" is not a ${mode === 'quiz' ? 'quiz question' : 'card'} of this set.`, [
        'itemIds',
        index,
      ]);
  }
  return all.filter((id) => itemIds.includes(id));
}

const PAST_DUE_MESSAGE =
  'dueLocal: That due date has already passed. Choose a later one, or tick “The due date is in the past on purpose”.';

export async function createAssignment(teacher: TeacherRef, input: unknown, now = new Date()): Promise<{ id: string; code: string }> {
  const data = parseOrThrow(assignmentInput, input);
  const dueAt = data.dueLocal ? localToInstant(data.dueLocal, data.timeZone) : null;
  // A new assignment due in the past would refuse or mark late all its work at once: almost always a typo.
  if (dueAt && dueAt.getTime() <= now.getTime() && !data.allowPastDue) throw new AppError('invalid_input', PAST_DUE_MESSAGE, ['dueLocal']);
  const itemIds = await resolveItems(data);
  if (itemIds.length === 0) throw new AppError('invalid_input', 'itemIds: Choose at least one item.', ['itemIds']);
  const db = await getDb();
  const created = await db.assignment.create({
    data: {
      id: randomId(),
      code: await freeJoinCode(),
      teacherId: teacher.id,
      title: data.title,
      setId: data.setId,
      itemIds: JSON.stringify(itemIds),
      mode: data.mode,
      dueAt,
      timeZone: data.timeZone,
      attemptsAllowed: data.attemptsAllowed,
      shuffle: data.shuffle,
      reveal: data.reveal,
      lateWork: data.lateWork,
      mastery: data.mastery,
      security: data.security,
    },
  });
  return { id: created.id, code: created.code };
}

export async function listAssignments(teacher: TeacherRef, now = new Date()): Promise<AssignmentListRow[]> {
  const db = await getDb();
  const rows = await db.assignment.findMany({
    where: { teacherId: teacher.id },
    orderBy: { createdAt: 'desc' },
    include: { set: { select: { title: true } }, _count: { select: { students: true } } },
  });
  // Students, not attempts: one student's three submissions count once.
  const submittedBy = await db.quizAttempt.groupBy({
    by: ['assignmentId', 'studentId'],
    where: { assignmentId: { in: rows.map((r) => r.id) }, studentId: { not: null }, submittedAt: { not: null }, resetAt: null },
  });
  const submitted = new Map<string, number>();
  for (const s of submittedBy) submitted.set(s.assignmentId!, (submitted.get(s.assignmentId!) ?? 0) + 1);
  // Flashcard practice is handed in by doing every card (rated Good or Easy once, as the report counts it).
  const flashcards = rows.filter((r) => r.mode === 'flashcards');
  if (flashcards.length) {
    const done = await db.reviewLog.groupBy({
      by: ['assignmentId', 'learnerId', 'questionId'],
      where: { assignmentId: { in: flashcards.map((r) => r.id) }, rating: { gte: 3 } },
    });
    for (const r of flashcards) {
      const perLearner = new Map<string, number>();
      for (const d of done) if (d.assignmentId === r.id) perLearner.set(d.learnerId, (perLearner.get(d.learnerId) ?? 0) + 1);
      const items = (JSON.parse(r.itemIds) as string[]).length;
      submitted.set(r.id, [...perLearner.values()].filter((n) => n >= items).length);
    }
  }
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    code: r.code,
    mode: r.mode,
    setTitle: r.set.title,
    dueAt: r.dueAt,
    status: assignmentStatus({ closedAt: r.closedAt, dueAt: r.dueAt, now }),
    students: r._count.students,
    submitted: submitted.get(r.id) ?? 0,
  }));
}

export const dueDateInput = z.strictObject({ dueLocal: z.union([z.literal(''), localDateTimeSchema]), timeZone: timeZoneSchema });

export async function setDueDate(teacher: TeacherRef, assignmentId: string, input: unknown): Promise<void> {
  const { dueLocal, timeZone } = parseOrThrow(dueDateInput, input);
  await ownedAssignment(teacher, assignmentId);
  const db = await getDb();
  await db.assignment.update({
    where: { id: assignmentId },
    data: { dueAt: dueLocal ? localToInstant(dueLocal, timeZone) : null, timeZone },
  });
}

export const settingsInput = z.strictObject({
  title: assignmentInput.shape.title,
  dueLocal: z.union([z.literal(''), localDateTimeSchema]),
  timeZone: timeZoneSchema,
  reveal: assignmentInput.shape.reveal,
  lateWork: assignmentInput.shape.lateWork,
});

/** Students (not attempts) with work handed in, and with an attempt still open; reset attempts and leavers left out. */
async function workSoFar(assignmentId: string): Promise<WorkSoFar> {
  const db = await getDb();
  const attempts = await db.quizAttempt.findMany({
    where: { assignmentId, resetAt: null, student: { leftAt: null } },
    select: { studentId: true, submittedAt: true },
  });
  const count = (submitted: boolean) =>
    new Set(attempts.filter((t) => (t.submittedAt !== null) === submitted).map((t) => t.studentId)).size;
  return { submitted: count(true), inProgress: count(false) };
}

/** What the assignment page needs to say what a change of its settings would do to work already in. */
export async function assignmentWork(teacher: TeacherRef, assignmentId: string): Promise<WorkSoFar> {
  await ownedAssignment(teacher, assignmentId);
  return workSoFar(assignmentId);
}

/**
 * Changes what is safe to change after students start (title, due date and zone, late work,
 * reveal) and says what the change did to work already in. Items, mode and attempts stay fixed.
 */
export async function updateAssignmentSettings(
  teacher: TeacherRef,
  assignmentId: string,
  input: unknown,
  now = new Date(),
): Promise<{ effects: string[] }> {
  const data = parseOrThrow(settingsInput, input);
  const a = await ownedAssignment(teacher, assignmentId);
  const dueAt = data.dueLocal ? localToInstant(data.dueLocal, data.timeZone) : null;
  const effects = settingChangeEffects(
    { reveal: a.reveal as RevealPolicy, lateWork: a.lateWork as LateWorkPolicy, dueAt: a.dueAt },
    { reveal: data.reveal, lateWork: data.lateWork, dueAt },
    await workSoFar(assignmentId),
    now,
  );
  const db = await getDb();
  await db.assignment.update({
    where: { id: assignmentId },
    data: { title: data.title, dueAt, timeZone: data.timeZone, reveal: data.reveal, lateWork: data.lateWork },
  });
  return { effects };
}

/** Turns one of the assignment's switches on (stamped with the time) or off: closed, or the class list locked. */
export async function setAssignmentSwitch(
  teacher: TeacherRef,
  assignmentId: string,
  { field, on }: { field: 'closedAt' | 'rosterLockedAt'; on: boolean },
  now = new Date(),
): Promise<void> {
  await ownedAssignment(teacher, assignmentId);
  const db = await getDb();
  await db.assignment.update({ where: { id: assignmentId }, data: { [field]: on ? now : null } });
}

export function setClosed(teacher: TeacherRef, assignmentId: string, { closed }: { closed: boolean }, now = new Date()): Promise<void> {
  return setAssignmentSwitch(teacher, assignmentId, { field: 'closedAt', on: closed }, now);
}

export async function duplicateAssignment(teacher: TeacherRef, assignmentId: string): Promise<{ id: string; code: string }> {
  const a = await ownedAssignment(teacher, assignmentId);
  const db = await getDb();
  const copy = await db.assignment.create({
    data: {
      id: randomId(),
      code: await freeJoinCode(),
      teacherId: teacher.id,
      title: `${a.title} (copy)`.slice(0, 120),
      setId: a.setId,
      itemIds: a.itemIds,
      mode: a.mode,
      dueAt: a.dueAt,
      timeZone: a.timeZone,
      attemptsAllowed: a.attemptsAllowed,
      shuffle: a.shuffle,
      reveal: a.reveal,
      lateWork: a.lateWork,
      mastery: a.mastery,
      security: a.security,
    },
  });
  return { id: copy.id, code: copy.code };
}

/** Deletes the assignment with its students and their attempts (their own review history stays theirs). */
export async function deleteAssignment(teacher: TeacherRef, assignmentId: string): Promise<void> {
  await ownedAssignment(teacher, assignmentId);
  const db = await getDb();
  await db.assignment.delete({ where: { id: assignmentId } });
}
