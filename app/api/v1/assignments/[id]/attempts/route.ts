import { NextResponse } from 'next/server';
import { AppError } from '@/server/errors';
import { apiRoute } from '@/server/http';
import { currentLearner } from '@/server/session';
import { startAssignmentAttempt } from '@/server/students';

/** Starts (or returns the open) quiz attempt of the joined student, under the teacher's settings. */
export const POST = apiRoute(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const learner = await currentLearner();
  if (!learner) throw new AppError('forbidden', 'Join the assignment with a nickname first.');
  const attemptId = await startAssignmentAttempt(learner, (await params).id);
  return NextResponse.json({ attemptId }, { status: 201 });
});
