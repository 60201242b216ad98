import { NextResponse } from 'next/server';
import { learnerRoute } from '@/server/callers';
import { notFound } from '@/server/errors';
import { submitAttempt } from '@/server/quizzes';

export const POST = learnerRoute<RouteContext<'/api/v1/attempts/[attemptId]/submit'>>(
  () => notFound('That quiz attempt'),
  async ({ params, learner }) => NextResponse.json(await submitAttempt(learner, params.attemptId)),
);
