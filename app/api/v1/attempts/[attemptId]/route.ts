import { NextResponse } from 'next/server';
import { learnerRoute } from '@/server/callers';
import { notFound } from '@/server/errors';
import { getAttempt } from '@/server/quizzes';

export const GET = learnerRoute<RouteContext<'/api/v1/attempts/[attemptId]'>>(
  () => notFound('That quiz attempt'),
  async ({ params, learner }) => NextResponse.json(await getAttempt(learner, params.attemptId)),
);
