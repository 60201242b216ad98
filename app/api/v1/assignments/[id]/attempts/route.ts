import { NextResponse } from 'next/server';
import { learnerRoute } from '@/server/callers';
import { AppError } from '@/server/errors';
import { startAssignmentAttempt } from '@/server/students';

/** Starts (or returns the open) quiz attempt of the joined student, under the teacher's settings. */
export const POST = learnerRoute<RouteContext<'/api/v1/assignments/[id]/attempts'>>(
  () => new AppError('forbidden', 'Join the assignment with a nickname first.'),
  async ({ params, learner }) => NextResponse.json({ attemptId: await startAssignmentAttempt(learner, params.id) }, { status: 201 }),
);
