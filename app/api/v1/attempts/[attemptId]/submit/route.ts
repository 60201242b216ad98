import { NextResponse } from 'next/server';
import { notFound } from '@/server/errors';
import { apiRoute } from '@/server/http';
import { submitAttempt } from '@/server/quizzes';
import { currentLearner } from '@/server/session';

export const POST = apiRoute(async (_request, { params }: { params: Promise<{ attemptId: string }> }) => {
  const learner = await currentLearner();
  if (!learner) throw notFound('That quiz attempt');
  return NextResponse.json(await submitAttempt(learner, (await params).attemptId));
});
