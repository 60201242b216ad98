import 'server-only';
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { generateJoinCode } from '@/lib/classroom/codes';
import { ownedAssignment } from './assignments';
import type { TeacherRef } from './auth';
import { getDb, type Db, type DbTransaction } from './db';
import { notFound, parseOrThrow } from './errors';
import { ROW_ID } from '@/lib/row-id';

/**
 * A student's personal code signs another device in as them. Anyone who has seen it could do
 * the same, so it is never a standing password: it changes each time it is used, when the student
 * signs out their other devices, and whenever the teacher resets it.
 */

/** A code no other student of the assignment has. */
export async function freePersonalCode(assignmentId: string, db: Db | DbTransaction): Promise<string> {
  for (let tries = 0; tries < 20; tries++) {
    const code = generateJoinCode(randomInt);
    if (
      !(await db.assignmentStudent.findUnique({
        where: { assignmentId_personalCode: { assignmentId, personalCode: code } },
        select: { id: true },
      }))
    )
      return code;
  }
  throw new Error('Could not find a free personal code');
}

/**
 * Spends a personal code: the learner it belongs to, and the student's code replaced by a new one
 * in the same transaction (so a code works once, even if two devices race). Null when no student
 * of the assignment has it (or it belongs to one who left the class).
 */
export async function spendPersonalCode(assignmentId: string, code: string): Promise<string | null> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const student = await tx.assignmentStudent.findUnique({
      where: { assignmentId_personalCode: { assignmentId, personalCode: code } },
      select: { id: true, learnerId: true, leftAt: true },
    });
    if (!student || student.leftAt) return null;
    await tx.assignmentStudent.update({ where: { id: student.id }, data: { personalCode: await freePersonalCode(assignmentId, tx) } });
    return student.learnerId;
  });
}

/** New codes for every assignment the learner is in ("Sign out every other device"). */
export async function rotatePersonalCodes(learnerId: string): Promise<void> {
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const students = await tx.assignmentStudent.findMany({ where: { learnerId }, select: { id: true, assignmentId: true } });
    for (const s of students)
      await tx.assignmentStudent.update({ where: { id: s.id }, data: { personalCode: await freePersonalCode(s.assignmentId, tx) } });
  });
}

const studentId = z.string().regex(ROW_ID, { error: 'is not a student id' });

/** The teacher gives one student a new personal code (the old one stops working). Returns the student's nickname. */
export async function resetPersonalCode(teacher: TeacherRef, assignmentId: string, rawStudentId: unknown): Promise<string> {
  await ownedAssignment(teacher, assignmentId);
  const id = parseOrThrow(studentId, rawStudentId, ['studentId']);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const student = await tx.assignmentStudent.findFirst({ where: { id, assignmentId }, select: { id: true, nickname: true } });
    if (!student) throw notFound('That student');
    await tx.assignmentStudent.update({ where: { id: student.id }, data: { personalCode: await freePersonalCode(assignmentId, tx) } });
    return student.nickname;
  });
}
