import { NextResponse } from 'next/server';
import { learnerRoute } from '@/server/callers';
import { notFound } from '@/server/errors';
import { undoReview } from '@/server/reviews';

export const POST = learnerRoute<RouteContext<'/api/v1/reviews/[reviewId]/undo'>>(
  () => notFound('That review'),
  async ({ params, learner }) => NextResponse.json(await undoReview(learner, params.reviewId)),
);
