import { NextResponse } from 'next/server';
import { notFound } from '@/server/errors';
import { apiRoute } from '@/server/http';
import { getAttempt } from '@/server/quizzes';
import { currentLearner } from '@/server/session';

export const GET = apiRoute(async (_request, { params }: { params: Promise<{ attemptId: string }> }) => {
  const learner = await currentLearner();
  if (!learner) throw notFound('That quiz attempt');
  return NextResponse.json(await getAttempt(learner, (await params).attemptId));
});
