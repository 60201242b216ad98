import 'server-only';
import { z } from 'zod';
import { nicknameKey, nicknameSchema, suggestFreeNickname } from '@/lib/classroom/nicknames';
import { ownedAssignment, setAssignmentSwitch } from './assignments';
import type { TeacherRef } from './auth';
import { getDb } from './db';
import { AppError, notFound, parseOrThrow } from './errors';
import { ROW_ID } from '@/lib/row-id';

/** The teacher's actions on an assignment's class list. Every one checks that the teacher owns it. */

const studentIdSchema = z.string().regex(ROW_ID, { error: 'is not a student id' });

async function ownedStudent(teacher: TeacherRef, assignmentId: string, rawStudentId: unknown) {
  await ownedAssignment(teacher, assignmentId);
  const studentId = parseOrThrow(studentIdSchema, rawStudentId, ['studentId']);
  const db = await getDb();
  const student = await db.assignmentStudent.findUnique({ where: { id: studentId } });
  // A student of another assignment looks exactly like a missing one.
  if (!student || student.assignmentId !== assignmentId) throw notFound('That student');
  return student;
}

/** Removes a student and their attempts from the class (for names that should not be there). */
export async function removeStudent(teacher: TeacherRef, assignmentId: string, studentId: unknown): Promise<{ nickname: string }> {
  const student = await ownedStudent(teacher, assignmentId, studentId);
  const db = await getDb();
  await db.assignmentStudent.delete({ where: { id: student.id } });
  return { nickname: student.nickname };
}

/** Renames a student; the new name obeys the same rules as a join (no look-alike of another). */
export async function renameStudent(
  teacher: TeacherRef,
  assignmentId: string,
  { studentId, nickname: rawNickname }: { studentId: unknown; nickname: unknown },
): Promise<{ nickname: string }> {
  const student = await ownedStudent(teacher, assignmentId, studentId);
  const nickname = parseOrThrow(nicknameSchema, rawNickname, ['nickname']);
  const db = await getDb();
  const others = await db.assignmentStudent.findMany({ where: { assignmentId, id: { not: student.id } }, select: { nickname: true } });
  const taken = new Set(others.map((s) => nicknameKey(s.nickname)));
  const key = nicknameKey(nickname);
  if (taken.has(key)) {
    throw new AppError(
      'conflict',
      `nickname: Another student is called that, or something that looks like it. How about “${suggestFreeNickname(nickname, taken)}”?`,
      ['nickname'],
    );
  }
  await db.assignmentStudent.update({ where: { id: student.id }, data: { nickname, nicknameKey: key } });
  return { nickname };
}

/**
 * Resets the student's attempts: each stays in the report, marked reset with the time, and no
 * longer counts or uses up the allowance; an unfinished one can no longer be answered.
 */
export async function resetStudentAttempts(
  teacher: TeacherRef,
  assignmentId: string,
  studentId: unknown,
  now = new Date(),
): Promise<{ reset: number }> {
  const student = await ownedStudent(teacher, assignmentId, studentId);
  const db = await getDb();
  const { count } = await db.quizAttempt.updateMany({ where: { studentId: student.id, resetAt: null }, data: { resetAt: now } });
  return { reset: count };
}

/** Locks (nobody new may join) or unlocks the class list. */
export function setRosterLocked(
  teacher: TeacherRef,
  assignmentId: string,
  { locked }: { locked: boolean },
  now = new Date(),
): Promise<void> {
  return setAssignmentSwitch(teacher, assignmentId, { field: 'rosterLockedAt', on: locked }, now);
}
