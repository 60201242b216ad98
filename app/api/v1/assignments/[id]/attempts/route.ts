import { NextResponse } from 'next/server';
import { apiRoute } from '@/server/http';
import { learnerForWrite } from '@/server/session';
import { startAssignmentAttempt } from '@/server/students';

/** Starts (or returns the open) quiz attempt of the joined student, under the teacher's settings. */
export const POST = apiRoute(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const attemptId = await startAssignmentAttempt(await learnerForWrite(), (await params).id);
  return NextResponse.json({ attemptId }, { status: 201 });
});
