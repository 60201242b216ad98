import { NextResponse } from 'next/server';
import { writerRoute } from '@/server/callers';
import { readJson } from '@/server/http';
import { clientAddress } from '@/server/rate-limits';
import { joinByCode } from '@/server/students';

/** Joins an assignment by its code under a nickname (wrong codes are limited per address). */
export const POST = writerRoute<RouteContext<'/api/v1/assignments/join'>>(async ({ request, learner }) => {
  const { assignmentId, student } = await joinByCode(learner, await readJson(request), await clientAddress());
  return NextResponse.json(
    { assignmentId, studentId: student.id, nickname: student.nickname, personalCode: student.personalCode },
    { status: 201 },
  );
});
