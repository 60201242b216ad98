import { NextResponse } from 'next/server';
import { notFound } from '@/server/errors';
import { apiRoute, readJson } from '@/server/http';
import { answerInput, answerQuestion } from '@/server/answers';
import { currentLearner } from '@/server/session';

export const POST = apiRoute(async (request, { params }: { params: Promise<{ attemptId: string }> }) => {
  const body = await readJson(request, answerInput);
  const learner = await currentLearner();
  if (!learner) throw notFound('That quiz attempt');
  return NextResponse.json(await answerQuestion(learner, (await params).attemptId, body));
});
