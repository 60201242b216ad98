import { NextResponse } from 'next/server';
import { apiRoute } from '@/server/http';
import { ANONYMOUS_LEARNER } from '@/server/learners';
import { getReviewQueue } from '@/server/review-queue';
import { currentLearner } from '@/server/session';

// Reading the queue writes nothing: a visitor with no learner yet sees the new cards, and the
// first rating creates the learner.
export const GET = apiRoute(async (request) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const learner = (await currentLearner()) ?? ANONYMOUS_LEARNER;
  return NextResponse.json(await getReviewQueue(learner, query));
});
