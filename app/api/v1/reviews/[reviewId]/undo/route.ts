import { NextResponse } from 'next/server';
import { notFound } from '@/server/errors';
import { apiRoute } from '@/server/http';
import { undoReview } from '@/server/reviews';
import { currentLearner } from '@/server/session';

export const POST = apiRoute(async (_request, { params }: { params: Promise<{ reviewId: string }> }) => {
  const learner = await currentLearner();
  if (!learner) throw notFound('That review');
  return NextResponse.json(await undoReview(learner, (await params).reviewId));
});
