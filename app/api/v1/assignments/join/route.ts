import { NextResponse } from 'next/server';
import { z } from 'zod';
import { apiRoute, readJson } from '@/server/http';
import { clientAddress, limited } from '@/server/rate-limits';
import { currentLearner, learnerForWrite } from '@/server/session';
import { assignmentIdForCode, joinAssignment } from '@/server/students';

const joinInput = z.strictObject({ code: z.string().max(20), nickname: z.string().max(200) });

/** Joins an assignment by its code under a nickname (wrong codes are limited per address). */
export const POST = apiRoute(async (request) => {
  const body = await readJson(request, joinInput);
  const assignmentId = await limited('joinCode', { client: await clientAddress() }, () => assignmentIdForCode(body.code));
  const student = await joinAssignment((await currentLearner()) ?? learnerForWrite, assignmentId, body.nickname);
  return NextResponse.json(
    { assignmentId, studentId: student.id, nickname: student.nickname, personalCode: student.personalCode },
    { status: 201 },
  );
});
